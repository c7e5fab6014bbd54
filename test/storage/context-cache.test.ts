/**
 * The session-context cache of the embedded database (src/storage/context-cache.ts):
 * a stale context would let a logged-out session, an untrusted one or a locked user
 * through, so every write that changes a context must be seen at the next lookup.
 */
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Store } from '../../src/ports/store.ts';
import type { Session } from '../../src/core/model.ts';
import type { Database } from '../../src/storage/sql/schema.ts';
import { migrate, openKysely, openStore } from '../../src/storage/open-database.ts';
import { BACKENDS, createTestDatabase } from '../support/backends.ts';
import { seedOrgAndUser } from '../support/store.ts';
import pg from 'pg';
import { CONTEXT_CHANNEL, pgContextNotices } from '../../src/storage/postgres/context-notices.ts';
import { sqlStore } from '../../src/storage/sql/sql-store.ts';
import { withContextCache, type ContextNotices } from '../../src/storage/context-cache.ts';

const TTL_MS = 200;

describe('session-context cache [sqlite]', () => {
  let db: Kysely<Database>;
  let store: Store;
  let session: Session;
  beforeEach(async () => {
    db = openKysely({ dataDir: mkdtempSync(join(tmpdir(), 'lk-cache-')) });
    await migrate(db);
    store = withContextCache(sqlStore(db, () => db.destroy()), { ttlMs: TTL_MS, max: 100 });
    await seedOrgAndUser(store, '008A', '006A');
    session = {
      id: 'ses_A', tokenHash: 'digest-A', kind: 'user', userId: '006A', orgId: '008A', devKeyId: 'dk', scope: 'write', createdAt: 1, lastSeenAt: 1,
      expiresAt: null, idleMinutes: 35, trustedAt: null, trustMethod: null, endedAt: null, name: null,
    };
    await store.sessions.insert(session);
    await store.sessions.findContext('digest-A'); // remembered from here on
  });
  afterEach(() => store.close());
  const context = async () => (await store.sessions.findContext('digest-A'))!;

  it('a logout is seen at once', async () => {
    await store.sessions.end(session.id, 5);
    assert.equal((await context()).session.endedAt, 5);
  });

  it('trust is seen at once', async () => {
    await store.sessions.trust(session.id, 6, 'sms');
    assert.equal((await context()).session.trustedAt, 6);
  });

  it('a lock is seen at once, and so is its clearing', async () => {
    await store.users.recordFailure('006A', 1, 99);
    assert.equal((await context()).user.lockedUntil, 99);
    await store.users.clearFailures('006A');
    assert.equal((await context()).user.lockedUntil, null);
  });

  it('organization settings are seen at once', async () => {
    await store.organizations.update('008A', { mfaRequired: false, sessionIdleMinutes: 5 });
    const { org } = await context();
    assert.equal(org.mfaRequired, false);
    assert.equal(org.sessionIdleMinutes, 5);
  });

  it('a factor becoming active is seen at once', async () => {
    assert.equal((await context()).hasActiveFactor, false);
    await store.factors.insert({
      id: 'fac_A', userId: '006A', orgId: '008A', type: 'sms', status: 'pending', label: 'p', destination: '+15555550100', secretEnc: null, lastUsedStep: null, createdAt: 1, activatedAt: null,
    });
    await store.factors.activate('fac_A', 2);
    assert.equal((await context()).hasActiveFactor, true);
  });

  it('the idle timer\'s touch updates the remembered session', async () => {
    await store.sessions.touch(session.id, 42);
    assert.equal((await context()).session.lastSeenAt, 42);
  });

  it('what a caller changes in its context is not remembered', async () => {
    (await context()).session.trustedAt = 123;
    assert.equal((await context()).session.trustedAt, null);
  });

  it('a change made by another process is seen once the entry ages out', async () => {
    await db.updateTable('sessions').set({ endedAt: 9 }).where('id', '=', session.id).execute();
    assert.equal((await context()).session.endedAt, null, 'within the TTL the remembered context answers');
    await new Promise((r) => setTimeout(r, TTL_MS + 20));
    assert.equal((await context()).session.endedAt, 9);
  });
});

describe('session-context cache: reads in flight when something is forgotten [sqlite]', () => {
  const notice: Array<(n: string) => void> = [];
  const notices: ContextNotices = { live: () => true, publish: async () => {}, subscribe: (h) => void notice.push(h) };
  let db: Kysely<Database>;
  let store: Store;
  beforeEach(async () => {
    db = openKysely({ dataDir: mkdtempSync(join(tmpdir(), 'lk-cache-')) });
    await migrate(db);
    store = withContextCache(sqlStore(db, () => db.destroy()), { ttlMs: 60_000, max: 100 }, notices);
    await seedOrgAndUser(store, '008F', '006F');
    await store.sessions.insert({
      id: 'ses_F', tokenHash: 'digest-F', kind: 'user', userId: '006F', orgId: '008F', devKeyId: 'dk', scope: 'write', createdAt: 1, lastSeenAt: 1,
      expiresAt: null, idleMinutes: 35, trustedAt: null, trustMethod: null, endedAt: null, name: null,
    });
  });
  afterEach(() => store.close());
  /** Reads the context while `meanwhile` is told, then says whether what was read is remembered. */
  async function remembered(meanwhile: string): Promise<boolean> {
    const read = store.sessions.findContext('digest-F');
    for (const h of notice) h(meanwhile);
    await read;
    await db.updateTable('sessions').set({ name: 'changed past the store' }).where('id', '=', 'ses_F').execute();
    return (await store.sessions.findContext('digest-F'))!.session.name === null;
  }

  it('another user forgotten meanwhile does not keep the read from being remembered', async () => {
    assert.equal(await remembered('user:006OTHER'), true);
  });

  it('its own session forgotten meanwhile keeps it from being remembered', async () => {
    assert.equal(await remembered('session:ses_F'), false);
  });
  it('its user forgotten meanwhile keeps it from being remembered', async () => {
    assert.equal(await remembered('user:006F'), false);
  });
  it('everything forgotten meanwhile keeps it from being remembered', async () => {
    assert.equal(await remembered('all'), false);
  });
});

