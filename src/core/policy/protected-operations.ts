import type { CoreDeps, RequestMeta } from '../deps.ts';
import type { SessionContext } from '../session/sessions.ts';
import { audit } from '../audit.ts';
import { newId } from '../ids.ts';
import { LatchkeyError } from '../errors.ts';
import { decide, enforce, type Decision, type Policy } from './policy.ts';

/** The seeds' four MFA-protected operations, which the sandbox records instead of performing. */
export const SANDBOX_OPERATIONS = ['pay_bills', 'add_vendor_bank_account', 'send_vendor_invite', 'send_invite'] as const;

/** Answers whether the session may perform `operation`, for any upstream API (the authorize endpoint). */
export async function authorizeOperation(deps: CoreDeps, policy: Policy, ctx: SessionContext, operation: string, meta: RequestMeta): Promise<Decision> {
  const d = decide(deps, policy, ctx, operation);
  if (!d.allow) await audit(deps, 'operation.denied', { orgId: ctx.org.id, userId: ctx.user.id }, meta, { operation, reason: d.reason });
  return d;
}

/** Checks the policy, then records the request (sandbox stand-in for the real operation). */
export async function performProtected(
  deps: CoreDeps, policy: Policy, ctx: SessionContext, operation: string, payload: Record<string, unknown>, meta: RequestMeta,
): Promise<{ requestId: string; operation: string; createdAt: number }> {
  try {
    enforce(deps, policy, ctx, operation);
  } catch (err) {
    if (err instanceof LatchkeyError) await audit(deps, 'operation.denied', { orgId: ctx.org.id, userId: ctx.user.id }, meta, { operation, code: err.code });
    throw err;
  }
  const request = { id: newId(deps.random, 'req_', 24), orgId: ctx.org.id, userId: ctx.user.id, operation, payload, createdAt: deps.clock.now() };
  await deps.store.protectedRequests.insert(request);
  await audit(deps, 'operation.performed', { orgId: ctx.org.id, userId: ctx.user.id }, meta, { operation, requestId: request.id });
  return { requestId: request.id, operation, createdAt: request.createdAt };
}
