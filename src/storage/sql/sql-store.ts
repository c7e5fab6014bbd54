import { sql, type Compilable, type CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { DevKey } from '../../core/model.ts';
import type { Store } from '../../ports/store.ts';
import type { AuditRow, ChallengeRow, Database, DevKeyRow, FactorRow, OrganizationRow, SessionRow, UserRow } from './schema.ts';
import * as m from './mappers.ts';
import { MINUTE_MS } from '../../core/limits.ts';

const changed = (r: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) => (r.numUpdatedRows ?? r.numDeletedRows ?? 0n) > 0n;

/** The i-th run-time parameter of a {@link prepared} query: unlikely ever to be a real value. */
const PARAM = '\u0000latchkey:param:';
const P = (i: number) => `${PARAM}${i}` as never;

/**
 * Runs a compiled query without Kysely's executor (its connection provider, plugins and
 * promise chain cost a few microseconds a statement); rows keep the database's column names.
 * The embedded SQLite driver offers one; see openStore.
 */
export type DirectRunner = (query: CompiledQuery) => Promise<QueryResult<unknown>>;

const camelNames = new Map<string, string>();
/** The CamelCasePlugin's row mapping (password_hash → passwordHash), for rows read past it. */
function camelRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in row) {
    let name = camelNames.get(k);
    if (name === undefined) camelNames.set(k, (name = k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())));
    out[name] = row[k];
  }
  return out;
}

/**
 * A query on a hot path, built and compiled by Kysely once (so each dialect gets its own
 * SQL and placeholders) and then run with fresh parameters: per call it skips query
 * building, plugin rewriting and compilation. Parameters given as P(i) when building are
 * the i-th (from 1) argument at run time; the others are kept. It runs through `direct`
 * when there is one, else through Kysely's executor. Rows come back in camelCase, or with
 * the database's snake_case names when `snakeRows` (then `executor` is `db.withoutPlugins()`).
 */
function prepared<R>(query: Compilable<R>, executor: Kysely<Database>, direct: DirectRunner | undefined, snakeRows = false): (...params: unknown[]) => Promise<QueryResult<R>> {
  const compiled = query.compile();
  const slots = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(PARAM) ? Number(p.slice(PARAM.length)) : 0));
  const withParams = (params: unknown[]) => ({ ...compiled, parameters: compiled.parameters.map((p, i) => (slots[i]! > 0 ? params[slots[i]! - 1] : p)) }) as CompiledQuery<R>;
  if (!direct) return (...params) => executor.executeQuery<R>(withParams(params));
  return async (...params) => {
    const result = await direct(withParams(params));
    return (snakeRows || result.rows.length === 0 ? result : { ...result, rows: result.rows.map((r) => camelRow(r as Record<string, unknown>)) }) as QueryResult<R>;
  };
}

/** {@link prepared} bound to one database: `prep(query)`, `prep.snake(query)` for snake_case rows, and `prep.insert` of whole records. */
function preparer(db: Kysely<Database>, direct: DirectRunner | undefined) {
  const prep = <R>(query: Compilable<R>) => prepared(query, db, direct);
  return Object.assign(prep, {
    /** Built on `db` (so identifiers are snake_cased), its rows keep the database's names. */
    snake: <R>(query: Compilable<R>) => prepared(query, db.withoutPlugins(), direct, true),
    /** An INSERT of every listed column; run it with the record. */
    insert<T extends keyof Database, C extends string>(table: T, columns: readonly C[]) {
      const run = prepared(db.insertInto(table).values(Object.fromEntries(columns.map((c, i) => [c, P(i + 1)])) as never), db, direct);
      return async (row: Record<C, unknown>) => void (await run(...columns.map((c) => row[c])));
    },
  });
}

/**
 * Developer keys are looked up on every request by the digest of the key. Found keys
 * are remembered for this long: a revocation through this process takes effect at once
 * (it clears them), one made by another server process within this many seconds.
 * Unknown keys are never remembered.
 */
