import type { Challenge, ChallengePurpose, Factor, FactorType } from '../model.ts';
import type { CoreDeps, RequestMeta } from '../deps.ts';
import type { SessionContext } from '../session/sessions.ts';
import type { FactorDefinition } from '../factor/factor-definition.ts';
import { fail } from '../errors.ts';
import { audit } from '../audit.ts';
import { newId } from '../ids.ts';
import { HOUR_MS, MINUTE_MS } from '../limits.ts';
import { consumeLimit } from '../rate-limit.ts';
import { assertNotLocked, recordFailure, recordSuccess } from '../account/lockout.ts';
import { rememberDevice } from '../trust/remembered-devices.ts';

/** What callers see of a challenge. */
export interface ChallengeView {
  challengeId: string;
  factorId: string;
  factorType: FactorType;
  purpose: ChallengePurpose;
  destination: string | null;
  expiresAt: number;
  attemptsRemaining: number;
}

export function definitionOf(deps: CoreDeps, type: FactorType): FactorDefinition {
  const def = deps.factors.get(type);
  if (!def) fail('LK_ERR_FACTOR_NOT_ALLOWED', { field: 'type', detail: `Factor type "${type}" is not installed.` });
  return def;
}

export function viewChallenge(deps: CoreDeps, c: Challenge, factor: Factor): ChallengeView {
  return {
    challengeId: c.id,
    factorId: factor.id,
    factorType: factor.type,
    purpose: c.purpose,
    destination: definitionOf(deps, factor.type).mask(factor),
    expiresAt: c.expiresAt,
    attemptsRemaining: Math.max(0, c.maxAttempts - c.attempts),
  };
}

export function assertInteractive(ctx: SessionContext): void {
  if (ctx.session.kind !== 'user') fail('LK_ERR_FORBIDDEN', { detail: 'MFA needs a signed-in user session; API tokens and partner sessions cannot be trusted.' });
}

/**
 * Codes sent and challenges that send nothing (authenticator app, backup codes) are counted apart,
 * each up to `challengesPerUserPerHour`: a user who used up this hour's texts can still answer
 * another way, and the guesses stay bounded either way (each challenge opens a fresh set).
 */
async function challengeLimit(deps: CoreDeps, userId: string, sends: boolean): Promise<void> {
  const max = deps.limits.challengesPerUserPerHour;
  await consumeLimit(deps, sends
    ? { key: `challenge-send:${userId}`, max, windowMs: HOUR_MS, counts: `codes sent (at most ${max} an hour)` }
    : { key: `challenge-quiet:${userId}`, max, windowMs: HOUR_MS, counts: `challenges without a sent code (at most ${max} an hour)` });
}

/** Creates a challenge on `factor` and sends its code when the factor delivers one. */
export async function issueChallenge(
  deps: CoreDeps, ctx: SessionContext, factor: Factor, purpose: ChallengePurpose, meta: RequestMeta | null,
): Promise<ChallengeView> {
  const def = definitionOf(deps, factor.type);
  await challengeLimit(deps, ctx.user.id, def.delivers);
  const id = newId(deps.random, 'chl_', 24);
  const { codeHash } = await def.issue(factor, id, { deps, user: ctx.user, org: ctx.org });
  const now = deps.clock.now();
  const challenge: Challenge = {
    id, userId: ctx.user.id, orgId: ctx.org.id, sessionId: ctx.session.id, factorId: factor.id, purpose,
    codeHash, attempts: 0, maxAttempts: deps.limits.challengeMaxAttempts, sends: def.delivers ? 1 : 0,
    createdAt: now, expiresAt: now + deps.limits.challengeTtlMinutes * MINUTE_MS, completedAt: null,
  };
  await deps.store.challenges.insert(challenge);
  await audit(deps, 'challenge.sent', { orgId: ctx.org.id, userId: ctx.user.id }, meta, { challengeId: id, factorType: factor.type, purpose });
  return viewChallenge(deps, challenge, factor);
}

/** Chooses the factor a sign-in challenge uses: the one asked for, backup codes, or the strongest active one. */
async function chooseFactor(deps: CoreDeps, ctx: SessionContext, want: { factorId?: string | undefined; type?: FactorType | undefined; useBackup?: boolean | undefined }): Promise<Factor> {
  const active = (await deps.store.factors.listByUser(ctx.user.id))
    .filter((f) => f.status === 'active' && (f.type !== 'email' || ctx.org.allowEmailFactor));
  if (want.factorId !== undefined) {
    const f = active.find((x) => x.id === want.factorId);
    if (!f) fail('LK_ERR_NOT_FOUND', { field: 'factorId' });
    return f;
  }
  const type: FactorType | undefined = want.useBackup ? 'backup_codes' : want.type;
  const preference: FactorType[] = type ? [type] : ['sms', 'totp', 'email'];
  for (const t of preference) {
    const f = active.find((x) => x.type === t);
    if (f) return f;
  }
  if (active.length === 0) fail('LK_ERR_MFA_SETUP_REQUIRED');
  fail('LK_ERR_NO_FACTOR', { field: want.useBackup ? 'useBackup' : 'type' });
}

export async function startChallenge(
  deps: CoreDeps, ctx: SessionContext, want: { factorId?: string | undefined; type?: FactorType | undefined; useBackup?: boolean | undefined }, meta: RequestMeta,
): Promise<ChallengeView> {
  assertInteractive(ctx);
  assertNotLocked(deps, ctx.user);
  return issueChallenge(deps, ctx, await chooseFactor(deps, ctx, want), 'sign_in', meta);
}

