import type { Factor, FactorType } from '../model.ts';
import type { CoreDeps, RequestMeta } from '../deps.ts';
import type { SessionContext } from '../session/sessions.ts';
import { fail } from '../errors.ts';
import { audit } from '../audit.ts';
import { newId } from '../ids.ts';
import { assertInteractive, definitionOf, issueChallenge, type ChallengeView } from '../challenge/challenges.ts';
import { requireRecentTrust } from '../policy/policy.ts';

export interface FactorView {
  factorId: string;
  type: FactorType;
  status: Factor['status'];
  label: string;
  destination: string | null;
  createdAt: number;
  activatedAt: number | null;
}

export function viewFactor(deps: CoreDeps, f: Factor): FactorView {
  return {
    factorId: f.id, type: f.type, status: f.status, label: f.label,
    destination: definitionOf(deps, f.type).mask(f), createdAt: f.createdAt, activatedAt: f.activatedAt,
  };
}

/**
 * Changing factors once a user has one needs a recent MFA verification; the very
 * first factor can be set up from a plain signed-in session (mfaStatus SETUP).
 */
async function assertMayChangeFactors(deps: CoreDeps, ctx: SessionContext): Promise<Factor[]> {
  assertInteractive(ctx);
  const factors = await deps.store.factors.listByUser(ctx.user.id);
  if (factors.some((f) => f.status === 'active')) requireRecentTrust(deps, ctx, deps.limits.stepUpMinutes);
  return factors;
}

export interface EnrollResult {
  factor: FactorView;
  /** The challenge that activates the factor, unless it is active at once. */
  challenge: ChallengeView | null;
  reveal: Record<string, unknown>;
}

export async function enrollFactor(
  deps: CoreDeps, ctx: SessionContext, type: FactorType, input: Record<string, unknown>, meta: RequestMeta,
): Promise<EnrollResult> {
  const def = definitionOf(deps, type);
  if (type === 'email' && !ctx.org.allowEmailFactor) {
    fail('LK_ERR_FACTOR_NOT_ALLOWED', { field: 'type', detail: 'This organization does not accept email codes (NIST SP 800-63B rev 4 does not count email as out-of-band).' });
  }
  // Input first: a request that could never succeed says what is wrong with it, not that it needs a step-up.
  def.checkInput?.(input);
  const existing = await assertMayChangeFactors(deps, ctx);
  const enrollment = await def.enroll(input, { deps, user: ctx.user, org: ctx.org });
  const now = deps.clock.now();
  // A new enrollment replaces unfinished ones of its type; backup codes are one set per user, so a new set replaces the old.
  const replaced = existing.filter((f) => f.type === type && (f.status === 'pending' || type === 'backup_codes'));
  for (const old of replaced) await deps.store.factors.delete(old.id);
  const factor: Factor = {
    id: newId(deps.random, 'fac_', 24), userId: ctx.user.id, orgId: ctx.org.id, type,
    status: enrollment.activeAtOnce ? 'active' : 'pending', label: enrollment.label, destination: enrollment.destination,
    secretEnc: enrollment.secret ? deps.secrets.encrypt(enrollment.secret) : null, lastUsedStep: null,
    createdAt: now, activatedAt: enrollment.activeAtOnce ? now : null,
  };
  await deps.store.factors.insert(factor);
  await enrollment.afterInsert?.(factor);
  await audit(deps, 'factor.enrolled', { orgId: ctx.org.id, userId: ctx.user.id }, meta, { factorId: factor.id, type });
  const challenge = enrollment.activeAtOnce ? null : await activationChallenge(deps, ctx, factor, meta);
  return { factor: viewFactor(deps, factor), challenge, reveal: enrollment.reveal };
}

/** Sends the code that activates a factor; if it cannot be sent, the factor is not kept half-made. */
async function activationChallenge(deps: CoreDeps, ctx: SessionContext, factor: Factor, meta: RequestMeta): Promise<ChallengeView> {
  try {
    return await issueChallenge(deps, ctx, factor, 'enroll', meta);
  } catch (err) {
    await deps.store.factors.delete(factor.id);
    throw err;
  }
}

export async function listFactors(deps: CoreDeps, userId: string): Promise<FactorView[]> {
  return (await deps.store.factors.listByUser(userId)).map((f) => viewFactor(deps, f));
}

export async function removeFactor(deps: CoreDeps, ctx: SessionContext, factorId: string, meta: RequestMeta): Promise<void> {
  const factors = await assertMayChangeFactors(deps, ctx);
  const factor = factors.find((f) => f.id === factorId);
  if (!factor) fail('LK_ERR_NOT_FOUND', { field: 'factorId' });
  await deps.store.factors.delete(factor.id);
  await audit(deps, 'factor.removed', { orgId: ctx.org.id, userId: ctx.user.id }, meta, { factorId, type: factor.type });
}
