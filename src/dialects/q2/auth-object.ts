import type { HoldReason } from '../../ports/institution.ts';
import type { ChallengeView, ConnectionView } from '../../core/connection/views.ts';
import type { Company } from './companies.ts';
import { authIdOf } from './ids.ts';

/** Seed 004's four status types, plus `pending` while a job is at work (Latchkey's; Q2 documents none). */
export type StatusType = 'verified' | 'authenticate' | 'hold' | 'mfa-required' | 'pending';
export type MfaMethod = 'questions' | 'code' | 'prompt';

/** An item with `question` takes an `answer`; an item without one is chosen by sending its `identifier` alone. */
export interface MfaItem {
  identifier: string;
  question?: string;
  label?: string;
  mask?: string;
  type?: string;
  image?: string;
}

export interface AuthObject {
  _id: string;
  status: { type: StatusType };
  company: Company;
  reason?: { userMessage: string; code: string };
  mfa?: { method: MfaMethod; mfa: MfaItem[] };
}

/** Q2's documented Biller Direct hold codes, used for every native reason (the message keeps the exact action). */
const HOLD_CODES: Readonly<Record<HoldReason, string>> = {
  account_issue_accept_toc: 'account_issue_accept_toc',
  account_issue_verify_identity: 'account_issue_verify_identity',
  account_issue_update_password: 'account_issue_verify_identity',
  account_issue_enable_mfa: 'account_issue_verify_identity',
  account_issue_payment_required: 'account_issue_verify_identity',
  account_issue_contact_institution: 'account_issue_account_locked',
};
export const LOCKED_CODE = 'account_issue_account_locked';
/** Not in Q2's Biller Direct list: modelled on its CardSwap `system_issue_*` codes. */
export const UNAVAILABLE_CODE = 'system_issue_unavailable';

const DEFAULT_HOLD_MESSAGE = 'You need to login and verify your account information.';

function holdReason(v: ConnectionView): { userMessage: string; code: string } {
  const userMessage = v.statusMessage ?? DEFAULT_HOLD_MESSAGE;
  if (v.state === 'LOCKED') return { userMessage, code: LOCKED_CODE };
  if (v.state === 'INSTITUTION_DOWN') return { userMessage, code: UNAVAILABLE_CODE };
  return { userMessage, code: v.hold ? HOLD_CODES[v.hold.reason as HoldReason] ?? v.hold.reason : 'account_issue_verify_identity' };
}

const MEDIUM_TYPES: Readonly<Record<string, string>> = { sms: 'text', email: 'email', phone_call: 'phone' };
// Option labels name the channel first ("Text: xxx-xxx-1234", "Email: j***@…"): the rest is the mask.
const LABEL_TYPES: ReadonlyArray<readonly [RegExp, string]> = [[/^(text|sms)\b:?\s*/i, 'text'], [/^e-?mail\b:?\s*/i, 'email'], [/^(call|phone|voice)\b:?\s*/i, 'phone']];

function optionItem(o: ChallengeView['options'][number]): MfaItem {
  const [pattern, type] = LABEL_TYPES.find(([re]) => re.test(o.label)) ?? [/^/, 'text'];
  return { mask: o.label.replace(pattern, ''), type, identifier: o.optionId, label: o.label, ...(o.image ? { image: o.image } : {}) };
}

function itemsOf(c: ChallengeView): MfaItem[] {
  switch (c.type) {
    case 'prompt': return [{ label: c.label, identifier: c.challengeId }];
    case 'options':
    case 'image_options': return c.options.map(optionItem);
    case 'code_sent':
    case 'code_generated':
      return [{ question: c.label, mask: c.medium?.label ?? '', type: MEDIUM_TYPES[c.medium?.type ?? ''] ?? 'app', identifier: c.challengeId, label: c.label }];
    case 'image_data': return [{ question: c.label, identifier: c.challengeId, ...(c.image ? { image: c.image } : {}) }];
    case 'question': return [{ question: c.label, identifier: c.challengeId }];
  }
}

/** A prompt round is `prompt`; choosing where a code goes, or typing it, is `code`; anything else `questions`. */
function methodOf(challenges: ChallengeView[]): MfaMethod {
  if (challenges.some((c) => c.type === 'prompt')) return 'prompt';
  if (challenges.some((c) => c.type !== 'question' && c.type !== 'image_data')) return 'code';
  return 'questions';
}

/** The Auth object's status part, from the connection's state. */
export function statusOf(v: ConnectionView): Pick<AuthObject, 'status' | 'reason' | 'mfa'> {
  switch (v.state) {
    case 'CONNECTED': return { status: { type: 'verified' } };
    case 'CREATED':
    case 'PROCESSING':
    case 'RESUMED': return { status: { type: 'pending' } };
    case 'HOLD':
    case 'LOCKED':
    case 'INSTITUTION_DOWN': return { status: { type: 'hold' }, reason: holdReason(v) };
    case 'CHALLENGED':
    case 'REJECTED':
      // A prompt refused in the app leaves nothing to answer: the user starts again, as after refused credentials.
      if (v.challenges.length === 0) return { status: { type: 'authenticate' } };
      return { status: { type: 'mfa-required' }, mfa: { method: methodOf(v.challenges), mfa: v.challenges.flatMap(itemsOf) } };
    case 'DENIED':
    case 'PREVENTED':
    case 'EXPIRED':
    case 'INTERACTIVE_REQUIRED': return { status: { type: 'authenticate' } };
  }
}

export function authObject(v: ConnectionView, company: Company): AuthObject {
  const { status, ...extra } = statusOf(v);
  return { _id: authIdOf(v.connectionId), status, company, ...extra };
}
