import type { FastifyReply } from 'fastify';
import type { Dialect } from '../../dialect.ts';
import type { App } from '../../../http/types.ts';
import type { Latchkey } from '../../../registry.ts';
import { BillError } from '../errors.ts';
import { billErrorHandler, billSandboxCredentials, SANDBOX_KEY, V2_PREFIX } from '../shared.ts';
import { v2Operations, type Form } from './operations.ts';

/** BILL v2's envelope: always HTTP 200, `response_status` 0 or 1. */
const success = (data: object) => ({ response_status: 0, response_message: 'Success', response_data: data });

function sendError(reply: FastifyReply, err: BillError): FastifyReply {
  return reply.status(200).send({
    response_status: 1, response_message: 'Error', response_data: { error_code: err.code, error_message: err.message },
  });
}

async function register(app: App, lk: Latchkey): Promise<void> {
  // v2 is form-encoded only: anything else is a bad request in BILL's envelope.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.setErrorHandler(billErrorHandler(sendError));
  app.setNotFoundHandler((_req, reply) => sendError(reply, new BillError('BDC_1121', 404)));
  for (const [name, run] of Object.entries(v2Operations(lk.config.sandbox))) {
    app.post(`/${name}.json`, async (req) => success(await run({ lk, req, form: (req.body ?? {}) as Form })));
  }
}

/** BILL v2 (`/api/v2/<Op>.json`, form-encoded) at /bill/api/v2. */
export const billV2: Dialect = {
  name: 'bill-v2',
  prefix: V2_PREFIX,
  register,
  sandboxKey: SANDBOX_KEY,
  sandboxCredentials: billSandboxCredentials,
};
