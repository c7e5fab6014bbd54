import type { AccountData, ChallengeSpec, StepOutcome } from '../../ports/institution.ts';

/** An outcome that ends a login: anything but a challenge or a wait. */
export type EndOutcome = Exclude<StepOutcome, { kind: 'challenge' } | { kind: 'awaiting_approval' }>;

/**
 * How the institution judges one answer: `pass` accepts it, `fail` rejects it (a
 * re-challenge flagged `rejected`), `again` accepts it but asks a follow-up round
 * (MX Bank's `challenge` answer), `end` stops the login (MX Bank's server-error answers).
 */
export type Verdict = 'pass' | 'fail' | 'again' | { end: EndOutcome };

/** What a round may depend on; all of it lives in the persisted state. */
export interface RoundContext {
  /** Options chosen in earlier rounds, by challenge key (e.g. the phone). */
  picks: Readonly<Record<string, string>>;
  /** Rounds accepted so far, so follow-up rounds get fresh keys. */
  turn: number;
}

export interface JudgeContext extends RoundContext {
  /** Answer calls already made in this round (0 on the first). */
  attempts: number;
}

/** A round the user answers: questions, options, codes, images. */
export interface AnswerRound {
  kind: 'answer';
  challenges(ctx: RoundContext): ChallengeSpec[];
  judge(challenge: ChallengeSpec, value: string, ctx: JudgeContext): Verdict;
}

/** A round approved in the institution's app: the engine polls it. */
export interface PromptRound {
  kind: 'prompt';
  challenge: ChallengeSpec;
  /** Polls answered "still waiting" before the decision. */
  pollsBeforeDecision: number;
  decision: 'approved' | 'refused' | 'never';
}

export type Round = AnswerRound | PromptRound;

/** One path through the institution, selected by magic credentials. */
export interface Script {
  /** MFA rounds, in order; none for a plain login. */
  rounds?: readonly Round[];
  /** How the login ends once every round passes (default: authenticated). */
  outcome?: EndOutcome;
  /** Wrong answers (over the whole login) before the institution locks it. */
  lockAfterWrongAnswers?: number;
  /** The institution takes `slowLoginMs` to answer the login. */
  slow?: boolean;
  /** Accounts this login sees, if not the institution's usual ones. */
  accounts?: readonly AccountData[];
}
