import type { ChallengeOptionSpec, ChallengeSpec } from '../../ports/institution.ts';
import type { AnswerRound, JudgeContext, PromptRound, RoundContext, Verdict } from './script.ts';

/** Passes when the answer is `expected`; options pass on the option whose value is `expected`. */
export function answerIs(expected: string): AnswerRound['judge'] {
  return (_c, value) => (value.trim() === expected ? 'pass' : 'fail');
}

/** Passes on any of the challenge's own options ("which phone?": every phone is right). */
export function anyOption(): AnswerRound['judge'] {
  return (c, value) => (c.options?.some((o) => o.value === value) ? 'pass' : 'fail');
}

/** A round whose challenges do not change; each judged the same way. */
export function fixedRound(challenges: ChallengeSpec[], judge: AnswerRound['judge']): AnswerRound {
  return { kind: 'answer', challenges: () => challenges, judge };
}

export function dynamicRound(
  challenges: (ctx: RoundContext) => ChallengeSpec[],
  judge: (c: ChallengeSpec, value: string, ctx: JudgeContext) => Verdict,
): AnswerRound {
  return { kind: 'answer', challenges, judge };
}

export function promptRound(
  challenge: ChallengeSpec, decision: PromptRound['decision'], pollsBeforeDecision: number,
): PromptRound {
  return { kind: 'prompt', challenge, decision, pollsBeforeDecision };
}

/** Options keyed `<prefix>_<n>` from [label, value] pairs. */
export function options(prefix: string, pairs: ReadonlyArray<readonly [label: string, value: string, image?: string]>): ChallengeOptionSpec[] {
  return pairs.map(([label, value, image], i) => ({ key: `${prefix}_${i + 1}`, label, value, ...(image ? { image } : {}) }));
}
