import type { Answer } from '../../core/connection/resume.ts';
import type { ChallengeView } from '../../core/connection/views.ts';

/** One item of `answers` (answer-questions) or `mfa` (legacy /auth/step). */
export interface Q2Answer {
  identifier: string;
  answer?: string | undefined;
}

/**
 * Q2 answers by item identifier; the core resumes by challenge. A chosen option (the
 * `code` method's "where to send it") names only the option; a prompt item needs
 * no answer and is dropped (the job polls it), so acknowledging one changes nothing.
 * Anything unknown goes through as is, for the core to refuse.
 */
export function nativeAnswers(pending: readonly ChallengeView[], answers: readonly Q2Answer[]): Answer[] {
  const prompts = new Set(pending.filter((c) => c.type === 'prompt').map((c) => c.challengeId));
  const optionOwner = new Map(pending.flatMap((c) => c.options.map((o) => [o.optionId, c.challengeId] as const)));
  return answers.filter((a) => !prompts.has(a.identifier)).map((a) => {
    const owner = optionOwner.get(a.identifier);
    return owner ? { challengeId: owner, value: a.identifier } : { challengeId: a.identifier, value: a.answer ?? '' };
  });
}
