/**
 * SQLite's group commit (src/storage/sqlite/group-commit-driver.ts): writes made in one
 * turn of the event loop share a transaction, and none is reported done before it is
 * committed. A second connection on the same file plays another process reading the
 * database: what it cannot see is not yet committed.
 */
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sql, type Kysely } from 'kysely';
import { openKysely, openStore } from '../../src/storage/open-database.ts';
import type { Database } from '../../src/storage/sql/schema.ts';

describe('SQLite group commit', () => {
  let db: Kysely<Database>;
  let other: DatabaseSync;
  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lk-group-'));
    db = openKysely({ dataDir: dir });
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)`.execute(db);
    other = new DatabaseSync(join(dir, 'latchkey.sqlite'));
  });
  afterEach(async () => {
    other.close();
    await db.destroy();
  });
  const insert = (id: number, v = 'x') => sql`INSERT INTO t (id, v) VALUES (${id}, ${v})`.execute(db);
  const seenElsewhere = () => (other.prepare('SELECT id FROM t ORDER BY id').all() as { id: number }[]).map((r) => r.id);

  it('a write is reported done only once it is committed', async () => {
    const pending = insert(1);
    assert.deepEqual(seenElsewhere(), [], 'not committed before its promise settles');
    await pending;
    assert.deepEqual(seenElsewhere(), [1]);
  });

  it('writes of one turn share a commit, and each still settles', async () => {
    const writes = [insert(1), insert(2), insert(3)];
    assert.deepEqual(seenElsewhere(), []);
    await Promise.all(writes);
    assert.deepEqual(seenElsewhere(), [1, 2, 3]);
  });

  it('a failing write is undone alone; the others in its batch commit', async () => {
    await insert(1);
    const results = await Promise.allSettled([insert(2), insert(1, 'duplicate'), insert(3)]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.deepEqual(seenElsewhere(), [1, 2, 3]);
  });

  it('a failing read leaves the turn\'s writes alone', async () => {
    const pending = insert(1);
    const typed = db as unknown as Kysely<{ missing: { id: number } }>;
    await assert.rejects(typed.selectFrom('missing').selectAll().execute(), /no such table/);
    await pending;
    assert.deepEqual(seenElsewhere(), [1]);
  });

  it('reads inside an open batch see its writes', async () => {
    const pending = insert(7);
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(db);
    assert.equal(r.rows[0]!.n, 1);
    await pending;
  });

  it('reads of one turn share one snapshot; the next turn sees what other processes committed', async () => {
    // A query built as a SELECT (raw SQL counts as a write).
    const count = async () => (await (db as unknown as Kysely<{ t: { id: number } }>).selectFrom('t').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    assert.equal(await count(), 0);
    other.exec('INSERT INTO t (id, v) VALUES (1, \'elsewhere\')');
    assert.equal(await count(), 0, 'the same turn reads the same snapshot');
    await new Promise((r) => setImmediate(r));
    assert.equal(await count(), 1);
  });

  it('a write after another process committed since the turn\'s first read is not refused', async () => {
    await (db as unknown as Kysely<{ t: { id: number } }>).selectFrom('t').selectAll().execute();
    other.exec('INSERT INTO t (id, v) VALUES (1, \'elsewhere\')');
    await insert(2);
    assert.deepEqual(seenElsewhere(), [1, 2]);
  });

  it('an explicit transaction commits the open batch first and has the connection to itself', async () => {
    const batched = insert(1);
    let outside: Promise<unknown> | undefined;
    await assert.rejects(db.transaction().execute(async (tx) => {
      await sql`INSERT INTO t (id, v) VALUES (10, 'tx')`.execute(tx);
      assert.deepEqual(seenElsewhere(), [1], 'the batch before the transaction is committed');
      outside = insert(20);
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('roll back');
    }), /roll back/);
    await batched;
    await outside;
    assert.deepEqual(seenElsewhere(), [1, 20], 'the rolled-back transaction took nothing from outside with it');
  });

  it('the store\'s prepared statements, which run past Kysely\'s executor, are batched too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lk-group-store-'));
    const { store } = await openStore({ dataDir: dir });
    const reader = new DatabaseSync(join(dir, 'latchkey.sqlite'));
    try {
      const events = () => (reader.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
      const event = (id: string) => ({ id, orgId: null, userId: null, type: 'session.ended', at: 1, ip: null, data: {} });
      const pending = [store.audit.insert(event('evt_1')), store.audit.insert(event('evt_2'))];
      assert.equal(events(), 0, 'not committed before the promises settle');
      await Promise.all(pending);
      assert.equal(events(), 2);
    } finally {
      reader.close();
      await store.close();
    }
  });
});
