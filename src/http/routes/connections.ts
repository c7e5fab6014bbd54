import { Type, type Static } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../types.ts';
import type { Latchkey } from '../../registry.ts';
import type { SessionContext } from '../../core/session/sessions.ts';
import type { Connection } from '../../core/connection/model.ts';
import type { ConnectionView as CoreConnectionView } from '../../core/connection/views.ts';
import {
  createConnection, deleteConnection, fixHold, getOwnConnection, reauthenticate, refresh, viewConnection,
} from '../../core/connection/connections.ts';
import { createAnswerToken, resume, resumeWithToken } from '../../core/connection/resume.ts';
import { CONNECTION_STATES } from '../../core/connection/connection-state.ts';
import { INSTITUTION_CHALLENGE_TYPES } from '../../ports/institution.ts';
import { fail } from '../../core/errors.ts';
import { keyMayActFor } from '../../core/session/sessions.ts';
import { metaOf, requireDevKey, requireSession } from '../auth.ts';
import { emptyBodyIsObject, errors, Id, isoTimes, NullableTimestamp, security, Timestamp } from '../schemas.ts';

/** A string enum from a const list, typed as its union. */
const oneOf = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const InstitutionChallengeView = Type.Object({
  challengeId: Type.String(), round: Type.Integer(),
  type: oneOf(INSTITUTION_CHALLENGE_TYPES),
  label: Type.String(),
  options: Type.Array(Type.Object({ optionId: Type.String(), label: Type.String(), value: Type.String(), image: Nullable(Type.String()) })),
  image: Nullable(Type.String({ description: 'data: URI' })),
  medium: Nullable(Type.Object({ type: Type.String(), label: Type.String() })),
  expiresAt: Timestamp,
  expiresInSeconds: Type.Integer({ minimum: 0, description: 'Seconds left to answer by the server\'s clock when this answer was made: count down from it rather than from expiresAt, which a browser\'s clock may disagree with.' }),
  needsAnswer: Type.Boolean({ description: 'false for a prompt: approve it in the institution\'s app' }),
});

export const ConnectionView = Type.Object({
  connectionId: Type.String(), userId: Type.String(), institutionCode: Type.String(),
  institution: Type.Object({ code: Type.String(), name: Type.String() }),
  state: oneOf(CONNECTION_STATES),
  group: Type.Union([Type.Literal('processing'), Type.Literal('needs_user'), Type.Literal('finished')]),
  nextAction: Nullable(Type.String({ description: 'answer_challenges, refresh, reauthenticate, fix_hold or contact_institution' })),
  round: Type.Integer(), isBeingAggregated: Type.Boolean(), isAuthenticated: Type.Boolean(),
  statusMessage: Nullable(Type.String()),
  hold: Nullable(Type.Object({ reason: Type.String(), message: Nullable(Type.String()), url: Nullable(Type.String()) })),
  challenges: Type.Array(InstitutionChallengeView),
  aggregatedAt: NullableTimestamp, successfullyAggregatedAt: NullableTimestamp, createdAt: Timestamp, updatedAt: Timestamp,
});

