import type { HoldReason, StepOutcome } from '../../ports/institution.ts';

/** Every HoldReason of the port, so sandboxes can offer one magic credential per reason. */
export const HOLD_REASONS = [
  'account_issue_accept_toc', 'account_issue_verify_identity', 'account_issue_update_password',
  'account_issue_enable_mfa', 'account_issue_payment_required', 'account_issue_contact_institution',
] as const satisfies readonly HoldReason[];

// Fails to compile if the port gains a reason this list lacks.
type MissingReason = Exclude<HoldReason, (typeof HOLD_REASONS)[number]>;
const everyReasonListed: [MissingReason] extends [never] ? true : MissingReason = true;
void everyReasonListed;

const ACTIONS: Readonly<Record<HoldReason, string>> = {
  account_issue_accept_toc: 'accept the updated terms of service',
  account_issue_verify_identity: 'verify your identity',
  account_issue_update_password: 'change your password',
  account_issue_enable_mfa: 'turn on two-step verification',
  account_issue_payment_required: 'pay the overdue balance',
  account_issue_contact_institution: 'contact customer service',
};

/** A hold whose message names the institution (users may have several connections). */
export function holdOutcome(institution: string, reason: HoldReason, url: string): Extract<StepOutcome, { kind: 'hold' }> {
  return { kind: 'hold', reason, message: `Sign in to ${institution} and ${ACTIONS[reason]}, then try again.`, url };
}
