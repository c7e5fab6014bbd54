import type { DevKey, MfaStatus, Organization, Session, SessionKind, TokenScope, User } from '../model.ts';
import type { CoreDeps } from '../deps.ts';
import { fail } from '../errors.ts';
import { newId } from '../ids.ts';
import { HOUR_MS, MINUTE_MS } from '../limits.ts';

/** An authenticated caller: the session and what it belongs to. */
export interface SessionContext {
  session: Session;
  user: User;
  org: Organization;
  devKey: DevKey;
}

/** Session IDs carry 256 bits of entropy; only their digest is stored. */
const SESSION_TOKEN_BYTES = 32;

/** A key may act for its own organization, and a partner key for every organization it created. */
export function keyMayActFor(devKey: DevKey, org: Organization): boolean {
  return devKey.orgId === org.id || (devKey.partner && org.partnerKeyId === devKey.id);
}

/** The developer key a raw key stands for, or null when it is missing, unknown or revoked. */
export async function findDevKey(deps: CoreDeps, rawKey: string | undefined): Promise<DevKey | null> {
  if (!rawKey) return null;
  const key = await deps.store.devKeys.findByHash(deps.secrets.digest(rawKey));
  return key && key.revokedAt === null ? key : null;
}

export async function resolveDevKey(deps: CoreDeps, rawKey: string | undefined): Promise<DevKey> {
  return (await findDevKey(deps, rawKey)) ?? fail('LK_ERR_DEV_KEY_INVALID', { field: 'devKey' });
}

export interface OpenSessionInput {
  user: User;
  org: Organization;
  devKey: DevKey;
  kind: SessionKind;
  trustMethod?: string | null;
  scope?: TokenScope;
  name?: string | null;
}

/** Creates a session and returns its one-time-visible token (the sessionId callers hold). */
export async function openSession(deps: CoreDeps, input: OpenSessionInput): Promise<{ token: string; session: Session }> {
  const now = deps.clock.now();
  const token = deps.random.token(SESSION_TOKEN_BYTES);
  const lifetime = input.kind !== 'api_token';
  const session: Session = {
    id: newId(deps.random, 'ses_', 24),
    tokenHash: deps.secrets.digest(token),
    kind: input.kind,
    userId: input.user.id,
    orgId: input.org.id,
    devKeyId: input.devKey.id,
    scope: input.scope ?? 'write',
    createdAt: now,
    lastSeenAt: now,
    expiresAt: lifetime ? now + deps.limits.sessionAbsoluteHours * HOUR_MS : null,
    idleMinutes: lifetime ? input.org.sessionIdleMinutes : null,
    trustedAt: input.trustMethod ? now : null,
    trustMethod: input.trustMethod ?? null,
    endedAt: null,
    name: input.name ?? null,
  };
  await deps.store.sessions.insert(session);
  return { token, session };
}

/** When the session ends if nothing else happens: the earlier of its idle and absolute limits. */
export function sessionExpiresAt(session: Session): number | null {
  const idle = session.idleMinutes === null ? null : session.lastSeenAt + session.idleMinutes * MINUTE_MS;
  if (idle === null) return session.expiresAt;
  if (session.expiresAt === null) return idle;
  return Math.min(idle, session.expiresAt);
}

/**
 * Resolves a sessionId to its context, or throws LK_ERR_SESSION_INVALID for every
 * kind of failure (unknown, ended, idle, past its lifetime) so none can be told apart.
 * Slides the idle timer, writing at most once per `sessionTouchIntervalSeconds`, unless
 * `touch` is false: a check that is not the user's own call (an event stream's heartbeat)
 * must not keep the session from idling out.
 */
export async function authenticate(
  deps: CoreDeps, token: string | undefined, devKey: DevKey, { touch = true }: { touch?: boolean } = {},
): Promise<SessionContext & { hasActiveFactor: boolean }> {
  if (!token) fail('LK_ERR_SESSION_INVALID');
  const found = await deps.store.sessions.findContext(deps.secrets.digest(token));
  if (!found) fail('LK_ERR_SESSION_INVALID');
  const { session, org } = found;
  const now = deps.clock.now();
  const expiresAt = sessionExpiresAt(session);
  if (session.endedAt !== null || (expiresAt !== null && now >= expiresAt)) fail('LK_ERR_SESSION_INVALID');
  if (!keyMayActFor(devKey, org)) fail('LK_ERR_SESSION_INVALID');
  if (touch && now - session.lastSeenAt >= deps.limits.sessionTouchIntervalSeconds * 1000) {
    await deps.store.sessions.touch(session.id, now);
    session.lastSeenAt = now;
  }
  return { session, user: found.user, org, devKey, hasActiveFactor: found.hasActiveFactor };
}

export async function hasActiveFactor(deps: CoreDeps, userId: string): Promise<boolean> {
  return (await deps.store.factors.listByUser(userId)).some((f) => f.status === 'active');
}

export function mfaStatusOf(ctx: SessionContext, hasActiveFactor: boolean): MfaStatus {
  if (!ctx.org.mfaRequired) return 'DISABLED';
  if (ctx.session.trustedAt !== null) return 'COMPLETE';
  return hasActiveFactor ? 'CHALLENGE' : 'SETUP';
}

export interface SessionInfo {
  userId: string;
  username: string;
  organizationId: string;
  kind: SessionKind;
  scope: TokenScope;
  mfaStatus: MfaStatus;
  trusted: boolean;
  trustedAt: number | null;
  trustMethod: string | null;
  /** Trust ends with the session. */
  trustExpiresAt: number | null;
  expiresAt: number | null;
  absoluteExpiresAt: number | null;
}

export function describeSession(ctx: SessionContext, hasActiveFactor: boolean): SessionInfo {
  const { session } = ctx;
  const expiresAt = sessionExpiresAt(session);
  return {
    userId: ctx.user.id,
    username: ctx.user.username,
    organizationId: ctx.org.id,
    kind: session.kind,
    scope: session.scope,
    mfaStatus: mfaStatusOf(ctx, hasActiveFactor),
    trusted: session.trustedAt !== null,
    trustedAt: session.trustedAt,
    trustMethod: session.trustMethod,
    trustExpiresAt: session.trustedAt !== null ? expiresAt : null,
    expiresAt,
    absoluteExpiresAt: session.expiresAt,
  };
}
