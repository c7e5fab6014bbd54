import { sql, type Kysely } from 'kysely';
import type { Secrets } from '../../ports/crypto.ts';

/**
 * Every column that holds a value sealed with Secrets.encrypt, with its table's primary key.
 * A new sealed column is one more line here; a test compares this list with the migrations.
 */
export const SEALED_COLUMNS = [
  { table: 'factors', key: 'id', column: 'secret_enc' },
  { table: 'connections', key: 'id', column: 'credentials_enc' },
  { table: 'connection_jobs', key: 'id', column: 'connector_state_enc' },
  { table: 'institution_challenges', key: 'id', column: 'answer_enc' },
  { table: 'webhook_endpoints', key: 'id', column: 'secret_enc' },
] as const;

/** Rows read per statement. */
const CHUNK = 200;

export interface ResealReport {
  /** Values sealed again under the current key, by `table.column`. */
  resealed: Record<string, number>;
  /** `table.column id` of each value no configured key opens: it cannot be read, now or later. */
  unreadable: string[];
  /**
   * Values still not under the current key: each changed while it was being resealed, in every
   * pass. A server still running with an older key first would do that (finish restarting them all).
   */
  stale: number;
}

/** Passes over the data at most: another follows while values changed under the previous one. */
const MAX_PASSES = 3;

/**
 * Seals every value at rest under the current encryption key (the first of
 * LATCHKEY_ENCRYPTION_KEYS), so that older keys can then be removed. Each value is
 * replaced only if it has not changed meanwhile: a server may keep running, and what it
 * writes is sealed under the current key already. Running it again changes nothing.
 */
export async function resealAll<DB>(database: Kysely<DB>, secrets: Pick<Secrets, 'reseal'>): Promise<ResealReport> {
  const db = database.withoutPlugins();
  const report: ResealReport = { resealed: Object.fromEntries(SEALED_COLUMNS.map((c) => [`${c.table}.${c.column}`, 0])), unreadable: [], stale: 0 };
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const unreadable: string[] = [];
    let changedMeanwhile = 0;
    for (const { table, key, column } of SEALED_COLUMNS) {
      const name = `${table}.${column}`;
      for (let after = ''; ;) {
        const { rows } = await sql<{ k: string; v: string }>`SELECT ${sql.ref(key)} AS k, ${sql.ref(column)} AS v FROM ${sql.table(table)}
          WHERE ${sql.ref(column)} IS NOT NULL AND ${sql.ref(key)} > ${after} ORDER BY ${sql.ref(key)} LIMIT ${CHUNK}`.execute(db);
        for (const { k, v } of rows) {
          let fresh: string | null;
          try {
            fresh = secrets.reseal(v);
          } catch {
            unreadable.push(`${name} ${k}`);
            continue;
          }
          if (fresh === null) continue;
          const r = await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${fresh} WHERE ${sql.ref(key)} = ${k} AND ${sql.ref(column)} = ${v}`.execute(db);
          if (Number(r.numAffectedRows ?? 0n) > 0) report.resealed[name]! += 1;
          else changedMeanwhile += 1;
        }
        if (rows.length < CHUNK) break;
        after = rows.at(-1)!.k;
      }
    }
    report.unreadable = unreadable;
    report.stale = changedMeanwhile;
    if (changedMeanwhile === 0) break;
  }
  return report;
}
