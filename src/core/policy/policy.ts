import type { CoreDeps } from '../deps.ts';
import type { SessionContext } from '../session/sessions.ts';
import { fail } from '../errors.ts';
import { MINUTE_MS } from '../limits.ts';

/** What an operation needs of the caller. */
export type Requirement =
  | { level: 'session'; write?: boolean }
  | { level: 'mfa'; withinMinutes?: number };

export type Policy = Readonly<Record<string, Requirement>>;

/** The operations the seeds name as MFA-protected, and a plain read. */
export const BUILT_IN_POLICY: Policy = Object.freeze({
  pay_bills: { level: 'mfa' },
  add_vendor_bank_account: { level: 'mfa' },
  send_vendor_invite: { level: 'mfa' },
  send_invite: { level: 'mfa' },
  read: { level: 'session' },
});

export type DenyReason = 'mfa_required' | 'step_up_required' | 'session_expired' | 'forbidden';

export type Decision =
  | { allow: true; operation: string }
  | { allow: false; operation: string; reason: DenyReason; next: string };

const NEXT: Record<DenyReason, string> = {
  mfa_required: 'Complete an MFA challenge: POST /v1/mfa/challenges, then POST /v1/mfa/challenges/{challengeId}/verify.',
  step_up_required: 'Verify a fresh MFA challenge: POST /v1/mfa/challenges, then POST /v1/mfa/challenges/{challengeId}/verify.',
  session_expired: 'Sign in again: POST /v1/sessions.',
  forbidden: 'This credential cannot perform the operation; sign in as a user with a full session.',
};

export function deny(operation: string, reason: DenyReason, next = NEXT[reason]): Decision {
  return { allow: false, operation, reason, next };
}

/** Decides whether the session may perform `operation`. Unknown operations are refused. */
export function decide(deps: CoreDeps, policy: Policy, ctx: SessionContext, operation: string): Decision {
  const req = policy[operation];
  if (!req) return deny(operation, 'forbidden', `The policy names no operation "${operation}".`);
  if (req.level === 'session') {
    return req.write && ctx.session.scope === 'read' ? deny(operation, 'forbidden') : { allow: true, operation };
  }
  if (ctx.session.kind !== 'user') return deny(operation, 'forbidden');
  if (!ctx.org.mfaRequired) return { allow: true, operation };
  if (ctx.session.trustedAt === null) return deny(operation, 'mfa_required');
  if (req.withinMinutes !== undefined && deps.clock.now() - ctx.session.trustedAt > req.withinMinutes * MINUTE_MS) {
    return deny(operation, 'step_up_required');
  }
  return { allow: true, operation };
}

const ERROR_OF: Record<DenyReason, 'LK_ERR_MFA_REQUIRED' | 'LK_ERR_STEP_UP_REQUIRED' | 'LK_ERR_SESSION_INVALID' | 'LK_ERR_FORBIDDEN'> = {
  mfa_required: 'LK_ERR_MFA_REQUIRED',
  step_up_required: 'LK_ERR_STEP_UP_REQUIRED',
  session_expired: 'LK_ERR_SESSION_INVALID',
  forbidden: 'LK_ERR_FORBIDDEN',
};

/** Throws the typed error for a refused operation. */
export function enforce(deps: CoreDeps, policy: Policy, ctx: SessionContext, operation: string): void {
  const d = decide(deps, policy, ctx, operation);
  if (!d.allow) fail(ERROR_OF[d.reason], { detail: d.next });
}

/** A trust younger than `minutes`, whatever the organization's MFA setting (used for factor changes). */
export function requireRecentTrust(deps: CoreDeps, ctx: SessionContext, minutes: number): void {
  if (ctx.session.trustedAt === null) fail('LK_ERR_MFA_REQUIRED', { detail: NEXT.mfa_required });
  if (deps.clock.now() - ctx.session.trustedAt > minutes * MINUTE_MS) fail('LK_ERR_STEP_UP_REQUIRED', { detail: NEXT.step_up_required });
}
