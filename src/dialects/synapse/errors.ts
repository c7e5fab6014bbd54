import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { LatchkeyError, type ErrorCode } from '../../core/errors.ts';
import { toLatchkeyError } from '../../http/problem.ts';

/**
 * Synapse's error codes (SynapseFI SDKs, e.g. SynapseGo error.go): the code is a
 * string in `error_code`, next to `http_code` and the HTTP status itself.
 */
export type SynapseCode = '100' | '110' | '120' | '200' | '300' | '400' | '404' | '410' | '429' | '460' | '500' | '503' | '504';

/** A Synapse error: HTTP status, error code and an English message. */
export class SynapseError extends Error {
  readonly status: number;
  readonly code: SynapseCode;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: SynapseCode, message: string, retryAfterSeconds?: number) {
    super(message);
    this.name = 'SynapseError';
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The core's errors in Synapse's terms: [HTTP status, error code]. Codes not listed fall back by status. */
const FROM_CORE: Partial<Record<ErrorCode, readonly [number, SynapseCode]>> = {
  LK_ERR_VALIDATION: [400, '200'],
  LK_ERR_MALFORMED_JSON: [400, '200'],
  LK_ERR_BODY_TOO_LARGE: [400, '200'],
  LK_ERR_UNSUPPORTED_MEDIA_TYPE: [400, '200'],
  LK_ERR_ANSWERS_MISMATCH: [400, '200'],
  // A used or expired access_token, or an expired question: start again from the bank login.
  LK_ERR_ANSWER_TOKEN_INVALID: [400, '200'],
  LK_ERR_CHALLENGE_EXPIRED: [400, '200'],
  LK_ERR_NOT_FOUND: [404, '404'],
  LK_ERR_ROUTE_NOT_FOUND: [404, '404'],
  LK_ERR_DEV_KEY_INVALID: [401, '100'],
  LK_ERR_SESSION_INVALID: [401, '110'],
  LK_ERR_CREDENTIALS_INVALID: [401, '110'],
  LK_ERR_FORBIDDEN: [403, '300'],
  LK_ERR_ACCOUNT_LOCKED: [403, '300'],
  LK_ERR_CONFLICT: [409, '400'],
  LK_ERR_CONNECTION_BUSY: [400, '410'],
  LK_ERR_CONNECTION_STATE: [400, '410'],
  LK_ERR_CONNECTION_NOT_CHALLENGED: [400, '410'],
  LK_ERR_RATE_LIMITED: [429, '429'],
  LK_ERR_DELIVERY_FAILED: [503, '503'],
  LK_ERR_INTERNAL: [500, '500'],
};

/** Synapse's words where the core's detail would name Latchkey's own fields and states. */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  LK_ERR_DEV_KEY_INVALID: 'Incorrect client credentials.',
  LK_ERR_SESSION_INVALID: 'Incorrect user credentials: the oauth_key is missing, invalid or expired.',
  LK_ERR_ANSWERS_MISMATCH: 'The answers do not match the bank\'s questions: send one mfa_answer per question, in order.',
  LK_ERR_ANSWER_TOKEN_INVALID: 'The access_token is unknown, used or expired. Submit the bank login again.',
  LK_ERR_CHALLENGE_EXPIRED: 'The bank\'s question expired. Submit the bank login again.',
  LK_ERR_CONNECTION_NOT_CHALLENGED: 'No question of the bank is waiting for an answer on this bank login.',
  LK_ERR_CONNECTION_BUSY: 'This bank login is already in progress.',
  LK_ERR_CONNECTION_STATE: 'This action is not allowed on this bank login now.',
  LK_ERR_INTERNAL: 'Server error.',
};

function fromCore(err: LatchkeyError): SynapseError {
  const [status, code] = FROM_CORE[err.code] ?? (err.status >= 500 ? [500, '500'] as const : [400, '200'] as const);
  return new SynapseError(status, code, MESSAGES[err.code] ?? err.message, err.retryAfterSeconds);
}

/** Any error (Synapse's, the core's, Fastify's) as a SynapseError. */
export function synapseErrorOf(err: unknown): SynapseError {
  if (err instanceof SynapseError) return err;
  if (err instanceof LatchkeyError) return fromCore(err);
  return fromCore(toLatchkeyError(err as FastifyError));
}

/** v3.1's error body: `{error:{en}, error_code, http_code, success:false}`. */
export function v31ErrorBody(e: SynapseError): Record<string, unknown> {
  return { error: { en: e.message }, error_code: e.code, http_code: String(e.status), success: false };
}

/** v2's error body: `{success:false, reason}` (Latchkey's reading of the v2 SDKs). */
export function v2ErrorBody(e: SynapseError): Record<string, unknown> {
  return { success: false, reason: e.message };
}

/** The error handler each version installs, with its own body: Synapse's shape for everything; only the unexpected are logged. */
export function synapseErrorHandler(body: (e: SynapseError) => Record<string, unknown>) {
  return (err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const e = synapseErrorOf(err);
    if (e.code === '500') req.log.error({ err }, 'unhandled error');
    if (e.retryAfterSeconds !== undefined) reply.header('retry-after', String(e.retryAfterSeconds));
    return reply.status(e.status).send(body(e));
  };
}

/** Unknown paths under a version, in its error shape. */
export const notFound = (req: FastifyRequest) => new SynapseError(404, '404', `No endpoint ${req.method} ${req.url.split('?')[0]}.`);
