import type { FastifyRequest } from 'fastify';
import type { Latchkey } from '../../../registry.ts';
import type { SessionContext } from '../../../core/session/sessions.ts';
import { BillError, type BdcCode } from '../errors.ts';
import { orgSession, partnerSession } from '../shared.ts';

/** A v3 header (Node lower-cases names: `devKey` arrives as `devkey`). */
function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** A header the call cannot do without: missing is HTTP 400, as BILL documents. */
function required(req: FastifyRequest, name: string, code: BdcCode): string {
  const v = header(req, name);
  if (v === undefined) throw new BillError(code, 400);
  return v;
}

/** Organization-level calls: `devKey` and `sessionId` headers. */
export async function orgCall(lk: Latchkey, req: FastifyRequest): Promise<SessionContext & { hasActiveFactor: boolean }> {
  const devKey = required(req, 'devKey', 'BDC_1102');
  return orgSession(lk, devKey, required(req, 'sessionId', 'BDC_1109'));
}

/** Partner-level calls: `appKey` and `sessionId` headers. */
export async function partnerCall(lk: Latchkey, req: FastifyRequest): Promise<SessionContext> {
  const appKey = required(req, 'appKey', 'BDC_1102');
  return partnerSession(lk, appKey, required(req, 'sessionId', 'BDC_1109'));
}

/** Sign-in calls take the key in the body or as a header [D for /v3/login's body; I for the rest]. */
export const keyOf = (req: FastifyRequest, fromBody: string | undefined, name: 'devKey' | 'appKey'): string => fromBody ?? required(req, name, 'BDC_1102');

/** A header that names a resource (partner calls take `organizationId` as a header). */
export const requiredHeader = (req: FastifyRequest, name: string) => required(req, name, 'BDC_1002');
