/**
 * An institution connector: how Latchkey logs in to one bank or biller. One folder
 * under src/institutions/ plus one line in src/institutions/index.ts. Connectors hold
 * no state of their own: whatever they need between steps goes in `state`, which the
 * engine persists (encrypted) and hands back.
 */
/**
 * question: free-text answer (several may come in one round); options: choose one,
 * e.g. "which phone should we text?"; code_sent: a code the institution sent to a
 * device; code_generated: a code from the user's own authenticator; image_data: read
 * an image and type what it shows; image_options: choose the right image; prompt:
 * approve in the institution's app, no input.
 */
export const INSTITUTION_CHALLENGE_TYPES = ['question', 'options', 'code_sent', 'code_generated', 'image_data', 'image_options', 'prompt'] as const;

export type InstitutionChallengeType = (typeof INSTITUTION_CHALLENGE_TYPES)[number];

export interface ChallengeOptionSpec {
  key: string;
  label: string;
  value: string;
  /** data: URI for image options. */
  image?: string;
}

export interface ChallengeSpec {
  /** The connector's own name for this prompt, stable within the round. */
  key: string;
  type: InstitutionChallengeType;
  label: string;
  options?: ChallengeOptionSpec[];
  /** data: URI for image_data. */
  image?: string;
  /** Where a code was sent, or which app must approve. */
  medium?: { type: 'sms' | 'email' | 'phone_call' | 'mobile_app' | 'device'; label: string };
  /** The institution's own deadline, if shorter than the engine's default. */
  expiresInSeconds?: number;
}

export type HoldReason =
  | 'account_issue_accept_toc' | 'account_issue_verify_identity' | 'account_issue_update_password'
  | 'account_issue_enable_mfa' | 'account_issue_payment_required' | 'account_issue_contact_institution';

export type StepOutcome =
  | { kind: 'authenticated' }
  | { kind: 'challenge'; challenges: ChallengeSpec[]; rejected?: boolean }
  | { kind: 'awaiting_approval'; pollAfterMs: number }
  | { kind: 'approval_refused' }
  | { kind: 'bad_credentials'; message?: string }
  | { kind: 'locked'; message?: string }
  | { kind: 'hold'; reason: HoldReason; message: string; url?: string }
  | { kind: 'unavailable'; message?: string };

export type ConnectorState = Record<string, unknown>;

export interface StepResult {
  outcome: StepOutcome;
  state: ConnectorState;
}

export interface StepInput {
  credentials: Readonly<Record<string, string>>;
  state: ConnectorState;
}

export interface AccountData {
  externalId: string;
  name: string;
  type: 'checking' | 'savings' | 'credit_card' | 'loan' | 'utility' | 'investment';
  mask: string;
  balance: number;
  currency: string;
}

export interface DocumentData {
  externalId: string;
  kind: 'tax_document' | 'statement';
  name: string;
  year: number;
}

export interface CredentialField {
  name: string;
  label: string;
  type: 'text' | 'password';
}

export interface InstitutionConnector {
  readonly code: string;
  readonly name: string;
  readonly url: string;
  readonly logoUrl: string | null;
  readonly credentialFields: readonly CredentialField[];
  /** Log in with credentials. May answer with MFA. */
  login(input: StepInput): Promise<StepResult>;
  /** Answer the current round, by challenge key. Never re-sends a code. */
  answer(input: StepInput & { answers: ReadonlyArray<{ key: string; value: string }> }): Promise<StepResult>;
  /** Check on a prompt waiting for approval in the institution's app. */
  poll(input: StepInput): Promise<StepResult>;
  fetchAccounts(input: StepInput): Promise<AccountData[]>;
  fetchDocuments(input: StepInput): Promise<DocumentData[]>;
}
