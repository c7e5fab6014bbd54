import type { FastifyRequest } from 'fastify';
import type { Dialect } from '../dialect.ts';
import type { App } from '../../http/types.ts';
import type { Latchkey } from '../../registry.ts';
import { resolveDevKey } from '../../core/session/sessions.ts';
import { authenticateMx, MX_MEDIA_TYPE, rememberCaller, requireMxVersion } from './mx-auth.ts';
import { MESSAGES, MxError, mxErrorHandler, sendMxError } from './mx-errors.ts';
import { guidOf } from './mx-ids.ts';
import { userRoutes } from './routes/users.ts';
import { institutionRoutes } from './routes/institutions.ts';
import { memberRoutes } from './routes/members.ts';
import { memberJobRoutes } from './routes/member-jobs.ts';
import { dataRoutes } from './routes/data.ts';

const ROUTES = [userRoutes, institutionRoutes, memberRoutes, memberJobRoutes, dataRoutes];

/**
 * JSON (or MX's own media type). An empty body is no body: bodiless POSTs such as
 * aggregate still name a type, and axios (under MX's SDK) names form-urlencoded.
 */
function bodyParsers(app: App): void {
  const json = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', MX_MEDIA_TYPE], { parseAs: 'string' }, (req: FastifyRequest, body: string | Buffer, done) => {
    const text = body.toString();
    if (text.length === 0) return done(null, undefined);
    return json(req, text, done);
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req: FastifyRequest, body: string | Buffer, done) => {
    if (body.length === 0) return done(null, undefined);
    return done(new MxError(415, MESSAGES.unsupportedMediaType), undefined);
  });
}

/**
 * The MX Platform API (v20111101) at /mx: HTTP Basic with client_id = a developer
 * key's ID and api_key = that key's secret, acting for the key's organization.
 */
export const mxDialect: Dialect = {
  name: 'mx',
  prefix: '/mx',

  async register(app: App, lk: Latchkey) {
    app.setErrorHandler(mxErrorHandler);
    app.setNotFoundHandler((_req, reply) => sendMxError(reply, new MxError(404, MESSAGES.notFound)));
    bodyParsers(app);
    app.addHook('onRequest', async (req) => {
      rememberCaller(req, await authenticateMx(lk, req));
      requireMxVersion(req);
    });
    for (const routes of ROUTES) routes(app, lk);
  },

  sandboxKey: 'mx',
  async sandboxCredentials(lk, sandbox) {
    const key = await resolveDevKey(lk.deps, sandbox.devKey);
    return { clientId: key.id, apiKey: sandbox.devKey, baseUrl: `${sandbox.baseUrl}/mx`, userGuid: guidOf('user', sandbox.user.userId) };
  },
};
