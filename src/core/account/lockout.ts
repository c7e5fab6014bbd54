import type { User } from '../model.ts';
import type { CoreDeps, RequestMeta } from '../deps.ts';
import { fail } from '../errors.ts';
import { audit } from '../audit.ts';
import { MINUTE_MS } from '../limits.ts';

/**
 * Account lockout shared by sign-in and MFA (PCI DSS v4 8.3.4): after
 * `lockoutThreshold` consecutive failures the account locks for `lockoutMinutes`
 * or until an admin clears it.
 */
export function assertNotLocked(deps: Pick<CoreDeps, 'clock'>, user: User): void {
  const now = deps.clock.now();
  if (user.lockedUntil !== null && user.lockedUntil > now) {
    fail('LK_ERR_ACCOUNT_LOCKED', { retryAfterSeconds: Math.ceil((user.lockedUntil - now) / 1000) });
  }
}

export async function recordFailure(deps: CoreDeps, user: User, meta: RequestMeta | null, cause: string): Promise<void> {
  const { lockoutThreshold, lockoutMinutes } = deps.limits;
  const { locked } = await deps.store.users.recordFailure(user.id, lockoutThreshold, deps.clock.now() + lockoutMinutes * MINUTE_MS);
  if (locked) await audit(deps, 'account.locked', { orgId: user.orgId, userId: user.id }, meta, { cause, minutes: lockoutMinutes });
}

export async function recordSuccess(deps: CoreDeps, user: User): Promise<void> {
  if (user.failedAttempts > 0 || user.lockedUntil !== null) await deps.store.users.clearFailures(user.id);
}

/** An admin clears a lock at once. */
export async function unlock(deps: CoreDeps, user: User, meta: RequestMeta | null): Promise<void> {
  await deps.store.users.clearFailures(user.id);
  await audit(deps, 'account.unlocked', { orgId: user.orgId, userId: user.id }, meta, { by: 'admin' });
}
