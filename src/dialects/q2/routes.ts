import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/types.ts';
import type { Latchkey } from '../../registry.ts';
import type { DevKey } from '../../core/model.ts';
import type { Connection } from '../../core/connection/model.ts';
import { connectorOf, createConnection, fixHold, reauthenticate, refresh, viewConnection } from '../../core/connection/connections.ts';
import { connectionForKey, userForKey } from '../../core/connection/key-access.ts';
import { resume } from '../../core/connection/resume.ts';
import { resolveDevKey } from '../../core/session/sessions.ts';
import { fail } from '../../core/errors.ts';
import { bearerOf, metaOf } from '../../http/auth.ts';
import { authObject, statusOf, type AuthObject } from './auth-object.ts';
import { companyOf, companyOfCode, monogramSvg } from './companies.ts';
import { connectionIdOf, institutionCodeOf } from './ids.ts';
import { nativeAnswers, type Q2Answer } from './answers.ts';
import { AnswerQuestionsBody, AuthParams, CompanyParams, CreateAuthBody, StepBody } from './schemas.ts';

const SUCCESS = { success: true } as const;
// No `security`: the native OpenAPI document declares no scheme for Q2's apiKey; every route says so instead.
const tags = ['Q2 Biller Direct (Authorization: Bearer <apiKey>)'];

/** Routes reachable without the API key (a logo is fetched by an <img>). */
const isPublic = (req: FastifyRequest) => (req.routeOptions.config as { public?: boolean } | undefined)?.public === true;

export function q2Routes(app: App, lk: Latchkey, prefix: string): void {
  const d = lk.connectionDeps;
  const keys = new WeakMap<FastifyRequest, DevKey>();
  const keyOf = (req: FastifyRequest) => keys.get(req) ?? fail('LK_ERR_DEV_KEY_INVALID');
  const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.host}${prefix}`;

  // The API key is checked before the body, so a caller without one learns nothing about the input.
  app.addHook('onRequest', async (req) => {
    if (!isPublic(req)) keys.set(req, await resolveDevKey(lk.deps, bearerOf(req)));
  });

  const institution = (companyId: string) => connectorOf(d, institutionCodeOf(companyId) ?? fail('LK_ERR_NOT_FOUND', { field: 'institutionCode' }));
  const ownAuth = (req: FastifyRequest, authId: string) =>
    connectionForKey(d, keyOf(req), connectionIdOf(authId) ?? fail('LK_ERR_NOT_FOUND', { field: 'connectionId' }));
  const authOf = async (req: FastifyRequest, c: Connection): Promise<AuthObject> =>
    authObject(await viewConnection(d, c), companyOfCode(d.institutions.get(c.institutionCode), c.institutionCode, baseOf(req)));

  async function answer(req: FastifyRequest, c: Connection, answers: readonly Q2Answer[]): Promise<typeof SUCCESS> {
    const native = nativeAnswers((await viewConnection(d, c)).challenges, answers);
    // Only prompt items were acknowledged: the job is polling them already.
    if (native.length === 0) return SUCCESS;
    const key = req.headers['idempotency-key'];
    await resume(d, c, native, typeof key === 'string' && key.length > 0 ? key : undefined);
    return SUCCESS;
  }

  app.get('/companies', { schema: { tags, summary: 'Companies (institutions) an auth can be made with' } },
    async (req) => [...d.institutions.values()].map((i) => companyOf(i, baseOf(req))));

  app.get('/companies/:companyId', { schema: { tags, summary: 'A company', params: CompanyParams } },
    async (req) => companyOf(institution(req.params.companyId), baseOf(req)));

  app.get('/companies/:companyId/logo.svg', { config: { public: true }, schema: { tags, summary: 'A company\'s monogram logo', params: CompanyParams } },
    async (req, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(monogramSvg(institution(req.params.companyId).name)));

  app.post('/auth', {
    schema: {
      tags, body: CreateAuthBody, summary: 'Create an auth (legacy REST), or re-authenticate one',
      description: 'Logs in to the company in the background: poll GET /auth/{authId}. Sent again for an auth that needs credentials (status authenticate), or with authId, it re-authenticates that auth.',
    },
  }, async (req) => {
    const key = keyOf(req);
    const { org, user } = await userForKey(lk.deps, key, req.body.clientId);
    const code = institution(req.body.companyId).code;
    const { authId, form } = req.body;
    let c: Connection;
    if (authId) {
      c = await ownAuth(req, authId);
      if (c.userId !== user.id || c.institutionCode !== code) fail('LK_ERR_VALIDATION', { field: 'authId', detail: 'authId is an auth of another client or company.' });
      c = await reauthenticate(d, c, form);
    } else {
      const r = await createConnection(d, org, user, { institutionCode: code, credentials: form }, metaOf(req));
      c = r.connection;
      const needsCredentials = !r.created && statusOf(await viewConnection(d, c)).status.type === 'authenticate';
      if (needsCredentials) c = await reauthenticate(d, c, form);
    }
    return { ...SUCCESS, auth: await authOf(req, c) };
  });

  app.get('/auth/:authId', { schema: { tags, params: AuthParams, summary: 'The Auth object' } },
    async (req) => authOf(req, await ownAuth(req, req.params.authId)));

  app.post('/auth/:authId/answer-questions', { schema: { tags, params: AuthParams, body: AnswerQuestionsBody, summary: 'Answer the MFA items by identifier' } },
    async (req) => answer(req, await ownAuth(req, req.params.authId), req.body.answers));

  app.post('/auth/:authId/fix-hold', { schema: { tags, params: AuthParams, summary: 'The user fixed the hold: run the auth again' } }, async (req) => {
    const c = await ownAuth(req, req.params.authId);
    const held = statusOf(await viewConnection(d, c)).status.type === 'hold';
    // A locked login or a company that was down shows as a hold too; the core retries those with a refresh.
    await (held && c.state !== 'HOLD' ? refresh(d, c, 'aggregate') : fixHold(d, c));
    return SUCCESS;
  });

  app.post('/auth/step', { schema: { tags, body: StepBody, summary: 'Answer MFA (legacy): token is the auth _id' } }, async (req) => {
    const { token, mfa } = req.body;
    return answer(req, await ownAuth(req, token), Array.isArray(mfa) ? mfa : [mfa]);
  });
}
