import type { FastifyRequest } from 'fastify';
import type { Latchkey } from '../../registry.ts';
import type { DevKey, Organization, User } from '../../core/model.ts';
import { authenticate, resolveDevKey, type SessionContext } from '../../core/session/sessions.ts';
import { authenticateSessionToken } from '../../core/session/platform-key.ts';
import { fail } from '../../core/errors.ts';
import { SynapseError } from './errors.ts';

/**
 * Synapse's credentials over Latchkey's, with nothing stored:
 * - client_id|client_secret (X-SP-GATEWAY): an organization ID and the partner key that created it;
 * - oauth_key (X-SP-USER, v2's oauth_consumer_key): `oauth_` + a native user session token;
 * - refresh_token: `refresh_` + a MAC of the organization and user IDs under the server's MAC key.
 */
const OAUTH_PREFIX = 'oauth_';
const REFRESH_PREFIX = 'refresh_';

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** `a|b` → [a, b]; the second part may be empty or absent. */
function pair(value: string | undefined): [string, string] {
  if (!value) return ['', ''];
  const at = value.indexOf('|');
  return at < 0 ? [value, ''] : [value.slice(0, at), value.slice(at + 1)];
}

export const oauthKeyOf = (sessionToken: string) => `${OAUTH_PREFIX}${sessionToken}`;

/** The session token inside an oauth_key (a bare session token works too). */
export function sessionTokenOf(oauthKey: string | undefined): string | undefined {
  if (!oauthKey) return undefined;
  return oauthKey.startsWith(OAUTH_PREFIX) ? oauthKey.slice(OAUTH_PREFIX.length) : oauthKey;
}

export function refreshTokenOf(lk: Latchkey, orgId: string, userId: string): string {
  return `${REFRESH_PREFIX}${lk.deps.secrets.mac('synapse-refresh-token', `${orgId}\n${userId}`)}`;
}

export function checkRefreshToken(lk: Latchkey, user: User, token: string): void {
  if (!lk.deps.secrets.equal(refreshTokenOf(lk, user.orgId, user.id), token)) {
    throw new SynapseError(401, '110', 'The refresh_token is not valid for this user.');
  }
}

export interface Gateway {
  devKey: DevKey;
  org: Organization;
}

const BAD_GATEWAY_CREDENTIALS = () => new SynapseError(401, '100', 'Incorrect client credentials: X-SP-GATEWAY must be client_id|client_secret.');

/** X-SP-GATEWAY: the organization (client_id) and the partner key that created it (client_secret). */
export async function requireGateway(lk: Latchkey, req: FastifyRequest): Promise<Gateway> {
  const [clientId, secret] = pair(header(req, 'x-sp-gateway'));
  if (!clientId || !secret) throw BAD_GATEWAY_CREDENTIALS();
  const devKey = await resolveDevKey(lk.deps, secret);
  const org = await lk.deps.store.organizations.get(clientId);
  if (!devKey.partner || !org || org.partnerKeyId !== devKey.id) throw BAD_GATEWAY_CREDENTIALS();
  return { devKey, org };
}

/** A user of the gateway's organization; any other looks missing. */
export async function userOf(lk: Latchkey, gw: Gateway, userId: string): Promise<User> {
  const user = await lk.deps.store.users.get(userId);
  if (!user || user.orgId !== gw.org.id) fail('LK_ERR_NOT_FOUND', { field: 'user_id', detail: 'No such user.' });
  return user;
}

/** The oauth'd user's session; a partner session or a read-only token cannot link banks. */
function userSession(ctx: SessionContext, write: boolean): SessionContext {
  if (ctx.session.kind === 'partner') fail('LK_ERR_SESSION_INVALID');
  if (write && ctx.session.scope === 'read') fail('LK_ERR_FORBIDDEN', { detail: 'A read-only token cannot link banks.' });
  return ctx;
}

/**
 * v3.1 user calls: X-SP-USER's oauth_key, checked with X-SP-GATEWAY's key when it is
 * sent (Synapse's own examples of node calls send only X-SP-USER), for `userId` only.
 */
export async function requireUser(lk: Latchkey, req: FastifyRequest, userId: string, write: boolean): Promise<SessionContext> {
  const token = sessionTokenOf(pair(header(req, 'x-sp-user'))[0]);
  const gw = header(req, 'x-sp-gateway') ? await requireGateway(lk, req) : null;
  const ctx = userSession(gw ? await authenticate(lk.deps, token, gw.devKey) : await authenticateSessionToken(lk.deps, token), write);
  if (ctx.user.id !== userId || (gw && gw.org.id !== ctx.org.id)) throw new SynapseError(401, '110', 'The oauth_key does not belong to this user.');
  return ctx;
}

/** v2 calls: the flat `oauth_consumer_key` param is the only credential. */
export async function requireConsumer(lk: Latchkey, oauthConsumerKey: string | undefined, write: boolean): Promise<SessionContext> {
  return userSession(await authenticateSessionToken(lk.deps, sessionTokenOf(oauthConsumerKey)), write);
}
