import type { FastifyRequest } from 'fastify';
import type { Latchkey } from '../../registry.ts';
import type { DevKey, Organization } from '../../core/model.ts';
import { LatchkeyError } from '../../core/errors.ts';
import { resolveDevKey } from '../../core/session/sessions.ts';
import { MESSAGES, MxError } from './mx-errors.ts';

/** Who is calling: a developer key and the organization the MX dialect acts for (the key's own). */
export interface MxCaller {
  devKey: DevKey;
  org: Organization;
}

export const MX_MEDIA_TYPE = 'application/vnd.mx.api.v1+json';

const unauthorized = () => new MxError(401, MESSAGES.unauthorized);

/** `Authorization: Basic base64(client_id:api_key)`, split at the first colon. */
function basicCredentials(req: FastifyRequest): { clientId: string; apiKey: string } {
  const header = req.headers.authorization;
  const [scheme, encoded] = typeof header === 'string' ? header.split(' ') : [];
  if (scheme?.toLowerCase() !== 'basic' || !encoded) throw unauthorized();
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) throw unauthorized();
  return { clientId: decoded.slice(0, colon), apiKey: decoded.slice(colon + 1) };
}

/**
 * client_id is a developer key's ID (`key_…`) and api_key that key's secret: the
 * secret is resolved by the core, then its ID must be the client_id given.
 */
export async function authenticateMx(lk: Latchkey, req: FastifyRequest): Promise<MxCaller> {
  const { clientId, apiKey } = basicCredentials(req);
  let devKey: DevKey;
  try {
    devKey = await resolveDevKey(lk.deps, apiKey);
  } catch (err) {
    if (err instanceof LatchkeyError && err.code === 'LK_ERR_DEV_KEY_INVALID') throw unauthorized();
    throw err;
  }
  if (devKey.id !== clientId) throw unauthorized();
  const org = await lk.deps.store.organizations.get(devKey.orgId);
  if (!org) throw unauthorized();
  return { devKey, org };
}

/** MX serves only its v1 media type; anything else is its 406. */
export function requireMxVersion(req: FastifyRequest): void {
  const accept = req.headers.accept;
  if (typeof accept !== 'string' || !accept.toLowerCase().includes(MX_MEDIA_TYPE)) throw new MxError(406, MESSAGES.notAcceptable);
}

const callers = new WeakMap<FastifyRequest, MxCaller>();

export function rememberCaller(req: FastifyRequest, caller: MxCaller): void {
  callers.set(req, caller);
}

/** The caller the onRequest hook authenticated. */
export function callerOf(req: FastifyRequest): MxCaller {
  const caller = callers.get(req);
  if (!caller) throw unauthorized();
  return caller;
}
