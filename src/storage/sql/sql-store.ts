import { sql, type Kysely } from 'kysely';
import type { Store } from '../../ports/store.ts';
import type { Database } from './schema.ts';
import * as m from './mappers.ts';

const changed = (r: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) => (r.numUpdatedRows ?? r.numDeletedRows ?? 0n) > 0n;

/** The Store over Kysely: one query layer shared by SQLite and PostgreSQL. */
export function sqlStore(db: Kysely<Database>, onClose: () => Promise<void>): Store {
  return {
    organizations: {
      insert: async (org) => void (await db.insertInto('organizations').values(m.fromOrganization(org)).execute()),
      async get(id) {
        const r = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
        return r ? m.toOrganization(r) : null;
      },
      async update(id, patch) {
        const row = m.fromOrganizationPatch(patch);
        if (Object.keys(row).length > 0) await db.updateTable('organizations').set(row).where('id', '=', id).execute();
      },
      list: async () => (await db.selectFrom('organizations').selectAll().orderBy('createdAt').execute()).map(m.toOrganization),
    },
    users: {
      insert: async (user) => void (await db.insertInto('users').values(user).execute()),
      get: async (id) => (await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) ?? null,
      findByUsername: async (orgId, username) =>
        (await db.selectFrom('users').selectAll().where('orgId', '=', orgId).where('username', '=', username).executeTakeFirst()) ?? null,
      listByOrg: (orgId) => db.selectFrom('users').selectAll().where('orgId', '=', orgId).orderBy('createdAt').execute(),
      async recordFailure(id, threshold, lockUntil) {
        const reached = sql<boolean>`failed_attempts + 1 >= ${threshold}`;
        const r = await db.updateTable('users').set({
          failedAttempts: sql`CASE WHEN ${reached} THEN 0 ELSE failed_attempts + 1 END`,
          lockedUntil: sql`CASE WHEN ${reached} THEN ${lockUntil} ELSE locked_until END`,
        }).where('id', '=', id).returning(['failedAttempts', 'lockedUntil']).executeTakeFirst();
        return { locked: r !== undefined && r.failedAttempts === 0 && Number(r.lockedUntil) === lockUntil };
      },
      clearFailures: async (id) => void (await db.updateTable('users').set({ failedAttempts: 0, lockedUntil: null }).where('id', '=', id).execute()),
    },
    devKeys: {
      insert: async (key) => void (await db.insertInto('devKeys').values(m.fromDevKey(key)).execute()),
      async findByHash(keyHash) {
        const r = await db.selectFrom('devKeys').selectAll().where('keyHash', '=', keyHash).executeTakeFirst();
        return r ? m.toDevKey(r) : null;
      },
      async get(id) {
        const r = await db.selectFrom('devKeys').selectAll().where('id', '=', id).executeTakeFirst();
        return r ? m.toDevKey(r) : null;
      },
    },
    sessions: {
      insert: async (s) => void (await db.insertInto('sessions').values(s).execute()),
      async findContext(tokenHash) {
        const s = await db.selectFrom('sessions').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
        if (!s) return null;
        const [user, org, factor] = await Promise.all([
          db.selectFrom('users').selectAll().where('id', '=', s.userId).executeTakeFirst(),
          db.selectFrom('organizations').selectAll().where('id', '=', s.orgId).executeTakeFirst(),
          db.selectFrom('factors').select('id').where('userId', '=', s.userId).where('status', '=', 'active').limit(1).executeTakeFirst(),
        ]);
        if (!user || !org) return null;
        return { session: m.toSession(s), user, org: m.toOrganization(org), hasActiveFactor: factor !== undefined };
      },
      async get(id) {
        const r = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
        return r ? m.toSession(r) : null;
      },
      touch: async (id, at) => void (await db.updateTable('sessions').set({ lastSeenAt: at }).where('id', '=', id).execute()),
      trust: async (id, at, method) => void (await db.updateTable('sessions').set({ trustedAt: at, trustMethod: method }).where('id', '=', id).execute()),
      end: async (id, at) => void (await db.updateTable('sessions').set({ endedAt: at }).where('id', '=', id).where('endedAt', 'is', null).execute()),
      listTokens: async (userId) =>
        (await db.selectFrom('sessions').selectAll().where('userId', '=', userId).where('kind', '=', 'api_token').orderBy('createdAt').execute()).map(m.toSession),
    },
    factors: {
      insert: async (f) => void (await db.insertInto('factors').values(f).execute()),
      async get(id) {
        const r = await db.selectFrom('factors').selectAll().where('id', '=', id).executeTakeFirst();
        return r ? m.toFactor(r) : null;
      },
      listByUser: async (userId) => (await db.selectFrom('factors').selectAll().where('userId', '=', userId).orderBy('createdAt').execute()).map(m.toFactor),
      activate: async (id, at) => void (await db.updateTable('factors').set({ status: 'active', activatedAt: at }).where('id', '=', id).execute()),
      async delete(id) {
        await db.deleteFrom('backupCodes').where('factorId', '=', id).execute();
        await db.deleteFrom('factors').where('id', '=', id).execute();
      },
      async claimTotpStep(id, step) {
        const r = await db.updateTable('factors').set({ lastUsedStep: step }).where('id', '=', id)
          .where((eb) => eb.or([eb('lastUsedStep', 'is', null), eb('lastUsedStep', '<', step)])).executeTakeFirst();
        return changed(r);
      },
    },
    backupCodes: {
      async replaceAll(factorId, userId, hashes) {
        await db.transaction().execute(async (tx) => {
          await tx.deleteFrom('backupCodes').where('userId', '=', userId).execute();
          await tx.insertInto('backupCodes').values(hashes.map((codeHash) => ({ factorId, userId, codeHash, usedAt: null }))).execute();
        });
      },
      async consume(userId, codeHash, at) {
        const r = await db.updateTable('backupCodes').set({ usedAt: at })
          .where('userId', '=', userId).where('codeHash', '=', codeHash).where('usedAt', 'is', null).executeTakeFirst();
        return changed(r);
      },
      async countUnused(userId) {
        const r = await db.selectFrom('backupCodes').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).where('usedAt', 'is', null).executeTakeFirst();
        return Number(r?.n ?? 0);
      },
    },
    challenges: {
      insert: async (c) => void (await db.insertInto('challenges').values(c).execute()),
      async get(id) {
        const r = await db.selectFrom('challenges').selectAll().where('id', '=', id).executeTakeFirst();
        return r ? m.toChallenge(r) : null;
      },
      async recordWrongAttempt(id) {
        const r = await db.updateTable('challenges').set({ attempts: sql`attempts + 1` }).where('id', '=', id).where('completedAt', 'is', null)
          .returning('attempts').executeTakeFirst();
        return r ? r.attempts : null;
      },
      async complete(id, at) {
        const r = await db.updateTable('challenges').set({ completedAt: at }).where('id', '=', id).where('completedAt', 'is', null)
          .where((eb) => eb('attempts', '<', eb.ref('maxAttempts'))).where('expiresAt', '>', at).executeTakeFirst();
        return changed(r);
      },
      reissue: async (id, codeHash, expiresAt) =>
        void (await db.updateTable('challenges').set({ codeHash, expiresAt, sends: sql`sends + 1` }).where('id', '=', id).execute()),
    },
    devices: {
      insert: async (d) => void (await db.insertInto('rememberedDevices').values(d).execute()),
      findByTokenHash: async (tokenHash) => (await db.selectFrom('rememberedDevices').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst()) ?? null,
      listByUser: (userId) => db.selectFrom('rememberedDevices').selectAll().where('userId', '=', userId).orderBy('createdAt').execute(),
      get: async (id) => (await db.selectFrom('rememberedDevices').selectAll().where('id', '=', id).executeTakeFirst()) ?? null,
      markUsed: async (id, at) => void (await db.updateTable('rememberedDevices').set({ lastUsedAt: at }).where('id', '=', id).execute()),
      revoke: async (id, at) => void (await db.updateTable('rememberedDevices').set({ revokedAt: at }).where('id', '=', id).execute()),
    },
    counters: {
      async hit(key, windowStart) {
        const r = await db.insertInto('counters').values({ key, windowStart, count: 1 })
          .onConflict((oc) => oc.columns(['key', 'windowStart']).doUpdateSet({ count: sql`counters.count + 1` }))
          .returning('count').executeTakeFirstOrThrow();
        return Number(r.count);
      },
      async peek(key, windowStart) {
        const r = await db.selectFrom('counters').select('count').where('key', '=', key).where('windowStart', '=', windowStart).executeTakeFirst();
        return r ? Number(r.count) : 0;
      },
      reset: async (key) => void (await db.deleteFrom('counters').where('key', '=', key).execute()),
    },
    audit: {
      insert: async (e) => void (await db.insertInto('auditEvents').values({ ...e, data: JSON.stringify(e.data) }).execute()),
      async list(f) {
        let q = db.selectFrom('auditEvents').selectAll();
        if (f.orgId) q = q.where('orgId', '=', f.orgId);
        if (f.userId) q = q.where('userId', '=', f.userId);
        if (f.type) q = q.where('type', '=', f.type);
        return (await q.orderBy('at', 'desc').orderBy('id').limit(f.limit).execute()).map(m.toAudit);
      },
    },
    outbox: {
      insert: async (msg) => void (await db.insertInto('outbox').values(msg).execute()),
      async list(f) {
        let q = db.selectFrom('outbox').selectAll();
        if (f.orgId) q = q.where('orgId', '=', f.orgId);
        if (f.destination) q = q.where('destination', '=', f.destination);
        return (await q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(f.limit).execute()).map(m.toOutbox);
      },
    },
    protectedRequests: {
      insert: async (r) => void (await db.insertInto('protectedRequests').values({ ...r, payload: JSON.stringify(r.payload) }).execute()),
    },
    settings: {
      get: async (key) => (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null,
      set: async (key, value) =>
        void (await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()),
    },
    close: onClose,
  };
}
