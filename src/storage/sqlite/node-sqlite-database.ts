import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

type Param = null | number | bigint | string | Uint8Array;

// node:sqlite binds no booleans; the schema stores them as 0/1.
function bindable(params: ReadonlyArray<unknown>): Param[] {
  for (let i = 0; i < params.length; i++) {
    if (typeof params[i] === 'boolean') return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : (p as Param)));
  }
  return params as Param[];
}

/**
 * Rows come back from SQLite as arrays and are turned into objects here: node:sqlite
 * builds row objects property by property through the V8 API, which on wide rows (the
 * session lookup joins three tables) costs about twice as much as this loop.
 * Like node:sqlite's own objects, a later column wins over an earlier one of the same name.
 */
function rowMaker(stmt: StatementSync): (row: unknown[]) => Record<string, unknown> {
  let names = stmt.columns().map((c) => c.name);
  return (row) => {
    // SQLite re-prepares a statement after a schema change, and `*` may then mean other columns.
    if (row.length !== names.length) names = stmt.columns().map((c) => c.name);
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) out[names[i]!] = row[i];
    return out;
  };
}

/**
 * SQLite's page cache, per connection, in KiB. Its default (2 MiB) holds a few thousand
 * sessions; past that every lookup reads pages back from the file with a system call.
 */
const PAGE_CACHE_KIB = 65_536;

/** How often the background checkpointer copies the write-ahead log into the database file. */
const CHECKPOINT_INTERVAL_MS = 100;
/** The server's own connection checkpoints only if the log grows past this many pages (the checkpointer has fallen behind). */
const BACKSTOP_CHECKPOINT_PAGES = 10_000;

// Runs in a worker thread with its own connection. A PASSIVE checkpoint neither waits for nor
// blocks readers and writers; it returns at once when the log holds nothing new.
const CHECKPOINTER = `
const { DatabaseSync } = require('node:sqlite');
const { workerData } = require('node:worker_threads');
const control = new Int32Array(workerData.control);
let db;
try {
  db = new DatabaseSync(workerData.path);
  db.exec('PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  while (Atomics.wait(control, 0, 0, workerData.intervalMs) !== 'not-equal' && Atomics.load(control, 0) === 0) {
    try { db.exec('PRAGMA wal_checkpoint(PASSIVE)'); } catch {}
  }
} finally {
  try { db?.close(); } catch {}
  Atomics.store(control, 1, 1);
  Atomics.notify(control, 1);
}
`;

/**
 * Checkpoints (copying the write-ahead log back into the database file, with an fsync)
 * run in a worker thread instead of inside whichever write happens to cross SQLite's
 * 1000-page threshold: there they stalled the event loop for 10–20 ms at a time.
 * Returns a synchronous stop that waits (at most 5 s) for the worker to close its connection.
 */
function startCheckpointer(path: string): () => void {
  const control = new Int32Array(new SharedArrayBuffer(8)); // [0]: stop requested, [1]: stopped
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { path, control: control.buffer, intervalMs: CHECKPOINT_INTERVAL_MS } });
  worker.unref();
  worker.on('error', () => Atomics.store(control, 1, 1));
  return () => {
    Atomics.store(control, 0, 1);
    Atomics.notify(control, 0);
    Atomics.wait(control, 1, 0, 5000);
    void worker.terminate();
  };
}

/**
 * Adapts Node's built-in `node:sqlite` to the small database interface Kysely's
 * SQLite dialect expects, caching prepared statements (the query set is fixed).
 */
export function nodeSqliteDatabase(path: string): SqliteDatabase & { raw: DatabaseSync } {
  const raw = new DatabaseSync(path);
  raw.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -${PAGE_CACHE_KIB};`);
  let stopCheckpointer = () => {};
  if (path !== ':memory:' && (raw.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode === 'wal') {
    raw.exec(`PRAGMA wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES};`);
    stopCheckpointer = startCheckpointer(path);
  }
  const cache = new Map<string, SqliteStatement>();
  const wrap = (stmt: StatementSync): SqliteStatement => {
    const reader = stmt.columns().length > 0;
    if (!reader) {
      return {
        reader,
        all: (p) => stmt.all(...bindable(p)),
        run: (p) => stmt.run(...bindable(p)),
        iterate: (p) => stmt.iterate(...bindable(p)) as IterableIterator<unknown>,
      };
    }
    stmt.setReturnArrays(true);
    const make = rowMaker(stmt);
    return {
      reader,
      all: (p) => (stmt.all(...bindable(p)) as unknown as unknown[][]).map(make),
      run: (p) => stmt.run(...bindable(p)),
      *iterate(p) {
        for (const row of stmt.iterate(...bindable(p)) as unknown as Iterable<unknown[]>) yield make(row);
      },
    };
  };
  return {
    raw,
    close() {
      stopCheckpointer();
      // Closed last, this connection checkpoints what is left and removes the log.
      raw.close();
    },
    prepare(sql) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = wrap(raw.prepare(sql));
        if (cache.size < 500) cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}
