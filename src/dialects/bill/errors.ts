import type { FastifyError } from 'fastify';
import { LatchkeyError, type ErrorCode } from '../../core/errors.ts';
import { toLatchkeyError } from '../../http/problem.ts';

/**
 * BILL's error codes, shared by v2 and v3, with their exact messages (BDC_1109 has
 * two spaces). BDC_1358 and BDC_1374 are known only from third-party notes: their
 * messages are Latchkey's and unverified (docs/dialects/bill.md).
 */
export const BDC = {
  BDC_1001: 'System error occurred.',
  BDC_1002: 'Unknown error occurred.',
  BDC_1101: 'User name and/or password do not match our records.',
  BDC_1102: 'Developer key is invalid.',
  BDC_1109: 'Session is invalid.  Please log in.',
  BDC_1121: 'API not supported.',
  BDC_1358: 'Invalid token or too many attempts.',
  BDC_1361: 'Untrusted session.',
  BDC_1374: 'Token has expired.',
} as const;

export type BdcCode = keyof typeof BDC;

/** A BILL error: its code, the exact message, and the HTTP status v3 answers with (v2 always answers 200). */
export class BillError extends Error {
  readonly code: BdcCode;
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: BdcCode, status: number, retryAfterSeconds?: number) {
    super(BDC[code]);
    this.name = 'BillError';
    this.code = code;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The core's errors in BILL's terms: [code, v3 HTTP status]. Codes not listed fall back by status. */
const FROM_CORE: Partial<Record<ErrorCode, readonly [BdcCode, number]>> = {
  LK_ERR_VALIDATION: ['BDC_1002', 400],
  LK_ERR_MALFORMED_JSON: ['BDC_1002', 400],
  LK_ERR_BODY_TOO_LARGE: ['BDC_1002', 400],
  LK_ERR_UNSUPPORTED_MEDIA_TYPE: ['BDC_1002', 400],
  LK_ERR_NOT_FOUND: ['BDC_1002', 404],
  LK_ERR_ROUTE_NOT_FOUND: ['BDC_1121', 404],
  LK_ERR_DEV_KEY_INVALID: ['BDC_1102', 401],
  LK_ERR_SESSION_INVALID: ['BDC_1109', 401],
  LK_ERR_CREDENTIALS_INVALID: ['BDC_1101', 401],
  LK_ERR_ACCOUNT_LOCKED: ['BDC_1358', 403],
  LK_ERR_RATE_LIMITED: ['BDC_1358', 429],
  LK_ERR_FORBIDDEN: ['BDC_1361', 403],
  LK_ERR_MFA_REQUIRED: ['BDC_1361', 403],
  LK_ERR_STEP_UP_REQUIRED: ['BDC_1361', 403],
  LK_ERR_MFA_SETUP_REQUIRED: ['BDC_1361', 403],
  LK_ERR_REMEMBERED_DEVICE_INVALID: ['BDC_1361', 403],
  LK_ERR_CHALLENGE_INVALID_CODE: ['BDC_1358', 403],
  LK_ERR_CHALLENGE_ATTEMPTS_EXHAUSTED: ['BDC_1358', 403],
  LK_ERR_CHALLENGE_EXPIRED: ['BDC_1374', 403],
  LK_ERR_CHALLENGE_USED: ['BDC_1374', 403],
  LK_ERR_DELIVERY_FAILED: ['BDC_1001', 500],
  LK_ERR_INTERNAL: ['BDC_1001', 500],
};

function fromCore(err: LatchkeyError): BillError {
  // A partner call made with an organization-level key: BILL calls the appKey invalid.
  if (err.code === 'LK_ERR_FORBIDDEN' && (err.field === 'devKey' || err.field === 'appKey')) return new BillError('BDC_1102', 401);
  const [code, status] = FROM_CORE[err.code] ?? (err.status >= 500 ? ['BDC_1001', 500] as const : ['BDC_1002', 400] as const);
  return new BillError(code, status, err.retryAfterSeconds);
}

/** Any error (BILL's, the core's, Fastify's) as a BillError. */
export function billErrorOf(err: unknown): BillError {
  if (err instanceof BillError) return err;
  if (err instanceof LatchkeyError) return fromCore(err);
  return fromCore(toLatchkeyError(err as FastifyError));
}
