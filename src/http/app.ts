import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Latchkey } from '../registry.ts';
import type { App } from './types.ts';
import { LatchkeyError } from '../core/errors.ts';
import { Problem } from './schemas.ts';
import { problemErrorHandler, sendProblem } from './problem.ts';
import { DEV_KEY_HEADER } from './auth.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { mfaRoutes } from './routes/mfa.ts';
import { partnerRoutes } from './routes/partner.ts';
import { operationRoutes } from './routes/operations.ts';
import { adminRoutes } from './routes/admin.ts';
import { institutionRoutes } from './routes/institutions.ts';
import { connectionRoutes } from './routes/connections.ts';
import { connectionEventRoutes } from './routes/connection-events.ts';
import { adminWebhookRoutes } from './routes/admin-webhooks.ts';
import { organizationRoutes } from './routes/organization.ts';
import { elementsRoutes } from './routes/elements.ts';
import { demoRoutes } from '../demo/demo-routes.ts';
import { corsRoutes } from './cors.ts';
import { DIALECTS } from '../dialects/index.ts';

/** Every area of the native API: one registration line each. */
const ROUTES = [
  sessionRoutes, organizationRoutes, mfaRoutes, partnerRoutes, operationRoutes, adminRoutes,
  institutionRoutes, connectionRoutes, connectionEventRoutes, adminWebhookRoutes,
];

export const VERSION = '0.1.0';

const DESCRIPTION = `Latchkey's native API. Every request under /v1 (but /v1/admin) carries the developer key in the \`${DEV_KEY_HEADER}\` header; \
calls made as a signed-in user add \`Authorization: Bearer <sessionId>\`. Errors are RFC 9457 problem details with a stable \`code\` \
(see docs/errors.md) and the \`field\` they are about. Times are ISO 8601.`;

export async function buildApp(lk: Latchkey): Promise<App> {
  const app = Fastify({
    loggerInstance: lk.logger as FastifyBaseLogger,
    bodyLimit: lk.config.bodyLimitBytes,
    // Request lines only at debug level: one log write per request would dominate the hot path.
    logController: new LogController({ disableRequestLogging: lk.config.logLevel !== 'debug' }),
    // Below debug nothing is logged per request, so requests share the server's logger instead of each making a child.
    ...(lk.config.logLevel === 'debug' ? {} : { childLoggerFactory: (logger: FastifyBaseLogger) => logger }),
    // verbose: validation errors carry their schema, so a message can list the allowed values.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false, verbose: true } },
    routerOptions: { maxParamLength: 200 },
    // Errors the router raises before any handler (an over-long path parameter, a malformed URL) are problems too.
    frameworkErrors: (err, _req, reply) => sendProblem(reply, new LatchkeyError(err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'LK_ERR_NOT_FOUND' : 'LK_ERR_VALIDATION', { field: 'path', detail: 'The URL path is not valid.' })),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(Problem);
  // The API speaks JSON (dialects add their own parsers); a text/plain body is a 415, not a string.
  app.removeContentTypeParser('text/plain');
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Latchkey', version: VERSION, description: DESCRIPTION },
      components: {
        securitySchemes: {
          devKey: { type: 'apiKey', in: 'header', name: DEV_KEY_HEADER, description: 'Developer key' },
          session: { type: 'http', scheme: 'bearer', description: 'sessionId from sign-in, or an API token' },
          adminToken: { type: 'http', scheme: 'bearer', description: 'Admin token (data/sandbox.json in sandbox mode)' },
          answerToken: { type: 'apiKey', in: 'header', name: 'x-answer-token', description: 'Single-use answer token for one resume' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.setErrorHandler(problemErrorHandler);
  app.setNotFoundHandler((req, reply) => sendProblem(reply, new LatchkeyError('LK_ERR_ROUTE_NOT_FOUND', { detail: `No endpoint ${req.method} ${req.url.split('?')[0]}.` })));

  corsRoutes(app, lk);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok', version: VERSION }));
  for (const routes of ROUTES) routes(app, lk);
  elementsRoutes(app);
  if (lk.config.sandbox) demoRoutes(app, lk);
  for (const dialect of DIALECTS) {
    await app.register(async (child) => {
      // Vendor routes are documented on their dialect's own page, not in the native OpenAPI document.
      child.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, hide: true };
      });
      await dialect.register(child as App, lk);
    }, { prefix: dialect.prefix });
  }
  return app;
}
