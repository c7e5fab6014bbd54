import type { ConnectionDeps } from './deps.ts';
import type { Connection, InstitutionChallenge } from './model.ts';
import { fail, LatchkeyError } from '../errors.ts';
import { MINUTE_MS } from '../limits.ts';
import { recordTransition } from './events.ts';
import { sealText } from './sealed.ts';
import { transact, viewConnection } from './connections.ts';
import type { ConnectionView } from './views.ts';

export interface Answer {
  challengeId: string;
  value: string;
}

const MAX_ANSWER_LENGTH = 1000;

/** Answers must name each pending challenge of the round once, by ID; an option is answered by its ID or value. */
function matchAnswers(pending: InstitutionChallenge[], answers: Answer[]): { challenge: InstitutionChallenge; value: string }[] {
  const byId = new Map(pending.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const matched = answers.map((a, i) => {
    const field = `challenges[${i}]`;
    const challenge = byId.get(a.challengeId);
    if (!challenge) fail('LK_ERR_ANSWERS_MISMATCH', { field: `${field}.challengeId`, detail: `${a.challengeId} is not a challenge of this round.` });
    if (seen.has(a.challengeId)) fail('LK_ERR_ANSWERS_MISMATCH', { field: `${field}.challengeId`, detail: `${a.challengeId} is answered twice.` });
    seen.add(a.challengeId);
    if (challenge.type === 'prompt') fail('LK_ERR_ANSWERS_MISMATCH', { field: `${field}.challengeId`, detail: 'A prompt is approved in the institution\'s app, not answered here.' });
    if (a.value.length === 0 || a.value.length > MAX_ANSWER_LENGTH) fail('LK_ERR_ANSWERS_MISMATCH', { field: `${field}.value`, detail: `An answer has 1 to ${MAX_ANSWER_LENGTH} characters.` });
    if (challenge.type === 'options' || challenge.type === 'image_options') {
      const option = challenge.options.find((o) => o.id === a.value || o.value === a.value);
      if (!option) fail('LK_ERR_ANSWERS_MISMATCH', { field: `${field}.value`, detail: 'Choose one of the challenge\'s options, by its optionId or value.' });
      return { challenge, value: option.value };
    }
    return { challenge, value: a.value };
  });
  const missing = pending.find((c) => c.type !== 'prompt' && !seen.has(c.id));
  if (missing) fail('LK_ERR_ANSWERS_MISMATCH', { field: 'challenges', detail: `Challenge ${missing.id} ("${missing.label}") is not answered.` });
  return matched;
}

/**
 * Sends the user's answers back to the institution. Exactly one resume of a round is
 * applied; a repeat with the same idempotency key returns the first result; answering
 * never re-sends a code (the job calls the connector's `answer`, not `login`).
 */
export async function resume(deps: ConnectionDeps, c: Connection, answers: Answer[], idempotencyKey?: string, answerTokenHash?: string): Promise<ConnectionView> {
  const first = async () => {
    const stored = idempotencyKey ? await deps.connections.resumes.get(c.id, idempotencyKey) : null;
    return stored ? (JSON.parse(stored) as ConnectionView) : null;
  };
  const earlier = await first();
  if (earlier) return earlier;
  try {
    return await applyResume(deps, c, answers, idempotencyKey, answerTokenHash);
  } catch (err) {
    // A concurrent resume with the same key won the race: the caller gets its result, as any repeat would.
    const winner = err instanceof LatchkeyError && (err.code === 'LK_ERR_CONNECTION_NOT_CHALLENGED' || err.code === 'LK_ERR_ANSWERS_MISMATCH') ? await first() : null;
    if (winner) return winner;
    throw err;
  }
}

async function applyResume(deps: ConnectionDeps, c: Connection, answers: Answer[], idempotencyKey?: string, answerTokenHash?: string): Promise<ConnectionView> {
  if (c.state !== 'CHALLENGED' && c.state !== 'REJECTED') fail('LK_ERR_CONNECTION_NOT_CHALLENGED', { detail: `The connection is ${c.state}.` });
  const now = deps.clock.now();
  const pending = (await deps.connections.challenges.listByConnection(c.id, c.round)).filter((x) => x.status === 'pending');
  if (pending.length === 0) fail('LK_ERR_CONNECTION_NOT_CHALLENGED', { detail: 'No challenge is waiting for an answer.' });
  if (pending.some((x) => x.expiresAt <= now)) fail('LK_ERR_CHALLENGE_EXPIRED', { field: 'challenges', detail: 'The challenge expired. Refresh the connection to start again.' });
  const matched = matchAnswers(pending, answers);
  return transact(deps, async (tx) => {
    const after = await tx.connections.transition(c.id, ['CHALLENGED', 'REJECTED'], { state: 'RESUMED', updatedAt: now, statusMessage: null }, c.round);
    if (!after) fail('LK_ERR_CONNECTION_NOT_CHALLENGED', { detail: 'These challenges were already answered.' });
    // Spent with the resume it pays for: both happen, or (a concurrent use spent it first) neither.
    if (answerTokenHash !== undefined && (await tx.answerTokens.consume(answerTokenHash, now)) === null) fail('LK_ERR_ANSWER_TOKEN_INVALID');
    for (const m of matched) {
      await tx.challenges.update(m.challenge.id, { status: 'answered', answerEnc: sealText(deps.secrets, m.value) });
    }
    await tx.jobs.update(c.activeJobId!, { status: 'queued', phase: 'answer', runAt: now, leaseUntil: null });
    const events = await recordTransition(tx, deps, after, c.state, { jobId: c.activeJobId, answered: matched.length });
    const view = await viewConnection(deps, after, tx);
    // Stored with the transition, so a concurrent repeat that loses the race finds it once this commits.
    if (idempotencyKey) await tx.resumes.put(c.id, idempotencyKey, JSON.stringify(view), now);
    return { result: view, events };
  });
}

/** A short-lived token that lets an end-user page resume exactly once, without the app's credentials (Synapse's access_token). */
export async function createAnswerToken(deps: ConnectionDeps, c: Connection): Promise<{ token: string; expiresAt: number }> {
  const token = deps.random.token(32);
  const now = deps.clock.now();
  const expiresAt = now + deps.limits.answerTokenMinutes * MINUTE_MS;
  await deps.connections.answerTokens.insert({ tokenHash: deps.secrets.digest(token), connectionId: c.id, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/**
 * Resumes with an answer token for connection `connectionId`. The token is spent by
 * the first resume that is applied; a refused attempt (wrong shape, expired
 * challenge) leaves it usable; a later use is refused, except a repeat with the first
 * use's Idempotency-Key, which gets the first result.
 */
export async function resumeWithToken(
  deps: ConnectionDeps, connectionId: string, token: string | undefined, answers: Answer[], idempotencyKey?: string,
): Promise<{ connection: Connection; view: ConnectionView }> {
  if (!token) fail('LK_ERR_ANSWER_TOKEN_INVALID');
  const tokenHash = deps.secrets.digest(token);
  const found = await deps.connections.answerTokens.find(tokenHash);
  // A token works only for its own connection: any other looks like no token at all.
  if (!found || found.connectionId !== connectionId) fail('LK_ERR_ANSWER_TOKEN_INVALID');
  const c = await deps.connections.connections.get(connectionId);
  if (!c) fail('LK_ERR_ANSWER_TOKEN_INVALID');
  if (idempotencyKey) {
    const first = await deps.connections.resumes.get(c.id, idempotencyKey);
    if (first) return { connection: c, view: JSON.parse(first) as ConnectionView };
  }
  if (found.usedAt !== null || found.expiresAt <= deps.clock.now()) fail('LK_ERR_ANSWER_TOKEN_INVALID');
  return { connection: c, view: await resume(deps, c, answers, idempotencyKey, tokenHash) };
}
