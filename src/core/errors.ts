/**
 * The one registry of Latchkey error codes. Every code has an HTTP status and a
 * message; `docs/errors.md` lists them all and a test keeps the two in sync.
 * Callers branch on `code`, never on message text.
 */
export const ERRORS = {
  LK_ERR_VALIDATION: { status: 400, message: 'The request is invalid.' },
  LK_ERR_MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  LK_ERR_BODY_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  LK_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The request content type is not supported.' },
  LK_ERR_NOT_FOUND: { status: 404, message: 'No such resource.' },
  LK_ERR_ROUTE_NOT_FOUND: { status: 404, message: 'No such endpoint.' },
  LK_ERR_DEV_KEY_INVALID: { status: 401, message: 'The developer key is missing or invalid.' },
  LK_ERR_SESSION_INVALID: { status: 401, message: 'The session is missing, invalid or expired. Sign in again.' },
  LK_ERR_ADMIN_TOKEN_INVALID: { status: 401, message: 'The admin token is missing or invalid.' },
  LK_ERR_CREDENTIALS_INVALID: { status: 401, message: 'The username or password does not match our records.' },
  LK_ERR_ACCOUNT_LOCKED: { status: 423, message: 'The account is locked after too many failed attempts.' },
  LK_ERR_RATE_LIMITED: { status: 429, message: 'Too many attempts. Try again later.' },
  LK_ERR_ORIGIN_NOT_ALLOWED: { status: 403, message: 'The organization does not allow calls from this browser origin.' },
  LK_ERR_FORBIDDEN: { status: 403, message: 'This credential may not perform this operation.' },
  LK_ERR_MFA_REQUIRED: { status: 403, message: 'This operation needs an MFA-trusted session.' },
  LK_ERR_STEP_UP_REQUIRED: { status: 403, message: 'This operation needs a recent MFA verification.' },
  LK_ERR_MFA_SETUP_REQUIRED: { status: 403, message: 'The user must set up an MFA factor first.' },
  LK_ERR_FACTOR_NOT_ALLOWED: { status: 422, message: 'The organization does not allow this factor.' },
  LK_ERR_FACTOR_NOT_ACTIVE: { status: 409, message: 'The factor is not active.' },
  LK_ERR_NO_FACTOR: { status: 409, message: 'The user has no active factor of that kind.' },
  LK_ERR_CHALLENGE_INVALID_CODE: { status: 422, message: 'The code is not correct.' },
  LK_ERR_CHALLENGE_EXPIRED: { status: 410, message: 'The challenge has expired. Request a new one.' },
  LK_ERR_CHALLENGE_ATTEMPTS_EXHAUSTED: { status: 410, message: 'Too many wrong codes for this challenge. Request a new one.' },
  LK_ERR_CHALLENGE_USED: { status: 409, message: 'The challenge has already been completed.' },
  LK_ERR_REMEMBERED_DEVICE_INVALID: { status: 401, message: 'The remembered device is unknown, revoked, expired or belongs to another device.' },
  LK_ERR_CONFLICT: { status: 409, message: 'The resource already exists.' },
  LK_ERR_SANDBOX_ONLY: { status: 403, message: 'This endpoint exists only in sandbox mode.' },
  LK_ERR_CONNECTION_NOT_CHALLENGED: { status: 409, message: 'The connection is not waiting for answers.' },
  LK_ERR_CONNECTION_BUSY: { status: 409, message: 'A job is already running on this connection.' },
  LK_ERR_CONNECTION_STATE: { status: 409, message: 'The connection is not in a state that allows this.' },
  LK_ERR_ANSWERS_MISMATCH: { status: 422, message: 'The answers do not match the challenges.' },
  LK_ERR_ANSWER_TOKEN_INVALID: { status: 401, message: 'The answer token is unknown, used or expired.' },
  LK_ERR_DELIVERY_FAILED: { status: 502, message: 'The code could not be delivered. Try again shortly.' },
  LK_ERR_INTERNAL: { status: 500, message: 'Internal error.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** A typed failure that adapters translate into their own wire format. */
export class LatchkeyError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** The request field the error is about, when there is one (JSON pointer-ish dotted path). */
  readonly field: string | undefined;
  /** Seconds until a retry may succeed (rate limits, lockouts). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, opts: { detail?: string; field?: string; retryAfterSeconds?: number } = {}) {
    super(opts.detail ?? ERRORS[code].message);
    this.name = 'LatchkeyError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.field = opts.field;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export function fail(code: ErrorCode, opts?: { detail?: string; field?: string; retryAfterSeconds?: number }): never {
  throw new LatchkeyError(code, opts);
}
