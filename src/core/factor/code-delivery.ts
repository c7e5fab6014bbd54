import type { Challenge, Factor } from '../model.ts';
import type { FactorContext } from './factor-definition.ts';

/** Six-digit one-time codes (the seeds' "six-digit token"). */
export const CODE_DIGITS = 6;

/** Shared by the factors that send a code (SMS, email): generate, deliver, keep only a keyed digest. */
export async function sendCode(
  factor: Factor, challengeId: string, ctx: FactorContext, channel: 'sms' | 'email',
): Promise<{ codeHash: string }> {
  const { deps } = ctx;
  const code = deps.random.digits(CODE_DIGITS);
  await deps.delivery.send({
    orgId: factor.orgId,
    userId: factor.userId,
    channel,
    destination: factor.destination!,
    subject: channel === 'email' ? `Your ${ctx.org.name} verification code` : null,
    body: `Your ${ctx.org.name} verification code is ${code}. It expires in ${deps.limits.challengeTtlMinutes} minutes. Never share it.`,
  });
  return { codeHash: deps.secrets.mac(challengeId, code) };
}

export function checkSentCode(challenge: Challenge, code: string, ctx: FactorContext): boolean {
  if (challenge.codeHash === null || !/^\d{6}$/.test(code)) return false;
  return ctx.deps.secrets.equal(challenge.codeHash, ctx.deps.secrets.mac(challenge.id, code));
}
