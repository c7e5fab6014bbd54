/**
 * The session-context cache of the embedded database (src/storage/context-cache.ts):
 * a stale context would let a logged-out session, an untrusted one or a locked user
 * through, so every write that changes a context must be seen at the next lookup.
 */
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Store } from '../../src/ports/store.ts';
import type { Session } from '../../src/core/model.ts';
import type { Database } from '../../src/storage/sql/schema.ts';
import { migrate, openKysely } from '../../src/storage/open-database.ts';
import { sqlStore } from '../../src/storage/sql/sql-store.ts';
import { withContextCache } from '../../src/storage/context-cache.ts';

const TTL_MS = 200;

describe('session-context cache [sqlite]', () => {
  let db: Kysely<Database>;
  let store: Store;
  let session: Session;
  beforeEach(async () => {
    db = openKysely({ dataDir: mkdtempSync(join(tmpdir(), 'lk-cache-')) });
    await migrate(db);
    store = withContextCache(sqlStore(db, () => db.destroy()), { ttlMs: TTL_MS, max: 100 });
    await store.organizations.insert({
      id: '008A', name: 'o', mfaRequired: true, allowEmailFactor: true, sessionIdleMinutes: 35, rememberDeviceDays: 180, allowedOrigins: [], partnerKeyId: null, createdAt: 1,
    });
    await store.users.insert({ id: '006A', orgId: '008A', username: 'u', passwordHash: 'h', email: null, phone: null, failedAttempts: 0, lockedUntil: null, createdAt: 1 });
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
