import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Latchkey } from '../../registry.ts';
import type { SandboxCredentials } from '../../sandbox/seed.ts';
import { authenticate, resolveDevKey, type SessionContext } from '../../core/session/sessions.ts';
import { performProtected } from '../../core/policy/protected-operations.ts';
import { fail, LatchkeyError } from '../../core/errors.ts';
import { metaOf } from '../../http/auth.ts';
import { BillError, billErrorOf } from './errors.ts';

/** Where the two versions are mounted: a client changes only its base URL. */
export const V2_PREFIX = '/bill/api/v2';
export const V3_PREFIX = '/bill/connect';

/** The data/sandbox.json key both versions share. */
export const SANDBOX_KEY = 'bill';

/** BILL writes times as `2025-10-02T17:56:51.933+00:00`. */
export const billTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

/** An organization-level call: developer key, then session (the core decides both). */
export async function orgSession(lk: Latchkey, devKey: string | undefined, sessionId: string | undefined) {
  return authenticate(lk.deps, sessionId, await resolveDevKey(lk.deps, devKey));
}

/** A partner-level call: a partner appKey and a partner session. */
export async function partnerSession(lk: Latchkey, appKey: string | undefined, sessionId: string | undefined): Promise<SessionContext> {
  const key = await resolveDevKey(lk.deps, appKey);
  if (!key.partner) fail('LK_ERR_DEV_KEY_INVALID', { field: 'appKey' });
  const ctx = await authenticate(lk.deps, sessionId, key);
  if (ctx.session.kind !== 'partner') fail('LK_ERR_SESSION_INVALID');
  return ctx;
}

/** Runs one of the core's MFA-protected sandbox operations and answers in BILL's style. */
export async function protectedOperation(lk: Latchkey, ctx: SessionContext, operation: string, payload: Record<string, unknown>, req: FastifyRequest) {
  const r = await performProtected(lk.deps, lk.policy, ctx, operation, payload, metaOf(req));
  return { id: r.requestId, operation: r.operation, createdTime: billTime(r.createdAt) };
}

/** The error handler both versions install: BILL's shape for everything; only the unexpected are logged. */
export function billErrorHandler(send: (reply: FastifyReply, err: BillError) => FastifyReply) {
  return (err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const bill = billErrorOf(err);
    // Typed errors were expected (and logged where they arose); only the unexpected are logged here.
    const typed = err instanceof BillError || (err instanceof LatchkeyError && err.code !== 'LK_ERR_INTERNAL');
    if (bill.code === 'BDC_1001' && !typed) req.log.error({ err }, 'unhandled error');
    return send(reply, bill);
  };
}

/** What BILL clients need from data/sandbox.json (the keys are shown only when made, so this runs once). */
export async function billSandboxCredentials(_lk: Latchkey, s: SandboxCredentials): Promise<Record<string, unknown>> {
  return {
    devKey: s.devKey,
    appKey: s.partnerKey,
    organizationId: s.organizationId,
    userId: s.user.userId,
    userName: s.user.username,
    password: s.user.password,
    v2BaseUrl: `${s.baseUrl}${V2_PREFIX}`,
    v3BaseUrl: `${s.baseUrl}${V3_PREFIX}/v3`,
  };
}
