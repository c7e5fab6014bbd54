import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { LatchkeyError, type ErrorCode } from '../../core/errors.ts';
import { toLatchkeyError } from '../../http/problem.ts';

/** MX's error object (docs.mx.com, Platform API "Errors"): `{"error": {"message": "..."}}`. */
export interface MxErrorBody {
  error: { message: string };
}

/** A failure in MX's terms: the HTTP status MX documents for it and a message. */
export class MxError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'MxError';
    this.status = status;
  }
}

export const MESSAGES = {
  unauthorized: 'The client ID or API key is missing or invalid. Send them as HTTP Basic credentials (client_id:api_key).',
  notAcceptable: 'The request did not specify a valid API version. Send Accept: application/vnd.mx.api.v1+json.',
  notFound: 'We were unable to find the record you requested.',
  notChallenged: 'The member is not waiting for MFA answers: there are no challenges to resume.',
  malformedJson: 'The request body is not valid JSON.',
  unsupportedMediaType: 'Send the request body as JSON (Content-Type: application/json).',
} as const;

/**
 * Where MX's status differs from Latchkey's own: MX answers 405 when resume's
 * constraint (a challenged member) is not met, and 400 when the answers are malformed.
 */
const STATUS_OVERRIDES: Partial<Record<ErrorCode, number>> = {
  LK_ERR_ANSWERS_MISMATCH: 400,
  LK_ERR_CONNECTION_NOT_CHALLENGED: 405,
  LK_ERR_CHALLENGE_EXPIRED: 405,
  LK_ERR_DEV_KEY_INVALID: 401,
};

const MESSAGE_OVERRIDES: Partial<Record<ErrorCode, string>> = {
  LK_ERR_NOT_FOUND: MESSAGES.notFound,
  LK_ERR_ROUTE_NOT_FOUND: MESSAGES.notFound,
  LK_ERR_DEV_KEY_INVALID: MESSAGES.unauthorized,
  LK_ERR_MALFORMED_JSON: MESSAGES.malformedJson,
  LK_ERR_UNSUPPORTED_MEDIA_TYPE: MESSAGES.unsupportedMediaType,
  LK_ERR_INTERNAL: 'Something went wrong. Try again later.',
};

/** Latchkey's IDs in a message, shown as the guids the client knows them by. */
const asGuids = (message: string) => message
  .replace(/(?<![\w-])(chg|opt)_[0-9A-Z]+\b/g, 'CRD-$&')
  .replace(/(?<![\w-])con_[0-9A-Z]+\b/g, 'MBR-$&');

/** Validation names fields as MX's docs do (`member.challenges`), without the request part. */
const asFields = (message: string) => (message === 'body must be object.'
  ? 'The request body must be a JSON object.'
  : message.replace(/^(body|querystring|params)\./, ''));

export function toMxError(err: unknown): MxError {
  if (err instanceof MxError) return err;
  const lk = err instanceof LatchkeyError ? err : toLatchkeyError(err as FastifyError);
  const status = STATUS_OVERRIDES[lk.code] ?? lk.status;
  const message = lk.code === 'LK_ERR_VALIDATION' ? asFields(lk.message) : asGuids(lk.message);
  return new MxError(status, MESSAGE_OVERRIDES[lk.code] ?? message);
}

export function sendMxError(reply: FastifyReply, err: MxError): FastifyReply {
  if (err.status === 401) reply.header('www-authenticate', 'Basic realm="MX Platform API"');
  const body: MxErrorBody = { error: { message: err.message } };
  return reply.status(err.status).send(body);
}

/** The dialect's error handler: MX's envelope for everything; 500s are logged, never shown. */
export function mxErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const mx = toMxError(err);
  if (mx.status >= 500) req.log.error({ err }, 'unhandled error in the MX dialect');
  return sendMxError(reply, mx);
}

export function notFound(): never {
  throw new MxError(404, MESSAGES.notFound);
}
