import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../http/types.ts';
import { LatchkeyError, type ErrorCode } from '../../core/errors.ts';
import { toLatchkeyError } from '../../http/problem.ts';

/** Q2's documented (legacy) 400 message; Latchkey adds what is wrong after it. */
export const BAD_INPUT = 'You may want to double check your information.';

/** Q2 words for the native errors whose own text speaks of connections and challenges. */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  LK_ERR_DEV_KEY_INVALID: 'The API key is missing or invalid. Send Authorization: Bearer <apiKey>.',
  LK_ERR_CONNECTION_NOT_CHALLENGED: 'The auth is not waiting for MFA answers.',
  LK_ERR_CONNECTION_BUSY: 'The auth is being processed. Poll GET /auth/{authId}.',
  LK_ERR_CONNECTION_STATE: 'The auth is not in a status that allows this.',
  LK_ERR_ANSWERS_MISMATCH: `${BAD_INPUT} Answer every MFA item of the auth by its identifier.`,
  LK_ERR_CHALLENGE_EXPIRED: 'The MFA was not answered in time. Create the auth again.',
  LK_ERR_INTERNAL: 'Internal server error.',
};

/** 404s by the native field they are about. */
const NOT_FOUND: Readonly<Record<string, string>> = {
  connectionId: 'Auth not found.', userId: 'Client not found.', institutionCode: 'Company not found.',
};

/** Q2's status: the native one, but a mismatched answer is bad input (400) as in Q2's legacy API. */
const statusOf = (err: LatchkeyError) => (err.code === 'LK_ERR_ANSWERS_MISMATCH' ? 400 : err.status);

function messageOf(err: LatchkeyError): string {
  if (err.code === 'LK_ERR_NOT_FOUND') return NOT_FOUND[err.field ?? ''] ?? 'Not found.';
  const fixed = MESSAGES[err.code];
  if (fixed) return fixed;
  return err.status === 400 ? `${BAD_INPUT} ${err.message}` : err.message;
}

export function sendQ2Error(reply: FastifyReply, err: LatchkeyError): FastifyReply {
  if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.retryAfterSeconds));
  if (err.status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.status(statusOf(err)).type('application/json').send({ message: messageOf(err) });
}

function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lk = toLatchkeyError(err);
  if (lk.code === 'LK_ERR_INTERNAL') req.log.error({ err }, 'unhandled error');
  return sendQ2Error(reply, lk);
}

/** Parses JSON, taking an empty body as none: Q2's fix-hold has no body, and clients still send the header. */
function parseJson(_req: FastifyRequest, body: string, done: (err: Error | null, body?: unknown) => void): void {
  if (body.trim() === '') return done(null, undefined);
  try {
    done(null, JSON.parse(body));
  } catch {
    done(new LatchkeyError('LK_ERR_MALFORMED_JSON', { field: 'body' }));
  }
}

/** Everything that answers in Q2's `{"message": …}` envelope: errors, unknown routes, bodies. */
export function installQ2Envelope(app: App): void {
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => sendQ2Error(reply, new LatchkeyError('LK_ERR_ROUTE_NOT_FOUND', { detail: `No endpoint ${req.method} ${req.url.split('?')[0]}.` })));
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
}
