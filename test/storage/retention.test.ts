/**
 * Housekeeping (src/core/retention.ts): what stopped counting `retentionDays` ago is
 * deleted, on both databases, and nothing that still counts is — a live session, an API
 * token, a challenge or device still valid, the current rate-limit window, the audit log.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { Store } from '../../src/ports/store.ts';
import type { ConnectionStore } from '../../src/ports/connection-store.ts';
import type { Challenge, Session } from '../../src/core/model.ts';
import type { ConnectionDatabase, Database } from '../../src/storage/sql/schema.ts';
import { sqlConnectionStore } from '../../src/storage/sql/sql-connection-store.ts';
import { PURGE_CHUNK } from '../../src/storage/sql/sql-store.ts';
import { purgeExpired } from '../../src/core/retention.ts';
import { DAY_MS, DEFAULT_LIMITS, HOUR_MS, MINUTE_MS } from '../../src/core/limits.ts';
import { BACKENDS } from '../support/backends.ts';
import { openTestStore, seedOrgAndUser, type TestStore } from '../support/store.ts';
import { createHarness, waitFor } from '../support/harness.ts';
import { createTenant, signIn } from '../support/fixtures.ts';

const NOW = Date.UTC(2026, 11, 5);
const CUTOFF = NOW - DEFAULT_LIMITS.retentionDays * DAY_MS;
const LONG_AGO = CUTOFF - DAY_MS;
const RECENTLY = CUTOFF + DAY_MS;
const deps = (store: Store) => ({ store, clock: { now: () => NOW }, limits: DEFAULT_LIMITS });

function session(id: string, over: Partial<Session>): Session {
  return {
    id, tokenHash: `digest-${id}`, kind: 'user', userId: '006R', orgId: '008R', devKeyId: 'dk', scope: 'write', createdAt: LONG_AGO, lastSeenAt: NOW,
    expiresAt: NOW + HOUR_MS, idleMinutes: 35, trustedAt: null, trustMethod: null, endedAt: null, name: null, ...over,
  };
}
function challenge(id: string, expiresAt: number): Challenge {
  return {
    id, userId: '006R', orgId: '008R', sessionId: 'ses_x', factorId: 'fac_x', purpose: 'sign_in', codeHash: 'h', attempts: 0, maxAttempts: 5, sends: 1,
    createdAt: expiresAt - 10 * MINUTE_MS, expiresAt, completedAt: null,
  };
}

for (const backend of BACKENDS) {
  describe(`retention [${backend}]`, () => {
    let store: Store;
    let db: Kysely<Database>;
    let connections: ConnectionStore;
    let opened: TestStore;
    before(async () => {
      opened = await openTestStore(backend);
      ({ store, db } = opened);
      connections = sqlConnectionStore(db as unknown as Kysely<ConnectionDatabase>, { skipLocked: backend === 'postgres' });
      await seedOrgAndUser(store, '008R', '006R');
    });
    after(() => opened.close());

    it('deletes sessions that ended, idled out or passed their lifetime long enough ago, and keeps every other', async () => {
      const gone = [
        session('ses_signed_out', { endedAt: LONG_AGO }),
        session('ses_lifetime', { expiresAt: LONG_AGO, lastSeenAt: LONG_AGO - HOUR_MS }),
        session('ses_idle', { expiresAt: null, lastSeenAt: LONG_AGO - 35 * MINUTE_MS }),
      ];
      const kept = [
        session('ses_live', {}),
        session('ses_signed_out_lately', { endedAt: RECENTLY }),
        session('ses_idle_lately', { expiresAt: null, lastSeenAt: RECENTLY }),
        session('ses_token', { kind: 'api_token', expiresAt: null, idleMinutes: null, lastSeenAt: LONG_AGO - 400 * DAY_MS }),
      ];
      for (const s of [...gone, ...kept]) await store.sessions.insert(s);
      await store.audit.insert({ id: 'evt_old', orgId: '008R', userId: '006R', type: 'session.ended', at: LONG_AGO, ip: null, data: {} });

      const purged = await purgeExpired(deps(store));
      assert.equal(purged.sessions, gone.length);
      assert.equal(purged.expiredBefore, CUTOFF);
      for (const s of gone) assert.equal(await store.sessions.get(s.id), null, s.id);
      for (const s of kept) assert.notEqual(await store.sessions.get(s.id), null, s.id);
      assert.equal((await store.audit.list({ userId: '006R', limit: 10 })).length, 1, 'the audit log is kept');
    });

    it('deletes expired challenges, devices, outbox messages and answer tokens, old resume results and finished rate-limit windows', async () => {
      await store.challenges.insert(challenge('chl_old', LONG_AGO));
      await store.challenges.insert(challenge('chl_lately', RECENTLY));
      const device = { userId: '006R', orgId: '008R', deviceName: 'd', createdAt: 1, lastUsedAt: null };
      await store.devices.insert({ ...device, id: 'dev_expired', tokenHash: 'd1', expiresAt: LONG_AGO, revokedAt: null });
      await store.devices.insert({ ...device, id: 'dev_revoked', tokenHash: 'd2', expiresAt: NOW + DAY_MS, revokedAt: LONG_AGO });
      await store.devices.insert({ ...device, id: 'dev_live', tokenHash: 'd3', expiresAt: NOW + DAY_MS, revokedAt: null });
      const message = { orgId: '008R', userId: '006R', channel: 'sms' as const, destination: '+15555550100', subject: null, body: 'code' };
      await store.outbox.insert({ ...message, id: 'out_old', createdAt: LONG_AGO });
      await store.outbox.insert({ ...message, id: 'out_new', createdAt: RECENTLY });
      const hourAgo = Math.floor(NOW / HOUR_MS) * HOUR_MS - HOUR_MS;
      await store.counters.hit('challenge-send:006R', hourAgo - HOUR_MS);
      await store.counters.hit('challenge-send:006R', Math.floor(NOW / HOUR_MS) * HOUR_MS);
      await connections.answerTokens.insert({ tokenHash: 'at_old', connectionId: 'con_x', expiresAt: LONG_AGO, createdAt: LONG_AGO });
      await connections.answerTokens.insert({ tokenHash: 'at_new', connectionId: 'con_x', expiresAt: NOW + MINUTE_MS, createdAt: NOW });
      await connections.resumes.put('con_x', 'key-old', '{}', LONG_AGO);
      await connections.resumes.put('con_x', 'key-new', '{}', NOW);

      const { expiredBefore, ...purged } = await purgeExpired(deps(store));
      assert.deepEqual(purged, { sessions: 0, challenges: 1, devices: 2, outbox: 1, counters: 1 });
      assert.deepEqual(await connections.retention.purge(expiredBefore), { answerTokens: 1, resumes: 1 });

      assert.equal(await store.challenges.getWithFactor('chl_old'), null);
      assert.notEqual(await store.challenges.getWithFactor('chl_lately'), null);
      assert.deepEqual((await store.devices.listByUser('006R')).map((d) => d.id), ['dev_live']);
      assert.deepEqual((await store.outbox.list({ orgId: '008R', limit: 10 })).map((m) => m.id), ['out_new']);
      assert.equal(await store.counters.peek('challenge-send:006R', Math.floor(NOW / HOUR_MS) * HOUR_MS), 1, 'the current window counts on');
      assert.equal(await connections.answerTokens.find('at_old'), null);
      assert.notEqual(await connections.answerTokens.find('at_new'), null);
      assert.equal(await connections.resumes.get('con_x', 'key-old'), null);
      assert.equal(await connections.resumes.get('con_x', 'key-new'), '{}');
    });

    it(`deletes in chunks of ${PURGE_CHUNK}, all of them`, async () => {
      const n = PURGE_CHUNK * 2 + 7;
      for (let i = 0; i < n; i++) await store.challenges.insert(challenge(`chl_bulk_${i}`, LONG_AGO));
      assert.equal((await purgeExpired(deps(store))).challenges, n);
      assert.equal((await purgeExpired(deps(store))).challenges, 0);
    });
  });
}

for (const backend of BACKENDS) {
  describe(`retention in the background worker [${backend}]`, () => {
    it('a signed-out session is deleted once the clock has moved past the retention period, and the log says what went', async () => {
      const logLines: string[] = [];
      const h = await createHarness(backend, { logLines, env: { LOG_LEVEL: 'info' } });
      try {
        const t = await createTenant(h);
        const sessionId = await signIn(h, t);
        assert.equal((await h.call('DELETE', '/v1/session', { devKey: t.devKey, session: sessionId })).statusCode, 204);
        const auditEvents = async () => (await h.lk.deps.store.audit.list({ userId: t.userId, limit: 100 })).length;
        const audited = await auditEvents();
        // What the sandbox's time travel does: the running worker purges at its next turn, not an hour later.
        h.time.advance((DEFAULT_LIMITS.retentionDays + 1) * DAY_MS);
        const line = await waitFor(async () => logLines.find((l) => l.includes('deleted expired rows')), 'the purge');
        assert.equal((JSON.parse(line) as { purged: { sessions: number } }).purged.sessions, 1);
        assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session: sessionId })).statusCode, 401);
        assert.equal(await auditEvents(), audited, 'the audit log is kept');
      } finally {
        await h.close();
      }
    });
  });
}
