import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, type Dialect } from 'kysely';
import pg from 'pg';
import type { Store } from '../ports/store.ts';
import type { Database } from './sql/schema.ts';
import { sqlStore, type DirectRunner } from './sql/sql-store.ts';
import { withContextCache } from './context-cache.ts';
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
  /** Told of errors on idle PostgreSQL connections (the pool replaces them). */
  onPoolError?: ((err: Error) => void) | undefined;
}

/** The embedded database's file name, inside the data directory. */
export const SQLITE_FILE = 'latchkey.sqlite';

export function databaseKind(config: DatabaseConfig): 'postgres' | 'sqlite' {
  return config.databaseUrl ? 'postgres' : 'sqlite';
}

function dialectFor(config: DatabaseConfig): Dialect | GroupCommitSqliteDialect {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // An idle client dropped by the server (restart, failover) must not crash the process; the pool reconnects.
    pool.on('error', (err) => config.onPoolError?.(err));
    return new PostgresDialect({ pool });
  }
  const file = config.sqliteFile ?? SQLITE_FILE;
  if (file !== ':memory:') mkdirSync(config.dataDir, { recursive: true });
  return new GroupCommitSqliteDialect(nodeSqliteDatabase(file === ':memory:' ? file : join(config.dataDir, file)));
}

export function openKysely(config: DatabaseConfig): Kysely<Database> {
  return openDatabase(config).db;
}

/** Kysely over the configured database, and on SQLite a way to run prepared statements past Kysely's executor. */
function openDatabase(config: DatabaseConfig): { db: Kysely<Database>; direct: DirectRunner | undefined } {
  const dialect = dialectFor(config);
  const db = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
  const direct: DirectRunner | undefined = dialect instanceof GroupCommitSqliteDialect ? (query) => dialect.driver.execute(null, query) : undefined;
  return { db, direct };
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
  const { db, direct } = openDatabase(config);
  await migrate(db);
  const store = sqlStore(db, () => db.destroy(), direct);
  // Only the embedded database has this process as its one writer (see withContextCache).
  return { store: databaseKind(config) === 'sqlite' ? withContextCache(store) : store, db };
}
