import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

type Param = null | number | bigint | string | Uint8Array;

// node:sqlite binds no booleans; the schema stores them as 0/1.
function bindable(params: ReadonlyArray<unknown>): Param[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : (p as Param)));
}

/**
 * Adapts Node's built-in `node:sqlite` to the small database interface Kysely's
 * SQLite dialect expects, caching prepared statements (the query set is fixed).
 */
export function nodeSqliteDatabase(path: string): SqliteDatabase & { raw: DatabaseSync } {
  const raw = new DatabaseSync(path);
  raw.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  const cache = new Map<string, SqliteStatement>();
  const wrap = (stmt: StatementSync): SqliteStatement => ({
    reader: stmt.columns().length > 0,
    all: (p) => stmt.all(...bindable(p)),
    run: (p) => stmt.run(...bindable(p)),
    iterate: (p) => stmt.iterate(...bindable(p)) as IterableIterator<unknown>,
  });
  return {
    raw,
    close: () => raw.close(),
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
