import { sql, type Kysely, type Transaction } from 'kysely';
import type { ConnectionStore } from '../../ports/connection-store.ts';
import type {
  Connection, ConnectionEvent, ConnectionJob, InstitutionChallenge, WebhookDelivery, WebhookEndpoint,
} from '../../core/connection/model.ts';
import type { ConnectionDatabase, ConnectionRow, InstitutionChallengeRow, JobRow, WebhookDeliveryRow } from './schema.ts';
import { inChunks, PURGE_CHUNK } from './sql-store.ts';

type Db = Kysely<ConnectionDatabase> | Transaction<ConnectionDatabase>;

/** Row ⇄ record: booleans are 0/1 and nested values JSON text in both databases. */
const toConnection = (r: ConnectionRow): Connection => ({ ...r, isAuthenticated: r.isAuthenticated === 1 } as Connection);
function fromConnection(c: Partial<Connection>): Partial<ConnectionRow> {
  const { isAuthenticated, ...rest } = c;
  return { ...rest, ...(isAuthenticated === undefined ? {} : { isAuthenticated: isAuthenticated ? 1 : 0 }) } as Partial<ConnectionRow>;
}
const toJob = (r: JobRow): ConnectionJob => ({ ...r, interactive: r.interactive === 1 } as ConnectionJob);
function fromJob(j: Partial<ConnectionJob>): Partial<JobRow> {
  const { interactive, ...rest } = j;
  return { ...rest, ...(interactive === undefined ? {} : { interactive: interactive ? 1 : 0 }) } as Partial<JobRow>;
}
const toChallenge = (r: InstitutionChallengeRow): InstitutionChallenge => ({
  ...r, options: JSON.parse(r.options), medium: r.medium === null ? null : JSON.parse(r.medium),
} as InstitutionChallenge);
function fromChallenge(c: Partial<InstitutionChallenge>): Partial<InstitutionChallengeRow> {
  const { options, medium, ...rest } = c;
  return {
    ...rest,
    ...(options === undefined ? {} : { options: JSON.stringify(options) }),
    ...(medium === undefined ? {} : { medium: medium === null ? null : JSON.stringify(medium) }),
  } as Partial<InstitutionChallengeRow>;
}
const toDelivery = (r: WebhookDeliveryRow): WebhookDelivery => r as WebhookDelivery;

/**
 * The ConnectionStore over Kysely for SQLite and PostgreSQL. `skipLocked` is the
 * PostgreSQL capability that lets several processes claim jobs without waiting on
 * each other; SQLite has one writer, so a plain guarded UPDATE is already exclusive.
 */
