import type { Store } from '../ports/store.ts';

type Context = NonNullable<Awaited<ReturnType<Store['sessions']['findContext']>>>;

export interface ContextCacheOptions {
  /** How long a context is trusted without reading it again: the bound on changes made by another process (the CLI's `admin unlock`). */
  ttlMs: number;
  /** At most this many sessions are remembered; past it the cache starts afresh. */
  max: number;
}

export const DEFAULT_CONTEXT_CACHE: Readonly<ContextCacheOptions> = Object.freeze({ ttlMs: 2_000, max: 10_000 });

/**
 * Every authenticated request resolves its session to a context (session, user,
 * organization, whether the user has an active factor). Where this process is the
 * database's only writer — the embedded SQLite database — that read is needless I/O
 * for a session seen a moment ago: this decorator remembers contexts by token digest
 * and forgets them on every write through this store that could change one (trust,
 * logout, lockout counters, organization settings, factors). The idle timer's touch
 * updates the remembered session instead. Not for PostgreSQL: there other servers
 * write too, and a logout must take effect everywhere at once.
 */
export function withContextCache(store: Store, opts: ContextCacheOptions = DEFAULT_CONTEXT_CACHE): Store {
  const byToken = new Map<string, { ctx: Context; until: number }>();
  const tokenOf = new Map<string, string>(); // sessionId → token digest
  // Bumped by every forget: a read that started before one must not remember what it read.
  let generation = 0;
  const forgetAll = () => {
    generation++;
    byToken.clear();
    tokenOf.clear();
  };
  const forget = (sessionId: string) => {
    generation++;
    const token = tokenOf.get(sessionId);
    if (token !== undefined) byToken.delete(token);
    tokenOf.delete(sessionId);
  };
  // Callers may change what they are given (verify marks ctx.session trusted); the remembered copy stays as stored.
  const copy = (c: Context): Context => ({ session: { ...c.session }, user: { ...c.user }, org: { ...c.org }, hasActiveFactor: c.hasActiveFactor });
  /** Runs a write, then forgets what it may have changed. */
  const afterWrite = <A extends unknown[], R>(write: (...a: A) => Promise<R>, after: (...a: A) => void) => async (...a: A): Promise<R> => {
    try {
      return await write(...a);
    } finally {
      after(...a);
    }
  };
  const { sessions, users, organizations, factors } = store;
  return {
    ...store,
    organizations: { ...organizations, update: afterWrite(organizations.update, forgetAll) },
    users: { ...users, recordFailure: afterWrite(users.recordFailure, forgetAll), clearFailures: afterWrite(users.clearFailures, forgetAll) },
    factors: { ...factors, insert: afterWrite(factors.insert, forgetAll), activate: afterWrite(factors.activate, forgetAll), delete: afterWrite(factors.delete, forgetAll) },
    sessions: {
      ...sessions,
      async findContext(tokenHash) {
        const now = performance.now();
        const hit = byToken.get(tokenHash);
        if (hit && hit.until > now) return copy(hit.ctx);
        const before = generation;
        const found = await sessions.findContext(tokenHash);
        if (!found || generation !== before) return found;
        if (byToken.size >= opts.max) forgetAll();
        byToken.set(tokenHash, { ctx: copy(found), until: now + opts.ttlMs });
        tokenOf.set(found.session.id, tokenHash);
        return found;
      },
      async touch(id, at) {
        await sessions.touch(id, at);
        const token = tokenOf.get(id);
        const hit = token === undefined ? undefined : byToken.get(token);
        if (hit) hit.ctx.session.lastSeenAt = at;
      },
      trust: afterWrite(sessions.trust, forget),
      end: afterWrite(sessions.end, forget),
    },
  };
}