async function loadOwnChallenge(deps: CoreDeps, ctx: SessionContext, challengeId: string): Promise<{ challenge: Challenge; factor: Factor }> {
  const found = await deps.store.challenges.getWithFactor(challengeId);
  // Challenges are bound to the user, not to the session that asked (BILL's behaviour): the trust goes to the verifying session.
  if (!found || found.challenge.userId !== ctx.user.id) fail('LK_ERR_NOT_FOUND', { field: 'challengeId' });
  const { challenge, factor } = found;
  if (!factor) fail('LK_ERR_CHALLENGE_EXPIRED', { field: 'challengeId', detail: 'The factor of this challenge was removed. Start a new challenge.' });
  return { challenge, factor };
}

function assertLive(deps: CoreDeps, c: Challenge): void {
  if (c.completedAt !== null) fail('LK_ERR_CHALLENGE_USED', { field: 'challengeId' });
  if (c.attempts >= c.maxAttempts) fail('LK_ERR_CHALLENGE_ATTEMPTS_EXHAUSTED', { field: 'challengeId' });
  if (deps.clock.now() >= c.expiresAt) fail('LK_ERR_CHALLENGE_EXPIRED', { field: 'challengeId' });
}

/** Sends a fresh code on the same challenge. The failure count is kept (NIST SP 800-63B rev 4). */
export async function resendChallenge(deps: CoreDeps, ctx: SessionContext, challengeId: string, meta: RequestMeta): Promise<ChallengeView> {
  assertInteractive(ctx);
  const { challenge, factor } = await loadOwnChallenge(deps, ctx, challengeId);
  assertLive(deps, challenge);
  const def = definitionOf(deps, factor.type);
  if (!def.delivers) fail('LK_ERR_VALIDATION', { field: 'challengeId', detail: `A ${factor.type} challenge sends nothing to resend.` });
  await challengeLimit(deps, ctx.user.id, true);
  const { codeHash } = await def.issue(factor, challenge.id, { deps, user: ctx.user, org: ctx.org });
  const expiresAt = deps.clock.now() + deps.limits.challengeTtlMinutes * MINUTE_MS;
  await deps.store.challenges.reissue(challenge.id, codeHash, expiresAt);
  await audit(deps, 'challenge.resent', { orgId: ctx.org.id, userId: ctx.user.id }, meta, { challengeId });
  return viewChallenge(deps, { ...challenge, codeHash, expiresAt }, factor);
}

export interface VerifyInput {
  code: string;
  rememberMe?: boolean | undefined;
  device?: string | undefined;
}

export interface VerifyResult {
  trusted: true;
  trustedAt: number;
  factorId: string;
  factorType: FactorType;
  purpose: ChallengePurpose;
  rememberMeId?: string;
  deviceId?: string;
}

async function wrongCode(deps: CoreDeps, ctx: SessionContext, challenge: Challenge, meta: RequestMeta): Promise<never> {
  const attempts = await deps.store.challenges.recordWrongAttempt(challenge.id);
  await recordFailure(deps, ctx.user, meta, 'mfa');
  await audit(deps, 'challenge.failed', { orgId: ctx.org.id, userId: ctx.user.id }, meta, { challengeId: challenge.id });
  if (attempts === null) fail('LK_ERR_CHALLENGE_USED', { field: 'challengeId' });
  const left = challenge.maxAttempts - attempts;
  if (left <= 0) fail('LK_ERR_CHALLENGE_ATTEMPTS_EXHAUSTED', { field: 'code' });
  fail('LK_ERR_CHALLENGE_INVALID_CODE', { field: 'code', detail: `The code is not correct. ${left} attempt${left === 1 ? '' : 's'} left.` });
}

/**
 * Checks a code. A correct one completes the challenge (exactly once, even under
 * concurrent verifies), activates a factor being enrolled, and makes the session MFA-trusted.
 */
export async function verifyChallenge(deps: CoreDeps, ctx: SessionContext, challengeId: string, input: VerifyInput, meta: RequestMeta): Promise<VerifyResult> {
  assertInteractive(ctx);
  if (input.rememberMe && !input.device) fail('LK_ERR_VALIDATION', { field: 'device', detail: 'A device name is required with rememberMe.' });
  const { challenge, factor } = await loadOwnChallenge(deps, ctx, challengeId);
  assertNotLocked(deps, ctx.user);
  assertLive(deps, challenge);
  const def = definitionOf(deps, factor.type);
  const ok = await def.check(factor, challenge, input.code.trim(), { deps, user: ctx.user, org: ctx.org });
  if (!ok) return wrongCode(deps, ctx, challenge, meta);
  const now = deps.clock.now();
  if (!(await deps.store.challenges.complete(challenge.id, now))) fail('LK_ERR_CHALLENGE_USED', { field: 'challengeId' });
  // What follows the completion is independent: written together, a store can commit it at once.
  const who = { orgId: ctx.org.id, userId: ctx.user.id };
  await Promise.all([
    challenge.purpose === 'enroll' && deps.store.factors.activate(factor.id, now),
    challenge.purpose === 'enroll' && audit(deps, 'factor.activated', who, meta, { factorId: factor.id, factorType: factor.type }),
    recordSuccess(deps, ctx.user),
    deps.store.sessions.trust(ctx.session.id, now, factor.type),
    audit(deps, 'challenge.verified', who, meta, { challengeId, factorType: factor.type }),
  ]);
  ctx.session.trustedAt = now;
  const result: VerifyResult = { trusted: true, trustedAt: now, factorId: factor.id, factorType: factor.type, purpose: challenge.purpose };
  if (input.rememberMe && input.device) {
    const { rememberMeId, device } = await rememberDevice(deps, ctx.user, ctx.org, input.device, meta);
    result.rememberMeId = rememberMeId;
    result.deviceId = device.id;
  }
  return result;
}
