import type { App } from '../../../http/types.ts';
import type { Latchkey } from '../../../registry.ts';
import type { User } from '../../../core/model.ts';
import type { Connection, JobKind } from '../../../core/connection/model.ts';
import type { ChallengeView } from '../../../core/connection/views.ts';
import type { Answer } from '../../../core/connection/resume.ts';
import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { refresh, viewConnection } from '../../../core/connection/connections.ts';
import { resume } from '../../../core/connection/resume.ts';
import { LatchkeyError } from '../../../core/errors.ts';
import { callerOf } from '../mx-auth.ts';
import { memberOf, snapshotOf } from '../mx-context.ts';
import { MESSAGES, MxError, notFound } from '../mx-errors.ts';
import { guidOf } from '../mx-ids.ts';
import { paginate } from '../mx-pagination.ts';
import { MemberParams, MemberResumeBody, Paged } from '../mx-schemas.ts';
import { activeJob, answerableChallenges, challengeView, memberStatusView, memberView, type MemberSnapshot } from '../mx-views.ts';

/** A challenge answered by guid; an option by its guid or its value (the core takes the option's ID or value). */
function toAnswer(pending: readonly ChallengeView[], given: { guid: string; value: string }): Answer {
  const challenge = pending.find((x) => guidOf('challenge', x.challengeId) === given.guid);
  // An unknown guid goes to the core as given, which names it in its refusal.
  if (!challenge) return { challengeId: given.guid, value: given.value };
  const option = challenge.options.find((o) => guidOf('challenge', o.optionId) === given.value);
  return { challengeId: challenge.challengeId, value: option ? option.optionId : given.value };
}

/** A scheduled refresh is MX's background aggregation: the same kind as an aggregate. */
const sameKind = (running: JobKind, asked: JobKind) => (running === 'refresh' ? 'aggregate' : running) === asked;

/**
 * Starts an aggregation-type job. MX answers 202 when a job of the same kind is
 * already running (the member as it is) and 409 when another kind is.
 */
async function startJob(lk: Latchkey, user: User, connection: Connection, kind: JobKind): Promise<MemberSnapshot> {
  try {
    return await snapshotOf(lk, await refresh(lk.connectionDeps, connection, kind), user);
  } catch (err) {
    if (!(err instanceof LatchkeyError) || err.code !== 'LK_ERR_CONNECTION_BUSY') throw err;
    const now = (await lk.connectionDeps.connections.connections.get(connection.id)) ?? notFound();
    const s = await snapshotOf(lk, now, user);
    const running = activeJob(s);
    if (running && sameKind(running.kind, kind)) return s;
    throw new MxError(409, 'The member already has another kind of job running. Try again when it has finished.');
  }
}

/** Status, MFA challenges and resume, and the jobs that may be CHALLENGED (seed 002). */
export function memberJobRoutes(app: App, lk: Latchkey): void {
  const d = lk.connectionDeps;
  // Every route here has MemberParams validated by its schema.
  const member = (req: FastifyRequest) => memberOf(lk, callerOf(req), req.params as Static<typeof MemberParams>);

  app.get('/users/:user_guid/members/:member_guid/status', { schema: { params: MemberParams } }, async (req) => {
    const { user, connection } = await member(req);
    return { member: memberStatusView(await snapshotOf(lk, connection, user)) };
  });

  app.get('/users/:user_guid/members/:member_guid/challenges', { schema: { params: MemberParams, querystring: Paged } }, async (req, reply) => {
    const { connection } = await member(req);
    const pending = answerableChallenges(await viewConnection(d, connection));
    if (pending.length === 0) return reply.status(204).send();
    const { items, pagination } = paginate(pending.map(challengeView), req.query);
    return { challenges: items, pagination };
  });

  app.put('/users/:user_guid/members/:member_guid/resume', { schema: { params: MemberParams, body: MemberResumeBody } }, async (req, reply) => {
    const { user, connection } = await member(req);
    const pending = answerableChallenges(await viewConnection(d, connection));
    if (pending.length === 0) throw new MxError(405, MESSAGES.notChallenged);
    const view = await resume(d, connection, req.body.member.challenges.map((a) => toAnswer(pending, a)));
    return reply.status(202).send({ member: memberView(await snapshotOf(lk, connection, user, view)) });
  });

  for (const [path, kind] of [['aggregate', 'aggregate'], ['fetch_tax_documents', 'tax_documents']] as const) {
    app.post(`/users/:user_guid/members/:member_guid/${path}`, { schema: { params: MemberParams } }, async (req, reply) => {
      const { user, connection } = await member(req);
      return reply.status(202).send({ member: memberView(await startJob(lk, user, connection, kind)) });
    });
  }
}
