import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, type Dialect } from 'kysely';
import pg from 'pg';
import type { Store } from '../ports/store.ts';
import type { Database } from './sql/schema.ts';
import { sqlStore, type DirectRunner } from './sql/sql-store.ts';
import { DEFAULT_CONTEXT_CACHE, withContextCache } from './context-cache.ts';
import { pgContextNotices } from './postgres/context-notices.ts';
import { migrationProvider } from './migrations/index.ts';
import { nodeSqliteDatabase } from './sqlite/node-sqlite-database.ts';
import { GroupCommitSqliteDialect } from './sqlite/group-commit-driver.ts';

// PostgreSQL returns bigint (int8) as text by default; our bigints are epoch milliseconds, safe as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export interface DatabaseConfig {
  /** postgres://… to scale out; unset for the embedded SQLite database. */
  databaseUrl?: string | undefined;
  /** Where the SQLite file lives. */
  dataDir: string;
  /** SQLite file name; ':memory:' for tests. */
  sqliteFile?: string | undefined;
  /** Told of errors on PostgreSQL connections outside any request: idle pool clients (the pool replaces them), the context-notice listener (it reconnects). */
  onPoolError?: ((err: Error) => void) | undefined;
  /** How long session contexts are remembered, in ms (0: not at all); DEFAULT_CONTEXT_CACHE's when unset. */
  contextCacheMs?: number | undefined;
}

/** The embedded database's file name, inside the data directory. */
export const SQLITE_FILE = 'latchkey.sqlite';

export function databaseKind(config: DatabaseConfig): 'postgres' | 'sqlite' {
  return config.databaseUrl ? 'postgres' : 'sqlite';
}

function dialectFor(config: DatabaseConfig): { dialect: Dialect | GroupCommitSqliteDialect; pool?: pg.Pool } {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // An idle client dropped by the server (restart, failover) must not crash the process; the pool reconnects.
    pool.on('error', (err) => config.onPoolError?.(err));
    return { dialect: new PostgresDialect({ pool }), pool };
  }
  const file = config.sqliteFile ?? SQLITE_FILE;
  if (file !== ':memory:') mkdirSync(config.dataDir, { recursive: true });
  return { dialect: new GroupCommitSqliteDialect(nodeSqliteDatabase(file === ':memory:' ? file : join(config.dataDir, file))) };
}

export function openKysely(config: DatabaseConfig): Kysely<Database> {
  return openDatabase(config).db;
}

/** Kysely over the configured database; on SQLite a way to run prepared statements past Kysely's executor, on PostgreSQL its pool. */
function openDatabase(config: DatabaseConfig): { db: Kysely<Database>; direct: DirectRunner | undefined; pool: pg.Pool | undefined } {
  const { dialect, pool } = dialectFor(config);
  const db = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
  const direct: DirectRunner | undefined = dialect instanceof GroupCommitSqliteDialect ? (query) => dialect.driver.execute(null, query) : undefined;
  return { db, direct, pool };
}

/** Applies every pending migration; returns the names applied. Throws with the failing migration's error. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableName: 'latchkey_migrations', migrationLockTableName: 'latchkey_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Opens the configured database, migrates it, and returns the Store over it. */
export async function openStore(config: DatabaseConfig): Promise<{ store: Store; db: Kysely<Database> }> {
  const { db, direct, pool } = openDatabase(config);
  await migrate(db);
  const ttlMs = config.contextCacheMs ?? DEFAULT_CONTEXT_CACHE.ttlMs;
  if (ttlMs === 0) return { store: sqlStore(db, () => db.destroy(), direct), db };
  const cache = { ...DEFAULT_CONTEXT_CACHE, ttlMs };
  if (!pool) return { store: withContextCache(sqlStore(db, () => db.destroy(), direct), cache), db };
  // Other servers write to PostgreSQL too: what one forgets, all forget (see pgContextNotices).
  const notices = await pgContextNotices(config.databaseUrl!, pool, (err) => config.onPoolError?.(err));
  const store = sqlStore(db, async () => {
    await notices.close();
    await db.destroy();
  }, direct);
  return { store: withContextCache(store, cache, notices), db };
}
