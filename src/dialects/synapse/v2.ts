import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { App } from '../../http/types.ts';
import type { Latchkey } from '../../registry.ts';
import type { User } from '../../core/model.ts';
import { metaOf } from '../../http/auth.ts';
import { requireConsumer } from './auth.ts';
import { answerBankLogin, linkedAccounts, startBankLogin, wrongAnswer, type LoginOutcome } from './bank-login.ts';
import { notFound, synapseErrorHandler, v2ErrorBody } from './errors.ts';
import { answerList, Answers, Text, validator } from './validate.ts';
import { bankView, v2MfaResponse } from './views.ts';

/** Flat params; other params the old SDKs send are ignored. */
const ConsumerKey = Text(300);
const LoginParams = validator(Type.Object({
  username: Text(500), password: Text(500), bank: Text(100), pin: Type.Optional(Type.String({ maxLength: 100 })), oauth_consumer_key: ConsumerKey,
}));
const MfaParams = validator(Type.Object({
  access_token: Text(300), mfa: Answers, bank: Type.Optional(Type.String({ maxLength: 100 })), oauth_consumer_key: ConsumerKey,
}));
const ShowParams = validator(Type.Object({ oauth_consumer_key: ConsumerKey }));

/** Form fields, a repeated one (`mfa` once per question) as a list. */
function formFields(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  return out;
}

const paramsOf = (req: FastifyRequest) => req.body ?? {};

/** The seed's three kinds: banks (is_mfa false), or the bank's question; a wrong answer is a 400 with a new question. */
function sendOutcome(lk: Latchkey, reply: FastifyReply, o: LoginOutcome, user: User): FastifyReply {
  if (o.kind === 'mfa' && o.rejected) {
    return reply.status(400).send({ ...v2ErrorBody(wrongAnswer(o)), is_mfa: true, response: v2MfaResponse(o) });
  }
  if (o.kind === 'mfa') return reply.status(200).send({ is_mfa: true, response: v2MfaResponse(o), success: true });
  return reply.status(200).send({ banks: o.accounts.map((a) => bankView(lk, o.connection, a, user)), is_mfa: false, success: true });
}

/** Old clients wrote v2 paths with or without the trailing slash. */
function post(app: App, path: string, handler: RouteHandlerMethod): void {
  for (const url of [path, `${path}/`]) app.post(url, handler);
}

/** Synapse v2 (flat params, JSON or form-encoded, `oauth_consumer_key`) under <prefix>/api/v2. */
export async function v2Routes(app: App, lk: Latchkey): Promise<void> {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, formFields(body as string)));
  app.setErrorHandler(synapseErrorHandler(v2ErrorBody));
  app.setNotFoundHandler((req, reply) => reply.status(404).send(v2ErrorBody(notFound(req))));

  post(app, '/bank/login', async (req, reply) => {
    const p = LoginParams(paramsOf(req), 'params');
    const ctx = await requireConsumer(lk, p.oauth_consumer_key, true);
    const login = { bankName: p.bank, bankId: p.username, bankPassword: p.password };
    return sendOutcome(lk, reply, await startBankLogin(lk, ctx, login, metaOf(req)), ctx.user);
  });

  post(app, '/bank/mfa', async (req, reply) => {
    const p = MfaParams(paramsOf(req), 'params');
    const ctx = await requireConsumer(lk, p.oauth_consumer_key, true);
    return sendOutcome(lk, reply, await answerBankLogin(lk, ctx, p.access_token, answerList(p.mfa), undefined), ctx.user);
  });

  post(app, '/bank/show', async (req) => {
    const ctx = await requireConsumer(lk, ShowParams(paramsOf(req), 'params').oauth_consumer_key, false);
    const banks = (await linkedAccounts(lk, ctx)).map(({ connection, account }) => bankView(lk, connection, account, ctx.user));
    return { banks, success: true };
  });
}
