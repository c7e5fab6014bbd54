import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Store } from '../../src/ports/store.ts';
import type { Database } from '../../src/storage/sql/schema.ts';
import { openStore } from '../../src/storage/open-database.ts';
import { createTestDatabase, type Backend } from './backends.ts';

export interface TestStore {
  store: Store;
  db: Kysely<Database>;
  /** Closes the store and drops its PostgreSQL database. */
  close(): Promise<void>;
}

/** A migrated store on a fresh database of `backend` (a temporary SQLite file, or a throwaway PostgreSQL database). */
export async function openTestStore(backend: Backend): Promise<TestStore> {
  const pg = backend === 'postgres' ? await createTestDatabase() : null;
  const { store, db } = await openStore(pg ? { databaseUrl: pg.url, dataDir: '' } : { dataDir: mkdtempSync(join(tmpdir(), 'lk-store-')) });
  return {
    store, db,
    async close() {
      await store.close();
      await pg?.drop();
    },
  };
}

/** One organization and one user in it, with the given IDs. */
export async function seedOrgAndUser(store: Store, orgId: string, userId: string): Promise<void> {
  await store.organizations.insert({
    id: orgId, name: 'o', mfaRequired: true, allowEmailFactor: true, sessionIdleMinutes: 35, rememberDeviceDays: 180, allowedOrigins: [], partnerKeyId: null, createdAt: 1,
  });
  await store.users.insert({ id: userId, orgId, username: 'u', passwordHash: 'h', email: null, phone: null, failedAttempts: 0, lockedUntil: null, createdAt: 1 });
}
