import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { m001_core } from './001-core.ts';
import { m002_connections } from './002-connections.ts';

/** Versioned migrations shared by SQLite and PostgreSQL, applied in name order. */
const MIGRATIONS: Record<string, Migration> = {
  '001-core': m001_core,
  '002-connections': m002_connections,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export type AnyKysely = Kysely<any>;
