import type { FastifyReply } from 'fastify';
import type { Dialect } from '../../dialect.ts';
import type { App } from '../../../http/types.ts';
import type { Latchkey } from '../../../registry.ts';
import { BillError } from '../errors.ts';
import { billErrorHandler, billSandboxCredentials, billTime, SANDBOX_KEY, V3_PREFIX } from '../shared.ts';
import { sessionRoutes } from './session-routes.ts';
import { mfaRoutes } from './mfa-routes.ts';
import { partnerRoutes } from './partner-routes.ts';
import { operationRoutes } from './operation-routes.ts';

/** BILL's error categories by HTTP status (BDC_1109/401 and BDC_1361/403 are seen as DOWNSTREAM). */
function categoryOf(status: number): string {
  if (status >= 500) return 'SERVER';
  return status === 401 || status === 403 || status === 429 ? 'DOWNSTREAM' : 'REQUEST';
}

/** v3 errors: the HTTP status and a JSON array of one error. */
function errorSender(lk: Latchkey) {
  return (reply: FastifyReply, err: BillError): FastifyReply => {
    if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.retryAfterSeconds));
    return reply.status(err.status).send([{
      timestamp: billTime(lk.clock.now()), code: err.code, severity: 'ERROR', category: categoryOf(err.status), message: err.message, params: {},
    }]);
  };
}

async function register(app: App, lk: Latchkey): Promise<void> {
  const sendError = errorSender(lk);
  // JSON only; an empty body is no body (so `Content-Type: application/json` on a bare POST /v3/logout is fine).
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if ((body as string).trim() === '') done(null, undefined);
    else void json(req, body as string, done);
  });
  app.setErrorHandler(billErrorHandler(sendError));
  app.setNotFoundHandler((_req, reply) => sendError(reply, new BillError('BDC_1121', 404)));
  for (const routes of [sessionRoutes, mfaRoutes, partnerRoutes, operationRoutes]) routes(app, lk);
}

/** BILL v3 (JSON, devKey/appKey + sessionId headers) at /bill/connect: a client's base URL `…/connect` becomes `<latchkey>/bill/connect`. */
export const billV3: Dialect = {
  name: 'bill-v3',
  prefix: V3_PREFIX,
  register,
  sandboxKey: SANDBOX_KEY,
  sandboxCredentials: billSandboxCredentials,
};
