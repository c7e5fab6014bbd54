import type { FastifyRequest } from 'fastify';
import type { Latchkey } from '../registry.ts';
import type { RequestMeta } from '../core/deps.ts';
import type { DevKey } from '../core/model.ts';
import { authenticate, resolveDevKey, type SessionContext } from '../core/session/sessions.ts';
import { assertPartner } from '../core/session/sign-in.ts';
import { fail } from '../core/errors.ts';

/** Header carrying the developer key on every /v1 request. */
export const DEV_KEY_HEADER = 'x-dev-key';

export const metaOf = (req: FastifyRequest): RequestMeta => ({ ip: req.ip });

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function bearerOf(req: FastifyRequest): string | undefined {
  const auth = header(req, 'authorization');
  if (!auth) return undefined;
  const [scheme, token] = auth.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

/** Developer keys already checked for a request (by the CORS hook), so the route does not hash and look one up twice. */
const checkedKeys = new WeakMap<FastifyRequest, DevKey>();
export const rememberDevKey = (req: FastifyRequest, key: DevKey): void => void checkedKeys.set(req, key);

export async function requireDevKey(lk: Latchkey, req: FastifyRequest): Promise<DevKey> {
  return checkedKeys.get(req) ?? resolveDevKey(lk.deps, header(req, DEV_KEY_HEADER));
}

/** The developer key, then the session (Authorization: Bearer <sessionId or API token>); `touch: false` leaves the idle timer alone. */
export async function requireSession(lk: Latchkey, req: FastifyRequest, opts?: { touch?: boolean }): Promise<SessionContext & { hasActiveFactor: boolean }> {
  const devKey = await requireDevKey(lk, req);
  return authenticate(lk.deps, bearerOf(req), devKey, opts);
}

export async function requirePartnerSession(lk: Latchkey, req: FastifyRequest): Promise<SessionContext> {
  const ctx = await requireSession(lk, req);
  assertPartner(ctx);
  return ctx;
}

export const ADMIN_TOKEN_SETTING = 'admin.token_digest';

/** Admin endpoints take `Authorization: Bearer <admin token>`; only the token's digest is stored. */
export async function requireAdmin(lk: Latchkey, req: FastifyRequest): Promise<void> {
  const token = bearerOf(req);
  const stored = await lk.deps.store.settings.get(ADMIN_TOKEN_SETTING);
  if (!token || !stored || !lk.deps.secrets.equal(lk.deps.secrets.digest(token), stored)) fail('LK_ERR_ADMIN_TOKEN_INVALID');
}
