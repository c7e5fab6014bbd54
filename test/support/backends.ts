import pg from 'pg';
import { randomBytes } from 'node:crypto';

/**
 * The databases every storage-touching suite runs against. Default: both. Narrow with
 * LATCHKEY_TEST_BACKENDS=sqlite. A listed backend that cannot be reached fails the run;
 * it is never skipped silently.
 */
export type Backend = 'sqlite' | 'postgres';

export const BACKENDS: Backend[] = (process.env.LATCHKEY_TEST_BACKENDS ?? 'sqlite,postgres')
  .split(',').map((s) => s.trim()).filter((s): s is Backend => s === 'sqlite' || s === 'postgres');

/** Admin connection used to create one throwaway database per test app. */
export const PG_ADMIN_URL = process.env.LATCHKEY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates an empty PostgreSQL database and returns its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `latchkey_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL} (${(err as Error).message}). Start it, or set LATCHKEY_TEST_BACKENDS=sqlite to run without it.`);
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
