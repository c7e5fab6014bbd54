import type { CoreDeps, RequestMeta } from './deps.ts';
import { timeOrderedId } from './ids.ts';

/** Audit event types; every sign-in, challenge, verify, failure, lockout, device change and logout is one. */
export type AuditType =
  | 'sign_in.succeeded' | 'sign_in.failed' | 'sign_in.rate_limited'
  | 'account.locked' | 'account.unlocked'
  | 'session.ended' | 'session.partner_opened'
  | 'challenge.sent' | 'challenge.resent' | 'challenge.verified' | 'challenge.failed'
  | 'factor.enrolled' | 'factor.activated' | 'factor.removed'
  | 'device.remembered' | 'device.revoked' | 'device.refused'
  | 'api_token.created' | 'api_token.revoked'
  | 'dev_key.revoked'
  | 'operation.denied' | 'operation.performed';

export async function audit(
  deps: Pick<CoreDeps, 'store' | 'clock' | 'random'>,
  type: AuditType,
  who: { orgId?: string | null; userId?: string | null },
  meta: RequestMeta | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  const at = deps.clock.now();
  await deps.store.audit.insert({
    id: timeOrderedId(deps.random, 'evt_', at),
    orgId: who.orgId ?? null,
    userId: who.userId ?? null,
    type,
    at,
    ip: meta?.ip ?? null,
    data,
  });
}
