import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../http/types.ts';
import type { Latchkey } from '../../registry.ts';
import type { SessionContext } from '../../core/session/sessions.ts';
import { sessionExpiresAt } from '../../core/session/sessions.ts';
import { loginAsUserWithKey } from '../../core/session/platform-key.ts';
import { createUser } from '../../core/account/accounts.ts';
import { metaOf } from '../../http/auth.ts';
import { Email, Phone } from '../../http/schemas.ts';
import { checkRefreshToken, oauthKeyOf, requireGateway, requireUser, userOf } from './auth.ts';
import { answerBankLogin, linkedAccounts, startBankLogin, wrongAnswer, type LoginOutcome } from './bank-login.ts';
import { notFound, SynapseError, synapseErrorHandler, v31ErrorBody } from './errors.ts';
import { answerList, Answers, Text, validator } from './validate.ts';
import { nodesBody, nodeView, userView, v31Mfa } from './views.ts';

const UserBody = validator(Type.Object({
  logins: Type.Array(Type.Object({ email: Email, password: Type.Optional(Type.String({ maxLength: 200 })), scope: Type.Optional(Type.String({ maxLength: 64 })) }), { minItems: 1, maxItems: 10 }),
  phone_numbers: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 10 })),
  legal_names: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 10 })),
}));
const OauthBody = validator(Type.Object({
  refresh_token: Text(200),
  scope: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
}));
const BankLoginBody = validator(Type.Object({
  type: Type.String({ maxLength: 32 }),
  info: Type.Object({ bank_id: Text(500), bank_pw: Text(500), bank_name: Text(100) }),
}));
const MfaBody = validator(Type.Object({ access_token: Text(300), mfa_answer: Answers }));

/** Only E.164 numbers become the user's phone (the core sends codes to it); others are not kept. */
const E164 = Compile(Phone);

/** What an oauth_key may do here. */
const SCOPES = ['USER|GET', 'NODES|GET', 'NODES|POST', 'NODE|GET'];

const userIdOf = (req: FastifyRequest) => (req.params as { user_id: string }).user_id;
const header = (req: FastifyRequest, name: string) => (typeof req.headers[name] === 'string' ? req.headers[name] : undefined);

/** 200 with the new nodes, 202 with the bank's question, or 400 with a new question when the answer was wrong. */
function sendOutcome(lk: Latchkey, reply: FastifyReply, o: LoginOutcome): FastifyReply {
  if (o.kind === 'linked') return reply.status(200).send(nodesBody(o.accounts.map((a) => nodeView(lk, o.connection, a))));
  const mfa = v31Mfa(o);
  if (!o.rejected) return reply.status(202).send({ error_code: '10', http_code: '202', mfa, success: true });
  return reply.status(400).send({ ...v31ErrorBody(wrongAnswer(o)), mfa });
}

function userRoutes(app: App, lk: Latchkey): void {
  app.post('/users', async (req) => {
    const gw = await requireGateway(lk, req);
    const body = UserBody(req.body);
    const email = body.logins[0]!.email;
    const phone = body.phone_numbers?.find((p) => E164.Check(p));
    // Users sign in through the oauth_key only: their password is random and never shown.
    const user = await createUser(lk.deps, gw.org, { username: email, email, phone, password: lk.deps.random.token(32) });
    return userView(lk, gw.org, user);
  });

  app.get('/users/:user_id', async (req) => {
    const gw = await requireGateway(lk, req);
    return userView(lk, gw.org, await userOf(lk, gw, userIdOf(req)));
  });

  app.post('/oauth/:user_id', async (req) => {
    const gw = await requireGateway(lk, req);
    const body = OauthBody(req.body);
    const user = await userOf(lk, gw, userIdOf(req));
    checkRefreshToken(lk, user, body.refresh_token);
    const { token, ctx } = await loginAsUserWithKey(lk.deps, gw.devKey, { organizationId: gw.org.id, userId: user.id }, metaOf(req));
    const now = lk.clock.now();
    const expiresAt = sessionExpiresAt(ctx.session) ?? now;
    return {
      client_id: gw.org.id, client_name: gw.org.name,
      expires_at: String(Math.floor(expiresAt / 1000)), expires_in: String(Math.round((expiresAt - now) / 1000)),
      oauth_key: oauthKeyOf(token), refresh_token: body.refresh_token, scope: SCOPES, user_id: user.id,
    };
  });
}

async function userNodes(lk: Latchkey, ctx: SessionContext) {
  return (await linkedAccounts(lk, ctx)).map(({ connection, account }) => nodeView(lk, connection, account));
}

function nodeRoutes(app: App, lk: Latchkey): void {
  app.get('/users/:user_id/nodes', async (req) => {
    const ctx = await requireUser(lk, req, userIdOf(req), false);
    const { type } = req.query as { type?: string };
    return nodesBody(type === undefined || type === 'ACH-US' ? await userNodes(lk, ctx) : []);
  });

  app.get('/users/:user_id/nodes/:node_id', async (req) => {
    const ctx = await requireUser(lk, req, userIdOf(req), false);
    const { node_id } = req.params as { node_id: string };
    const node = (await userNodes(lk, ctx)).find((n) => n._id === node_id);
    if (!node) throw new SynapseError(404, '404', 'Node not found.');
    return node;
  });

  // Both steps share the path: a body with access_token answers the bank, any other is a bank login.
  app.post('/users/:user_id/nodes', async (req, reply) => {
    const ctx = await requireUser(lk, req, userIdOf(req), true);
    const raw = req.body;
    if (typeof raw === 'object' && raw !== null && 'access_token' in raw) {
      const body = MfaBody(raw);
      const answers = answerList(body.mfa_answer);
      return sendOutcome(lk, reply, await answerBankLogin(lk, ctx, body.access_token, answers, header(req, 'x-sp-idempotency-key')));
    }
    const body = BankLoginBody(raw);
    if (body.type !== 'ACH-US') throw new SynapseError(400, '200', 'Error in payload: only ACH-US nodes are linked with bank logins.');
    const login = { bankName: body.info.bank_name, bankId: body.info.bank_id, bankPassword: body.info.bank_pw };
    return sendOutcome(lk, reply, await startBankLogin(lk, ctx, login, metaOf(req)));
  });
}

/** Synapse v3.1 (JSON, X-SP-GATEWAY / X-SP-USER headers) under <prefix>/v3.1. */
export async function v31Routes(app: App, lk: Latchkey): Promise<void> {
  app.setErrorHandler(synapseErrorHandler(v31ErrorBody));
  app.setNotFoundHandler((req, reply) => reply.status(404).send(v31ErrorBody(notFound(req))));
  userRoutes(app, lk);
  nodeRoutes(app, lk);
}
