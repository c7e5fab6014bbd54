import type { DevKey, Session, User } from '../model.ts';
import type { CoreDeps, RequestMeta } from '../deps.ts';
import { fail, LatchkeyError } from '../errors.ts';
import { audit } from '../audit.ts';
import { assertNotLocked, recordFailure, recordSuccess } from '../account/lockout.ts';
import { assertUnderLimit, countEvent, type WindowLimit } from '../rate-limit.ts';
import { MINUTE_MS } from '../limits.ts';
import { hasActiveFactor, keyMayActFor, openSession, type SessionContext } from './sessions.ts';
import { redeemDevice } from '../trust/remembered-devices.ts';

export interface SignInInput {
  organizationId: string;
  username: string;
  password: string;
  rememberMeId?: string | undefined;
  device?: string | undefined;
}

export interface SignInResult {
  /** The sessionId the caller holds; only its digest is stored. */
  token: string;
  ctx: SessionContext;
  /** Whether the user has an active factor (mfaStatus CHALLENGE rather than SETUP). */
  hasActiveFactor: boolean;
}

// Verified against when the user does not exist, so unknown users cost the same time as wrong passwords.
const dummyHashes = new WeakMap<object, Promise<string>>();
function dummyHash(deps: CoreDeps): Promise<string> {
  let h = dummyHashes.get(deps.hasher);
  if (!h) dummyHashes.set(deps.hasher, (h = deps.hasher.hash('latchkey-timing-equalizer')));
  return h;
}

function failureLimits(deps: CoreDeps, input: SignInInput, meta: RequestMeta): WindowLimit[] {
  const windowMs = deps.limits.signInFailureWindowMinutes * MINUTE_MS;
  const account = { key: `signin-fail:acct:${input.organizationId}:${input.username.toLowerCase()}`, max: deps.limits.signInFailuresPerAccount, windowMs };
  if (!meta.ip) return [account];
  return [account, { key: `signin-fail:ip:${meta.ip}`, max: deps.limits.signInFailuresPerAddress, windowMs }];
}

/**
 * Password sign-in. `partner` demands a partner-level key and opens a partner session.
 * Every credential failure gives LK_ERR_CREDENTIALS_INVALID after one argon2id verify.
 */
export async function signIn(
  deps: CoreDeps, devKey: DevKey, input: SignInInput, meta: RequestMeta, opts: { partner?: boolean } = {},
): Promise<SignInResult> {
  if (opts.partner && !devKey.partner) fail('LK_ERR_FORBIDDEN', { field: 'devKey', detail: 'Partner sign-in needs a partner-level key.' });
  const limits = failureLimits(deps, input, meta);
  for (const limit of limits) {
    try {
      await assertUnderLimit(deps, limit);
    } catch (err) {
      if (err instanceof LatchkeyError) await audit(deps, 'sign_in.rate_limited', { orgId: null }, meta, { username: input.username });
      throw err;
    }
  }
  // The organization and the user are read together whatever the key, so the time taken does not tell them apart.
  const found = await deps.store.users.findForSignIn(input.organizationId, input.username);
  const org = found?.org ?? null;
  const user = org && keyMayActFor(devKey, org) ? found!.user : null;
  const ok = await deps.hasher.verify(user?.passwordHash ?? (await dummyHash(deps)), input.password);
  if (!ok || !user || !org) {
    for (const limit of limits) await countEvent(deps, limit);
    if (user) await recordFailure(deps, user, meta, 'password');
    await audit(deps, 'sign_in.failed', { orgId: user ? user.orgId : null, userId: user?.id ?? null }, meta, { username: input.username });
    fail('LK_ERR_CREDENTIALS_INVALID');
  }
  // Only a right password learns of a lock, so a lock does not reveal which usernames exist.
  assertNotLocked(deps, user);
  const trustMethod = input.rememberMeId ? await trustFromDevice(deps, user, input, meta) : null;
  // A password alone does not end a run of MFA failures: only a complete authentication does (PCI DSS v4 8.3.4).
  if (trustMethod !== null || !org.mfaRequired) await recordSuccess(deps, user);
  const { token, session } = await openSession(deps, { user, org, devKey, kind: opts.partner ? 'partner' : 'user', trustMethod });
  await audit(deps, 'sign_in.succeeded', { orgId: org.id, userId: user.id }, meta, { kind: session.kind, trusted: trustMethod !== null });
  return { token, ctx: { session, user, org, devKey }, hasActiveFactor: found!.hasActiveFactor };
}

async function trustFromDevice(deps: CoreDeps, user: User, input: { rememberMeId?: string | undefined; device?: string | undefined }, meta: RequestMeta): Promise<string> {
  await redeemDevice(deps, user, input.rememberMeId!, input.device, meta);
  return 'remembered_device';
}

/** A partner acts only through a partner session opened with a partner-level key, and presents that key. */
export function assertPartner(ctx: { session: Session; devKey: DevKey }): void {
  if (ctx.session.kind !== 'partner' || !ctx.devKey.partner) {
    fail('LK_ERR_FORBIDDEN', { detail: 'This needs a partner session (POST /v1/partner/sessions) and a partner-level key.' });
  }
}

/**
 * A partner opens a session as a user of an organization it created ("login as user").
 * Organizations it did not create look exactly like missing ones.
 */
export async function loginAsUser(
  deps: CoreDeps, partner: { session: Session; devKey: DevKey },
  input: { organizationId: string; userId: string; rememberMeId?: string | undefined; device?: string | undefined }, meta: RequestMeta,
): Promise<SignInResult> {
  assertPartner(partner);
  const org = await deps.store.organizations.get(input.organizationId);
  if (!org || org.partnerKeyId !== partner.devKey.id) fail('LK_ERR_NOT_FOUND', { field: 'organizationId' });
  const user = await deps.store.users.get(input.userId);
  if (!user || user.orgId !== org.id) fail('LK_ERR_NOT_FOUND', { field: 'userId' });
  assertNotLocked(deps, user);
  const trustMethod = input.rememberMeId ? await trustFromDevice(deps, user, input, meta) : null;
  const { token, session } = await openSession(deps, { user, org, devKey: partner.devKey, kind: 'user', trustMethod });
  await audit(deps, 'session.partner_opened', { orgId: org.id, userId: user.id }, meta, { trusted: trustMethod !== null });
  return { token, ctx: { session, user, org, devKey: partner.devKey }, hasActiveFactor: await hasActiveFactor(deps, user.id) };
}

export async function logout(deps: CoreDeps, session: Session, meta: RequestMeta): Promise<void> {
  await deps.store.sessions.end(session.id, deps.clock.now());
  await audit(deps, 'session.ended', { orgId: session.orgId, userId: session.userId }, meta, { kind: session.kind });
}