export const DEV_KEY_CACHE_MS = 5_000;
const DEV_KEY_CACHE_MAX = 10_000;

const SESSION_COLUMNS = [
  'id', 'tokenHash', 'kind', 'userId', 'orgId', 'devKeyId', 'scope', 'createdAt', 'lastSeenAt', 'expiresAt', 'idleMinutes', 'trustedAt', 'trustMethod', 'endedAt', 'name',
] as const;
const USER_COLUMNS = ['id', 'orgId', 'username', 'passwordHash', 'email', 'phone', 'failedAttempts', 'lockedUntil', 'createdAt'] as const;
const AUDIT_COLUMNS = ['id', 'orgId', 'userId', 'type', 'at', 'ip', 'data'] as const;
const ORG_COLUMNS = [
  'id', 'name', 'mfaRequired', 'allowEmailFactor', 'sessionIdleMinutes', 'rememberDeviceDays', 'allowedOrigins', 'partnerKeyId', 'createdAt',
] as const;
const CHALLENGE_COLUMNS = [
  'id', 'userId', 'orgId', 'sessionId', 'factorId', 'purpose', 'codeHash', 'attempts', 'maxAttempts', 'sends', 'createdAt', 'expiresAt', 'completedAt',
] as const;
const FACTOR_COLUMNS = ['id', 'userId', 'orgId', 'type', 'status', 'label', 'destination', 'secretEnc', 'lastUsedStep', 'createdAt', 'activatedAt'] as const;
/** Fails to compile when a table gains a column the lists above do not name. */
type Exactly<Row, Listed> = [Exclude<keyof Row, Listed>, Exclude<Listed, keyof Row>] extends [never, never] ? true : never;
const columnsListed: [
  Exactly<SessionRow, (typeof SESSION_COLUMNS)[number]>, Exactly<UserRow, (typeof USER_COLUMNS)[number]>,
  Exactly<OrganizationRow, (typeof ORG_COLUMNS)[number]>, Exactly<AuditRow, (typeof AUDIT_COLUMNS)[number]>,
  Exactly<ChallengeRow, (typeof CHALLENGE_COLUMNS)[number]>, Exactly<FactorRow, (typeof FACTOR_COLUMNS)[number]>,
] = [true, true, true, true, true, true];
void columnsListed;