export function sqlConnectionStore(db: Db, caps: { skipLocked: boolean }): ConnectionStore {
  const lock = caps.skipLocked ? sql` FOR UPDATE SKIP LOCKED` : sql``;
  const self: ConnectionStore = {
    async transaction(fn) {
      if (db.isTransaction) return fn(self);
      return (db as Kysely<ConnectionDatabase>).transaction().execute((trx) => fn(sqlConnectionStore(trx, caps)));
    },
    connections: {
      async insertOrGet(c) {
        const r = await db.insertInto('connections').values(fromConnection(c) as ConnectionRow)
          .onConflict((oc) => oc.column('loginDigest').doNothing()).executeTakeFirst();
        const created = (r.numInsertedOrUpdatedRows ?? 0n) > 0n;
        const row = await db.selectFrom('connections').selectAll().where('loginDigest', '=', c.loginDigest).executeTakeFirstOrThrow();
        return { connection: toConnection(row), created };
      },
      async get(id) {
        const r = await db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst();
        return r ? toConnection(r) : null;
      },
      listByUser: async (orgId, userId) =>
        (await db.selectFrom('connections').selectAll().where('orgId', '=', orgId).where('userId', '=', userId).orderBy('createdAt').execute()).map(toConnection),
      async transition(id, from, patch, round) {
        let q = db.updateTable('connections').set({ ...fromConnection(patch), eventSeq: sql`event_seq + 1` })
          .where('id', '=', id).where('state', 'in', [...from]);
        if (round !== undefined) q = q.where('round', '=', round);
        const r = await q.returningAll().executeTakeFirst();
        return r ? toConnection(r) : null;
      },
      dueForRefresh: async (before, limit) =>
        (await db.selectFrom('connections').selectAll().where('state', '=', 'CONNECTED').where('activeJobId', 'is', null)
          .where('successfullyAggregatedAt', '<', before).orderBy('successfullyAggregatedAt').limit(limit).execute()).map(toConnection),
      async delete(id) {
        const run = async (d: Db) => {
          for (const table of ['institutionChallenges', 'connectionJobs', 'connectionEvents', 'accounts', 'documents', 'answerTokens', 'resumeRequests', 'webhookDeliveries'] as const) {
            await d.deleteFrom(table).where('connectionId', '=', id).execute();
          }
          await d.deleteFrom('connections').where('id', '=', id).execute();
        };
        if (db.isTransaction) await run(db);
        else await (db as Kysely<ConnectionDatabase>).transaction().execute(run);
      },
    },
    jobs: {
      insert: async (j) => void (await db.insertInto('connectionJobs').values(fromJob(j) as JobRow).execute()),
      update: async (id, patch) => void (await db.updateTable('connectionJobs').set(fromJob(patch)).where('id', '=', id).execute()),
      listByConnection: async (connectionId) =>
        (await db.selectFrom('connectionJobs').selectAll().where('connectionId', '=', connectionId).orderBy('ordinal').execute()).map(toJob),
      async claimDue(now, leaseUntil) {
        const due = sql<string>`(SELECT id FROM connection_jobs WHERE (status = 'queued' AND run_at <= ${now}) OR (status = 'running' AND lease_until < ${now}) ORDER BY run_at LIMIT 1${lock})`;
        const r = await db.updateTable('connectionJobs')
          .set({ status: 'running', leaseUntil, startedAt: sql`COALESCE(started_at, ${now})`, attempts: sql`attempts + 1` })
          .where('id', '=', due)
          .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('runAt', '<=', now)]), eb.and([eb('status', '=', 'running'), eb('leaseUntil', '<', now)])]))
          .returningAll().executeTakeFirst();
        return r ? toJob(r) : null;
      },
    },
    challenges: {
      async insertMany(list) {
        if (list.length) await db.insertInto('institutionChallenges').values(list.map((c) => fromChallenge(c) as InstitutionChallengeRow)).execute();
      },
      async listByConnection(connectionId, round) {
        let q = db.selectFrom('institutionChallenges').selectAll().where('connectionId', '=', connectionId);
        if (round !== undefined) q = q.where('round', '=', round);
        return (await q.orderBy('round').orderBy('position').execute()).map(toChallenge);
      },
      update: async (id, patch) => void (await db.updateTable('institutionChallenges').set(fromChallenge(patch)).where('id', '=', id).execute()),
      dueForExpiry: async (now, limit) =>
        (await db.selectFrom('institutionChallenges').selectAll().where('status', '=', 'pending').where('expiresAt', '<=', now)
          .orderBy('expiresAt').limit(limit).execute()).map(toChallenge),
    },
    events: {
      insert: async (e: ConnectionEvent) => void (await db.insertInto('connectionEvents').values({ ...e, data: JSON.stringify(e.data) }).execute()),
      listAfter: async (connectionId, afterSeq) =>
        (await db.selectFrom('connectionEvents').selectAll().where('connectionId', '=', connectionId).where('seq', '>', afterSeq).orderBy('seq').execute())
          .map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> })),
      async get(id) {
        const r = await db.selectFrom('connectionEvents').selectAll().where('id', '=', id).executeTakeFirst();
        return r ? { ...r, data: JSON.parse(r.data) as Record<string, unknown> } : null;
      },
    },
    accounts: {
      async replaceAll(connectionId, list) {
        // An account keeps its ID across refreshes (matched by the institution's own ID); gone ones are removed.
        for (const a of list) {
          await db.insertInto('accounts').values(a).onConflict((oc) => oc.columns(['connectionId', 'externalId']).doUpdateSet({
            name: a.name, type: a.type, mask: a.mask, balance: a.balance, currency: a.currency, updatedAt: a.updatedAt,
          })).execute();
        }
        let gone = db.deleteFrom('accounts').where('connectionId', '=', connectionId);
        if (list.length) gone = gone.where('externalId', 'not in', list.map((a) => a.externalId));
        await gone.execute();
      },
      listByConnection: (connectionId) => db.selectFrom('accounts').selectAll().where('connectionId', '=', connectionId).orderBy('name').execute(),
    },
    documents: {
      async upsertMany(list) {
        for (const d of list) {
          await db.insertInto('documents').values(d).onConflict((oc) => oc.columns(['connectionId', 'externalId']).doNothing()).execute();
        }
      },
      listByConnection: (connectionId) => db.selectFrom('documents').selectAll().where('connectionId', '=', connectionId).orderBy('year', 'desc').execute(),
    },
    answerTokens: {
      insert: async (t) => void (await db.insertInto('answerTokens').values({ ...t, usedAt: null }).execute()),
      find: async (tokenHash) =>
        (await db.selectFrom('answerTokens').select(['connectionId', 'expiresAt', 'usedAt']).where('tokenHash', '=', tokenHash).executeTakeFirst()) ?? null,
      async consume(tokenHash, now) {
        const r = await db.updateTable('answerTokens').set({ usedAt: now })
          .where('tokenHash', '=', tokenHash).where('usedAt', 'is', null).where('expiresAt', '>', now)
          .returning('connectionId').executeTakeFirst();
        return r?.connectionId ?? null;
      },
    },
    resumes: {
      get: async (connectionId, key) =>
        (await db.selectFrom('resumeRequests').select('result').where('connectionId', '=', connectionId).where('idempotencyKey', '=', key).executeTakeFirst())?.result ?? null,
      async put(connectionId, key, result, at) {
        const r = await db.insertInto('resumeRequests').values({ connectionId, idempotencyKey: key, result, createdAt: at })
          .onConflict((oc) => oc.columns(['connectionId', 'idempotencyKey']).doNothing()).executeTakeFirst();
        return (r.numInsertedOrUpdatedRows ?? 0n) > 0n;
      },
    },
    retention: {
      purge: async (before) => ({
        answerTokens: await inChunks(() => db.deleteFrom('answerTokens')
          .where('tokenHash', 'in', db.selectFrom('answerTokens').select('tokenHash').where('expiresAt', '<', before).limit(PURGE_CHUNK)).executeTakeFirst()),
        resumes: await inChunks(() => db.deleteFrom('resumeRequests').where('createdAt', '<', before)
          .where('connectionId', 'in', db.selectFrom('resumeRequests').select('connectionId').where('createdAt', '<', before).limit(PURGE_CHUNK)).executeTakeFirst()),
      }),
    },
    webhooks: {
      insertEndpoint: async (e: WebhookEndpoint) => void (await db.insertInto('webhookEndpoints').values(e).execute()),
      listEndpoints: (orgId) => db.selectFrom('webhookEndpoints').selectAll().where('orgId', '=', orgId).where('disabledAt', 'is', null).orderBy('createdAt').execute(),
      getEndpoint: async (id) => (await db.selectFrom('webhookEndpoints').selectAll().where('id', '=', id).executeTakeFirst()) ?? null,
      disableEndpoint: async (id, at) => void (await db.updateTable('webhookEndpoints').set({ disabledAt: at }).where('id', '=', id).execute()),
      async insertDeliveries(list) {
        if (list.length) await db.insertInto('webhookDeliveries').values(list).execute();
      },
      async claimDue(now, leaseUntil) {
        // The oldest undelivered event of each endpoint and connection goes first, so receivers see them in order.
        const due = sql<string>`(SELECT d.id FROM webhook_deliveries d WHERE d.status = 'pending' AND d.next_attempt_at <= ${now}
          AND (d.lease_until IS NULL OR d.lease_until < ${now})
          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = d.endpoint_id AND p.connection_id = d.connection_id
            AND p.status = 'pending' AND p.seq < d.seq)
          ORDER BY d.next_attempt_at LIMIT 1${lock})`;
        const r = await db.updateTable('webhookDeliveries').set({ leaseUntil })
          .where('id', '=', due).where('status', '=', 'pending')
          .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
          .returningAll().executeTakeFirst();
        return r ? toDelivery(r) : null;
      },
      updateDelivery: async (id, patch) => void (await db.updateTable('webhookDeliveries').set(patch).where('id', '=', id).execute()),
      async listDeliveries(f) {
        let q = db.selectFrom('webhookDeliveries as d').innerJoin('webhookEndpoints as e', 'e.id', 'd.endpointId').selectAll('d');
        if (f.orgId) q = q.where('e.orgId', '=', f.orgId);
        if (f.endpointId) q = q.where('d.endpointId', '=', f.endpointId);
        if (f.connectionId) q = q.where('d.connectionId', '=', f.connectionId);
        return (await q.orderBy('d.createdAt', 'desc').orderBy('d.seq', 'desc').limit(f.limit).execute()).map(toDelivery);
      },
      getDelivery: async (id) => {
        const r = await db.selectFrom('webhookDeliveries').selectAll().where('id', '=', id).executeTakeFirst();
        return r ? toDelivery(r) : null;
      },
    },
  };
  return self;
}
