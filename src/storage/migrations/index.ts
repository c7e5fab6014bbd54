import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { m001_core } from './001-core.ts';

/** Versioned migrations shared by SQLite and PostgreSQL, applied in name order. */
const MIGRATIONS: Record<string, Migration> = {
  '001-core': m001_core,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export type AnyKysely = Kysely<any>;