/** The CamelCasePlugin's mapping (passwordHash → password_hash), for reading rows fetched without it. */
const snake = (c: string) => c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`);
const cap = <S extends string>(c: S) => `${c[0]!.toUpperCase()}${c.slice(1)}` as Capitalize<S>;
const SESSION_KEYS = SESSION_COLUMNS.map((c) => [c, snake(c)] as const);
const USER_KEYS = USER_COLUMNS.map((c) => [c, `ctx_user_${snake(c)}`] as const);
const ORG_KEYS = ORG_COLUMNS.map((c) => [c, `ctx_org_${snake(c)}`] as const);
const CHALLENGE_KEYS = CHALLENGE_COLUMNS.map((c) => [c, snake(c)] as const);
const FACTOR_KEYS = FACTOR_COLUMNS.map((c) => [c, `ctx_factor_${snake(c)}`] as const);

/** The user `u` and organization `o` of a joined read, with the prefixes USER_KEYS and ORG_KEYS undo. */
const CTX_USER_SELECT = USER_COLUMNS.map((c) => `u.${c} as ctxUser${cap(c)}` as const);
const CTX_ORG_SELECT = ORG_COLUMNS.map((c) => `o.${c} as ctxOrg${cap(c)}` as const);

/** One table's record out of a joined snake_case row, by [property, column] pairs. */
function pick<T>(r: Record<string, unknown>, keys: ReadonlyArray<readonly [string, string]>): T {
  const out: Record<string, unknown> = {};
  for (const [c, k] of keys) out[c] = r[k];
  return out as T;
}

/** SQLite answers EXISTS with 0/1, PostgreSQL with a boolean. */
const activeFlag = (v: unknown) => v === true || Number(v) === 1;

/** findContext's row, in snake_case: the session's columns, the user's and organization's prefixed ctx_user_ and ctx_org_. */
type ContextRow = Record<string, unknown>;

function splitContext(r: ContextRow): { session: SessionRow; user: UserRow; org: OrganizationRow; hasActiveFactor: boolean } {
  const hasActiveFactor = activeFlag(r.has_active_factor);
  return { session: pick<SessionRow>(r, SESSION_KEYS), user: pick<UserRow>(r, USER_KEYS), org: pick<OrganizationRow>(r, ORG_KEYS), hasActiveFactor };
}

/** Rows a purge deletes per statement: each chunk is its own statement and commit, so SQLite's one connection is never held for long. */
export const PURGE_CHUNK = 500;

/** Runs a chunked DELETE until a chunk comes back short; returns the rows deleted in all. */
export async function inChunks(chunk: () => Promise<{ numDeletedRows: bigint }>): Promise<number> {
  for (let total = 0; ;) {
    const n = Number((await chunk()).numDeletedRows);
    total += n;
    if (n < PURGE_CHUNK) return total;
  }
}

/** The Store over Kysely: one query layer shared by SQLite and PostgreSQL. */
export function sqlStore(db: Kysely<Database>, onClose: () => Promise<void>, direct?: DirectRunner): Store {
  const prep = preparer(db, direct);
  const devKeyByHash = prep(db.selectFrom('devKeys').selectAll().where('keyHash', '=', P(1)));
  const devKeyCache = new Map<string, { key: DevKey; until: number }>();
  // The hot path: one round trip instead of four, read without the CamelCasePlugin's per-row remapping.
  const sessionContext = prep.snake(db.selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .innerJoin('organizations as o', 'o.id', 's.orgId')
    .select(SESSION_COLUMNS.map((c) => `s.${c}` as const))
    .select(CTX_USER_SELECT)
    .select(CTX_ORG_SELECT)
    .select((eb) => eb.exists(eb.selectFrom('factors as f').select('f.id').whereRef('f.userId', '=', 's.userId').where('f.status', '=', 'active')).as('hasActiveFactor'))
    .where('s.tokenHash', '=', P(1))) as (tokenHash: string) => Promise<QueryResult<ContextRow>>;
  const signInRow = prep.snake(db.selectFrom('organizations as o')
    .leftJoin('users as u', (j) => j.onRef('u.orgId', '=', 'o.id').on('u.username', '=', P(2)))
    .select(CTX_ORG_SELECT)
    .select(CTX_USER_SELECT)
    .select((eb) => eb.exists(eb.selectFrom('factors as f').select('f.id').whereRef('f.userId', '=', 'u.id').where('f.status', '=', 'active')).as('hasActiveFactor'))
    .where('o.id', '=', P(1))) as (orgId: string, username: string) => Promise<QueryResult<ContextRow>>;
  // The rest of the hot paths (sign-in, MFA verification), prepared likewise.
  const q = {
    touchSession: prep(db.updateTable('sessions').set({ lastSeenAt: P(2) }).where('id', '=', P(1))),
    trustSession: prep(db.updateTable('sessions').set({ trustedAt: P(2), trustMethod: P(3) }).where('id', '=', P(1))),
    insertSession: prep.insert('sessions', SESSION_COLUMNS),
    organization: prep(db.selectFrom('organizations').selectAll().where('id', '=', P(1))),
    userByName: prep(db.selectFrom('users').selectAll().where('orgId', '=', P(1)).where('username', '=', P(2))),
    clearFailures: prep(db.updateTable('users').set({ failedAttempts: 0, lockedUntil: null }).where('id', '=', P(1))),
    factorsOfUser: prep(db.selectFrom('factors').selectAll().where('userId', '=', P(1)).orderBy('createdAt')),
    challengeWithFactor: prep.snake(db.selectFrom('challenges as c')
      .leftJoin('factors as f', 'f.id', 'c.factorId')
      .select(CHALLENGE_COLUMNS.map((c) => `c.${c}` as const))
      .select(FACTOR_COLUMNS.map((c) => `f.${c} as ctxFactor${cap(c)}` as const))
      .where('c.id', '=', P(1))) as (id: string) => Promise<QueryResult<Record<string, unknown>>>,
    completeChallenge: prep(db.updateTable('challenges').set({ completedAt: P(2) }).where('id', '=', P(1)).where('completedAt', 'is', null)
      .where((eb) => eb('attempts', '<', eb.ref('maxAttempts'))).where('expiresAt', '>', P(2))),
    counter: prep(db.selectFrom('counters').select('count').where('key', '=', P(1)).where('windowStart', '=', P(2))),
    insertAudit: prep.insert('auditEvents', AUDIT_COLUMNS),
  };
  return {
    organizations: {
      insert: async (org) => void (await db.insertInto('organizations').values(m.fromOrganization(org)).execute()),
      async get(id) {
        const [r] = (await q.organization(id)).rows;
        return r ? m.toOrganization(r) : null;
      },
      async update(id, patch) {
        const row = m.fromOrganizationPatch(patch);
        if (Object.keys(row).length > 0) await db.updateTable('organizations').set(row).where('id', '=', id).execute();
      },
    },
    users: {
      insert: async (user) => void (await db.insertInto('users').values(user).execute()),
      get: async (id) => (await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) ?? null,
      findByUsername: async (orgId, username) => (await q.userByName(orgId, username)).rows[0] ?? null,
      async findForSignIn(orgId, username) {
        const [r] = (await signInRow(orgId, username)).rows;
        if (!r) return null;
        const user = r.ctx_user_id === null ? null : m.toUser(pick<UserRow>(r, USER_KEYS));
        return { org: m.toOrganization(pick<OrganizationRow>(r, ORG_KEYS)), user, hasActiveFactor: user !== null && activeFlag(r.has_active_factor) };
      },
      listByOrg: (orgId) => db.selectFrom('users').selectAll().where('orgId', '=', orgId).orderBy('createdAt').execute(),
      async recordFailure(id, threshold, lockUntil) {
        const reached = sql<boolean>`failed_attempts + 1 >= ${threshold}`;
        const r = await db.updateTable('users').set({
          failedAttempts: sql`CASE WHEN ${reached} THEN 0 ELSE failed_attempts + 1 END`,
          lockedUntil: sql`CASE WHEN ${reached} THEN ${lockUntil} ELSE locked_until END`,
        }).where('id', '=', id).returning(['failedAttempts', 'lockedUntil']).executeTakeFirst();
        return { locked: r !== undefined && r.failedAttempts === 0 && Number(r.lockedUntil) === lockUntil };
      },
      clearFailures: async (id) => void (await q.clearFailures(id)),
    },
    devKeys: {
      insert: async (key) => void (await db.insertInto('devKeys').values(m.fromDevKey(key)).execute()),
      async findByHash(keyHash) {
        const now = Date.now();
        const hit = devKeyCache.get(keyHash);
        if (hit && hit.until > now) return { ...hit.key };
        const [r] = (await devKeyByHash(keyHash)).rows as DevKeyRow[];
        if (!r) {
          devKeyCache.delete(keyHash);
          return null;
        }
        const key = m.toDevKey(r);
        if (devKeyCache.size >= DEV_KEY_CACHE_MAX) devKeyCache.clear();
        devKeyCache.set(keyHash, { key, until: now + DEV_KEY_CACHE_MS });
        return { ...key };
      },
      async get(id) {
        const r = await db.selectFrom('devKeys').selectAll().where('id', '=', id).executeTakeFirst();
        return r ? m.toDevKey(r) : null;
      },
      async revoke(id, at) {
        await db.updateTable('devKeys').set({ revokedAt: at }).where('id', '=', id).where('revokedAt', 'is', null).execute();
        devKeyCache.clear();
      },
    },
    sessions: {
      insert: (s) => q.insertSession(s),
      async findContext(tokenHash) {
        const [row] = (await sessionContext(tokenHash)).rows;
        if (!row) return null;
        const { session, user, org, hasActiveFactor } = splitContext(row);
        return { session: m.toSession(session), user: m.toUser(user), org: m.toOrganization(org), hasActiveFactor };
      },
      async get(id) {
        const r = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
        return r ? m.toSession(r) : null;
      },
      touch: async (id, at) => void (await q.touchSession(id, at)),
      trust: async (id, at, method) => void (await q.trustSession(id, at, method)),
      end: async (id, at) => void (await db.updateTable('sessions').set({ endedAt: at }).where('id', '=', id).where('endedAt', 'is', null).execute()),
      listTokens: async (userId) =>
        (await db.selectFrom('sessions').selectAll().where('userId', '=', userId).where('kind', '=', 'api_token').orderBy('createdAt').execute()).map(m.toSession),
    },
    factors: {
      insert: async (f) => void (await db.insertInto('factors').values(f).execute()),
      listByUser: async (userId) => (await q.factorsOfUser(userId)).rows.map(m.toFactor),
      activate: async (id, at) => void (await db.updateTable('factors').set({ status: 'active', activatedAt: at }).where('id', '=', id).execute()),
      async delete(id) {
        await db.deleteFrom('backupCodes').where('factorId', '=', id).execute();
        await db.deleteFrom('factors').where('id', '=', id).execute();
      },
      async claimTotpStep(id, step) {
        const r = await db.updateTable('factors').set({ lastUsedStep: step }).where('id', '=', id)
          .where((eb) => eb.or([eb('lastUsedStep', 'is', null), eb('lastUsedStep', '<', step)])).executeTakeFirst();
        return changed(r);
      },
    },
    backupCodes: {
      async replaceAll(factorId, userId, hashes) {
        await db.transaction().execute(async (tx) => {
          await tx.deleteFrom('backupCodes').where('userId', '=', userId).execute();
          await tx.insertInto('backupCodes').values(hashes.map((codeHash) => ({ factorId, userId, codeHash, usedAt: null }))).execute();
        });
      },
      async consume(userId, codeHash, at) {
        const r = await db.updateTable('backupCodes').set({ usedAt: at })
          .where('userId', '=', userId).where('codeHash', '=', codeHash).where('usedAt', 'is', null).executeTakeFirst();
        return changed(r);
      },
      async countUnused(userId) {
        const r = await db.selectFrom('backupCodes').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).where('usedAt', 'is', null).executeTakeFirst();
        return Number(r?.n ?? 0);
      },
    },
    challenges: {
      insert: async (c) => void (await db.insertInto('challenges').values(c).execute()),
      async getWithFactor(id) {
        const [r] = (await q.challengeWithFactor(id)).rows;
        if (!r) return null;
        const challenge = pick<ChallengeRow>(r, CHALLENGE_KEYS);
        return { challenge: m.toChallenge(challenge), factor: r.ctx_factor_id === null ? null : m.toFactor(pick<FactorRow>(r, FACTOR_KEYS)) };
      },
      async recordWrongAttempt(id) {
        const r = await db.updateTable('challenges').set({ attempts: sql`attempts + 1` }).where('id', '=', id).where('completedAt', 'is', null)
          .returning('attempts').executeTakeFirst();
        return r ? r.attempts : null;
      },
      complete: async (id, at) => ((await q.completeChallenge(id, at)).numAffectedRows ?? 0n) > 0n,
      reissue: async (id, codeHash, expiresAt) =>
        void (await db.updateTable('challenges').set({ codeHash, expiresAt, sends: sql`sends + 1` }).where('id', '=', id).execute()),
    },
    devices: {
      insert: async (d) => void (await db.insertInto('rememberedDevices').values(d).execute()),
      findByTokenHash: async (tokenHash) => (await db.selectFrom('rememberedDevices').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst()) ?? null,
      listByUser: (userId) => db.selectFrom('rememberedDevices').selectAll().where('userId', '=', userId).orderBy('createdAt').execute(),
      get: async (id) => (await db.selectFrom('rememberedDevices').selectAll().where('id', '=', id).executeTakeFirst()) ?? null,
      markUsed: async (id, at) => void (await db.updateTable('rememberedDevices').set({ lastUsedAt: at }).where('id', '=', id).execute()),
      revoke: async (id, at) => void (await db.updateTable('rememberedDevices').set({ revokedAt: at }).where('id', '=', id).execute()),
    },
    counters: {
      async hit(key, windowStart) {
        const r = await db.insertInto('counters').values({ key, windowStart, count: 1 })
          .onConflict((oc) => oc.columns(['key', 'windowStart']).doUpdateSet({ count: sql`counters.count + 1` }))
          .returning('count').executeTakeFirstOrThrow();
        return Number(r.count);
      },
      async peek(key, windowStart) {
        const [r] = (await q.counter(key, windowStart)).rows;
        return r ? Number(r.count) : 0;
      },
      reset: async (key) => void (await db.deleteFrom('counters').where('key', '=', key).execute()),
    },
    audit: {
      insert: (e) => q.insertAudit({ ...e, data: JSON.stringify(e.data) }),
      async list(f) {
        let q = db.selectFrom('auditEvents').selectAll();
        if (f.orgId) q = q.where('orgId', '=', f.orgId);
        if (f.userId) q = q.where('userId', '=', f.userId);
        if (f.type) q = q.where('type', '=', f.type);
        return (await q.orderBy('at', 'desc').orderBy('id').limit(f.limit).execute()).map(m.toAudit);
      },
    },
    outbox: {
      insert: async (msg) => void (await db.insertInto('outbox').values(msg).execute()),
      async list(f) {
        let q = db.selectFrom('outbox').selectAll();
        if (f.orgId) q = q.where('orgId', '=', f.orgId);
        if (f.destination) q = q.where('destination', '=', f.destination);
        return (await q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(f.limit).execute()).map(m.toOutbox);
      },
    },
    protectedRequests: {
      insert: async (r) => void (await db.insertInto('protectedRequests').values({ ...r, payload: JSON.stringify(r.payload) }).execute()),
    },
    retention: {
      async purge({ expiredBefore: t, countersBefore }) {
        return {
          // A session's end, as sessionExpiresAt has it: signed out, past its lifetime, or idle too long.
          sessions: await inChunks(() => db.deleteFrom('sessions').where('id', 'in', db.selectFrom('sessions').select('id').limit(PURGE_CHUNK).where((eb) => eb.or([
            eb('endedAt', '<', t), eb('expiresAt', '<', t),
            eb.and([eb('idleMinutes', 'is not', null), eb(sql<number>`last_seen_at + idle_minutes * CAST(${sql.lit(MINUTE_MS)} AS BIGINT)`, '<', t)]),
          ]))).executeTakeFirst()),
          challenges: await inChunks(() => db.deleteFrom('challenges').where('id', 'in', db.selectFrom('challenges').select('id').limit(PURGE_CHUNK).where('expiresAt', '<', t)).executeTakeFirst()),
          devices: await inChunks(() => db.deleteFrom('rememberedDevices')
            .where('id', 'in', db.selectFrom('rememberedDevices').select('id').limit(PURGE_CHUNK).where((eb) => eb.or([eb('expiresAt', '<', t), eb('revokedAt', '<', t)]))).executeTakeFirst()),
          outbox: await inChunks(() => db.deleteFrom('outbox').where('id', 'in', db.selectFrom('outbox').select('id').limit(PURGE_CHUNK).where('createdAt', '<', t)).executeTakeFirst()),
          counters: await inChunks(() => db.deleteFrom('counters').where('windowStart', '<', countersBefore)
            .where('key', 'in', db.selectFrom('counters').select('key').where('windowStart', '<', countersBefore).limit(PURGE_CHUNK)).executeTakeFirst()),
        };
      },
    },
    settings: {
      get: async (key) => (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null,
      set: async (key, value) =>
        void (await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()),
    },
    close: onClose,
  };
}
