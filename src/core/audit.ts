import type { CoreDeps, RequestMeta } from './deps.ts';
import { newId } from './ids.ts';

/** Audit event types; every sign-in, challenge, verify, failure, lockout, device change and logout is one. */
export type AuditType =
  | 'sign_in.succeeded' | 'sign_in.failed' | 'sign_in.rate_limited'
  | 'account.locked' | 'account.unlocked'
  | 'session.ended' | 'session.partner_opened'
  | 'challenge.sent' | 'challenge.resent' | 'challenge.verified' | 'challenge.failed'
  | 'factor.enrolled' | 'factor.activated' | 'factor.removed'
  | 'device.remembered' | 'device.revoked' | 'device.refused'
  | 'api_token.created' | 'api_token.revoked'
  | 'operation.denied' | 'operation.performed';

export async function audit(
  deps: Pick<CoreDeps, 'store' | 'clock' | 'random'>,
  type: AuditType,
  who: { orgId?: string | null; userId?: string | null },
  meta: RequestMeta | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  await deps.store.audit.insert({
    id: newId(deps.random, 'evt_', 24),
    orgId: who.orgId ?? null,
    userId: who.userId ?? null,
    type,
    at: deps.clock.now(),
    ip: meta?.ip ?? null,
    data,
  });
}
