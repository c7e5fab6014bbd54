import type { DevKey } from '../model.ts';
import type { CoreDeps, RequestMeta } from '../deps.ts';
import { fail } from '../errors.ts';
import { authenticate, openSession, type SessionContext } from './sessions.ts';
import { loginAsUser, type SignInResult } from './sign-in.ts';

/**
 * For vendor APIs whose platform credential is the partner key itself (Synapse's
 * `X-SP-GATEWAY: client_id|client_secret`), and whose session token is the only
 * credential of later calls (Synapse v2's `oauth_consumer_key`).
 */

/**
 * Login as user authorized by a partner-level key alone. loginAsUser needs a partner
 * session: one is opened for this call only and ended at once; its token is never shown.
 */
export async function loginAsUserWithKey(
  deps: CoreDeps, devKey: DevKey, input: { organizationId: string; userId: string }, meta: RequestMeta,
): Promise<SignInResult> {
  if (!devKey.partner) fail('LK_ERR_FORBIDDEN', { field: 'devKey', detail: 'Login as user needs a partner-level key.' });
  const org = await deps.store.organizations.get(input.organizationId);
  if (!org || org.partnerKeyId !== devKey.id) fail('LK_ERR_NOT_FOUND', { field: 'organizationId' });
  const user = await deps.store.users.get(input.userId);
  if (!user || user.orgId !== org.id) fail('LK_ERR_NOT_FOUND', { field: 'userId' });
  const { session } = await openSession(deps, { user, org, devKey, kind: 'partner' });
  try {
    return await loginAsUser(deps, { session, devKey }, input, meta);
  } finally {
    await deps.store.sessions.end(session.id, deps.clock.now());
  }
}

/** A session token alone: checked with the key it was opened by, which must not be revoked since. */
export async function authenticateSessionToken(deps: CoreDeps, token: string | undefined): Promise<SessionContext & { hasActiveFactor: boolean }> {
  if (!token) fail('LK_ERR_SESSION_INVALID');
  const found = await deps.store.sessions.findContext(deps.secrets.digest(token));
  const key = found ? await deps.store.devKeys.get(found.session.devKeyId) : null;
  if (!key || key.revokedAt !== null) fail('LK_ERR_SESSION_INVALID');
  return authenticate(deps, token, key);
}