const Credentials = Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 500 }), { description: 'The institution\'s credential fields (GET /v1/institutions/{code})' });
const ConnParams = Type.Object({ connectionId: Id('Connection ID') });
const ResumeBody = Type.Object({
  challenges: Type.Array(Type.Object({
    challengeId: Id('Challenge ID'),
    value: Type.String({ maxLength: 1000, description: 'The answer; for options, the optionId or the option\'s value' }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
}, { additionalProperties: false });

/** The signed-in user's session; writes need a write-scope credential. */
async function userSession(lk: Latchkey, req: FastifyRequest, write: boolean): Promise<SessionContext> {
  const ctx = await requireSession(lk, req);
  if (ctx.session.kind === 'partner') fail('LK_ERR_FORBIDDEN', { detail: 'Open a session as the user (login as user) to manage their connections.' });
  if (write && ctx.session.scope === 'read') fail('LK_ERR_FORBIDDEN', { detail: 'A read-only API token cannot change connections.' });
  return ctx;
}

/** Adds each challenge's seconds left by the server's clock, so a page's countdown does not depend on its own clock. */
const withTimeLeft = (v: CoreConnectionView, now: number) => ({
  ...v, challenges: v.challenges.map((c) => ({ ...c, expiresInSeconds: Math.max(0, Math.ceil((c.expiresAt - now) / 1000)) })),
});

async function own(lk: Latchkey, req: FastifyRequest, write: boolean): Promise<Connection> {
  const ctx = await userSession(lk, req, write);
  return getOwnConnection(lk.connectionDeps, ctx.org.id, ctx.user.id, (req.params as Static<typeof ConnParams>).connectionId);
}

export function connectionRoutes(app: App, lk: Latchkey): void {
  const d = lk.connectionDeps;
  const view = async (c: Connection) => isoTimes(withTimeLeft(await viewConnection(d, c), lk.clock.now()));
  const tags = ['Connections'];

  app.post('/v1/connections', {
    schema: {
      tags, summary: 'Connect an institution account', security: security.session,
      description: 'Stores the credentials encrypted and starts a job that logs in to the institution. One connection per user, institution and login: a duplicate returns the existing connection with 200.',
      body: Type.Object({ institutionCode: Type.String({ minLength: 1, maxLength: 64 }), credentials: Credentials }, { additionalProperties: false }),
      response: { 200: ConnectionView, 201: ConnectionView, ...errors(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const ctx = await userSession(lk, req, true);
    const r = await createConnection(d, ctx.org, ctx.user, req.body, metaOf(req));
    return reply.status(r.created ? 201 : 200).send(await view(r.connection));
  });

  app.get('/v1/connections', {
    schema: { tags, summary: 'The user\'s connections', security: security.session, response: { 200: Type.Object({ connections: Type.Array(ConnectionView) }), ...errors(401) } },
  }, async (req) => {
    const ctx = await userSession(lk, req, false);
    const list = await d.connections.connections.listByUser(ctx.org.id, ctx.user.id);
    return { connections: await Promise.all(list.map(view)) };
  });

  app.get('/v1/connections/:connectionId', {
    schema: { tags, summary: 'A connection, its state and pending challenges', security: security.session, params: ConnParams, response: { 200: ConnectionView, ...errors(401, 404) } },
  }, async (req) => view(await own(lk, req, false)));

  app.delete('/v1/connections/:connectionId', {
    schema: { tags, summary: 'Delete a connection and its data', security: security.session, params: ConnParams, response: { 204: Type.Null(), ...errors(401, 403, 404) } },
  }, async (req, reply) => {
    await deleteConnection(d, await own(lk, req, true));
    return reply.status(204).send(null);
  });

  app.get('/v1/connections/:connectionId/challenges', {
    schema: {
      tags, summary: 'The challenges waiting for the user', security: security.session, params: ConnParams,
      response: { 200: Type.Object({ challenges: Type.Array(InstitutionChallengeView) }), ...errors(401, 404) },
    },
  }, async (req) => ({ challenges: (await view(await own(lk, req, false))).challenges }));

  app.put('/v1/connections/:connectionId/resume', {
    schema: {
      tags, summary: 'Answer the challenges (resume)', params: ConnParams, body: ResumeBody,
      description: 'Answers by challenge ID. Authorized by the user\'s session, or by a single-use answer token in X-Answer-Token (from POST …/answer-tokens) for an end-user page. Send Idempotency-Key to make a retry return the first result. 409 when not challenged, 410 when expired, 422 when the answers do not match.',
      security: [{ devKey: [], session: [] }, { devKey: [], answerToken: [] }],
      headers: Type.Object({
        'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        'x-answer-token': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      }),
      response: { 202: ConnectionView, ...errors(400, 401, 403, 404, 409, 410, 422) },
    },
  }, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    const token = req.headers['x-answer-token'];
    if (token !== undefined) {
      const devKey = await requireDevKey(lk, req);
      const c = await d.connections.connections.get(req.params.connectionId);
      const org = c ? await d.store.organizations.get(c.orgId) : null;
      // The key must belong to the connection's organization (or its partner), like a session's.
      if (!org || !keyMayActFor(devKey, org)) fail('LK_ERR_ANSWER_TOKEN_INVALID');
      const { view } = await resumeWithToken(d, req.params.connectionId, token, req.body.challenges, key);
      return reply.status(202).send(isoTimes(withTimeLeft(view, lk.clock.now())));
    }
    return reply.status(202).send(isoTimes(withTimeLeft(await resume(d, await own(lk, req, true), req.body.challenges, key), lk.clock.now())));
  });

  app.post('/v1/connections/:connectionId/answer-tokens', {
    schema: {
      tags, summary: 'Create a single-use answer token', security: security.session, params: ConnParams,
      description: 'For an end-user page that must not hold the app\'s credentials: the token authorizes exactly one resume of this connection, for 15 minutes by default.',
      response: { 201: Type.Object({ answerToken: Type.String(), expiresAt: Timestamp }), ...errors(401, 403, 404) },
    },
  }, async (req, reply) => {
    const { token, expiresAt } = await createAnswerToken(d, await own(lk, req, true));
    return reply.status(201).send(isoTimes({ answerToken: token, expiresAt }));
  });

  app.post('/v1/connections/:connectionId/reauthenticate', {
    schema: {
      tags, summary: 'Log in again with new credentials', security: security.session, params: ConnParams,
      body: Type.Object({ credentials: Credentials }, { additionalProperties: false }),
      response: { 202: ConnectionView, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.status(202).send(await view(await reauthenticate(d, await own(lk, req, true), req.body.credentials))));

  app.post('/v1/connections/:connectionId/fix-hold', {
    schema: {
      tags, summary: 'The user fixed what the institution asked: run again', security: security.session, params: ConnParams,
      response: { 202: ConnectionView, ...errors(401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.status(202).send(await view(await fixHold(d, await own(lk, req, true)))));

  app.post('/v1/connections/:connectionId/refresh', {
    preValidation: emptyBodyIsObject,
    schema: {
      tags, summary: 'Run a job now (aggregate accounts or fetch tax documents)', security: security.session, params: ConnParams,
      body: Type.Object({ kind: Type.Optional(Type.Union([Type.Literal('aggregate'), Type.Literal('tax_documents')])) }, { additionalProperties: false }),
      response: { 202: ConnectionView, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.status(202).send(await view(await refresh(d, await own(lk, req, true), req.body.kind ?? 'aggregate'))));

  app.get('/v1/connections/:connectionId/accounts', {
    schema: {
      tags, summary: 'Accounts found at the institution', security: security.session, params: ConnParams,
      response: {
        200: Type.Object({ accounts: Type.Array(Type.Object({
          accountId: Type.String(), name: Type.String(), type: Type.String(), mask: Type.String(), balance: Type.Number(), currency: Type.String(), updatedAt: Timestamp,
        })) }),
        ...errors(401, 404),
      },
    },
  }, async (req) => {
    const c = await own(lk, req, false);
    const accounts = await d.connections.accounts.listByConnection(c.id);
    return isoTimes({ accounts: accounts.map(({ id, connectionId: _c, externalId: _e, ...a }) => ({ accountId: id, ...a })) });
  });

  app.get('/v1/connections/:connectionId/documents', {
    schema: {
      tags, summary: 'Documents fetched (tax documents)', security: security.session, params: ConnParams,
      response: {
        200: Type.Object({ documents: Type.Array(Type.Object({ documentId: Type.String(), kind: Type.String(), name: Type.String(), year: Type.Integer(), createdAt: Timestamp })) }),
        ...errors(401, 404),
      },
    },
  }, async (req) => {
    const c = await own(lk, req, false);
    const docs = await d.connections.documents.listByConnection(c.id);
    return isoTimes({ documents: docs.map(({ id, connectionId: _c, externalId: _e, ...x }) => ({ documentId: id, ...x })) });
  });

  app.get('/v1/connections/:connectionId/jobs', {
    schema: {
      tags, summary: 'The connection\'s jobs: kind, status and times', security: security.session, params: ConnParams,
      response: {
        200: Type.Object({ jobs: Type.Array(Type.Object({
          jobId: Type.String(), kind: Type.String(), interactive: Type.Boolean(), status: Type.String(), attempts: Type.Integer(),
          createdAt: Timestamp, startedAt: NullableTimestamp, finishedAt: NullableTimestamp, error: Nullable(Type.String()),
        })) }),
        ...errors(401, 404),
      },
    },
  }, async (req) => {
    const c = await own(lk, req, false);
    const jobs = await d.connections.jobs.listByConnection(c.id);
    return isoTimes({ jobs: jobs.map((j) => ({ jobId: j.id, kind: j.kind, interactive: j.interactive, status: j.status, attempts: j.attempts, createdAt: j.createdAt, startedAt: j.startedAt, finishedAt: j.finishedAt, error: j.error })) });
  });
}