/**
 * Several servers on one PostgreSQL database each remember contexts; what one server's
 * write forgets, the others forget when its notice arrives (LISTEN/NOTIFY), long before
 * the TTL — set to a minute here so that only the notice can explain what is seen.
 */
if (BACKENDS.includes('postgres')) describe('session-context cache across servers [postgres]', () => {
  let drop: () => Promise<void>;
  let url: string;
  let a: Opened;
  let b: Opened;
  let session: Session;
  type Opened = Awaited<ReturnType<typeof openStore>>;
  const errors: Error[] = [];
  before(async () => {
    const tdb = await createTestDatabase();
    drop = tdb.drop;
    url = tdb.url;
    const config = { databaseUrl: tdb.url, dataDir: '', contextCacheMs: 60_000, onPoolError: (e: Error) => void errors.push(e) };
    a = await openStore(config);
    b = await openStore(config);
    await seedOrgAndUser(a.store, '008P', '006P');
  });
  beforeEach(async () => {
    session = {
      id: `ses_${Math.random().toString(36).slice(2)}`, tokenHash: `digest-${Math.random()}`, kind: 'user', userId: '006P', orgId: '008P', devKeyId: 'dk', scope: 'write',
      createdAt: 1, lastSeenAt: 1, expiresAt: null, idleMinutes: 35, trustedAt: null, trustMethod: null, endedAt: null, name: null,
    };
    await a.store.sessions.insert(session);
    await b.store.sessions.findContext(session.tokenHash); // B remembers it from here on
  });
  after(async () => {
    await a.store.close();
    await b.store.close();
    await drop();
  });
  const onB = async () => (await b.store.sessions.findContext(session.tokenHash))!;
  /** Polls B until `seen` holds; fails after `withinMs`. */
  async function eventually(seen: (ctx: Awaited<ReturnType<typeof onB>>) => boolean, withinMs = 2_000): Promise<void> {
    const until = performance.now() + withinMs;
    while (!seen(await onB())) {
      if (performance.now() > until) assert.fail(`not seen on the other server within ${withinMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  const LISTEN = `LISTEN ${CONTEXT_CHANNEL}`;

  it('remembers: a change written past the store is not seen while the context is remembered', async () => {
    await sql`UPDATE sessions SET name = 'past the store' WHERE id = ${session.id}`.execute(a.db);
    assert.equal((await onB()).session.name, null);
  });

  it('a logout on one server is seen on the other at once', async () => {
    await a.store.sessions.end(session.id, 5);
    await eventually((ctx) => ctx.session.endedAt === 5);
  });

  it('trust, a lock and its clearing on one server are seen on the other', async () => {
    await a.store.sessions.trust(session.id, 6, 'sms');
    await eventually((ctx) => ctx.session.trustedAt === 6);
    await a.store.users.recordFailure('006P', 1, 99);
    await eventually((ctx) => ctx.user.lockedUntil === 99);
    await a.store.users.clearFailures('006P');
    await eventually((ctx) => ctx.user.lockedUntil === null);
  });

  it('organization settings changed on one server are seen on the other', async () => {
    await a.store.organizations.update('008P', { sessionIdleMinutes: 7 });
    await eventually((ctx) => ctx.org.sessionIdleMinutes === 7);
    await a.store.organizations.update('008P', { sessionIdleMinutes: 35 });
  });

  it('a listener that no longer hears its own heartbeat counts as lost (a connection can die without a word)', async () => {
    const pool = new pg.Pool({ connectionString: url });
    const heard: Error[] = [];
    const notices = await pgContextNotices(url, pool, (e) => void heard.push(e), { reconnectDelayMs: 60_000, heartbeatMs: 50 });
    try {
      assert.equal(notices.live(), true);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(notices.live(), true, 'its heartbeats arrive');
      await pool.end(); // its heartbeats can no longer be sent: to it, the same as a listener gone silent
      const until = performance.now() + 2_000;
      while (notices.live() && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
      assert.equal(notices.live(), false);
      assert.ok(heard.some((e) => /heard nothing/.test(e.message)), 'and says so');
    } finally {
      await notices.close();
    }
  });

  it('while its listener is down a server remembers nothing, and remembers again once it listens', async () => {
    const listeners = async () => (await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = ${LISTEN}`.execute(a.db)).rows;
    assert.equal((await listeners()).length, 2, 'one listener per server');
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = ${LISTEN}`.execute(a.db);
    await new Promise((r) => setTimeout(r, 200)); // the servers learn that their listeners are gone
    assert.ok(errors.some((e) => /terminat/i.test(e.message)), 'the lost connections were reported');
    await onB(); // read while B cannot hear notices: it must not be remembered
    await a.store.sessions.end(session.id, 8); // A's notice of this sign-out reaches nobody
    assert.equal((await onB()).session.endedAt, 8, 'not answered from memory while a notice could be missed');
    const back = performance.now() + 5_000;
    while ((await listeners()).length < 2) {
      if (performance.now() > back) assert.fail('the listeners did not come back');
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 100));
    await onB();
    await sql`UPDATE sessions SET ended_at = NULL WHERE id = ${session.id}`.execute(a.db);
    assert.equal((await onB()).session.endedAt, 8, 'remembered again once listening');
  });
});
