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
 * How servers sharing one database tell each other what to forget: "all", "session:<id>" or
 * "user:<id>". Session IDs are internal identifiers, not the bearer tokens.
 */
export interface ContextNotices {
  /** False while a notice could be missed: then every lookup reads the database. */
  live(): boolean;
  /** Tells every server, this one included; settles once the notice is sent, and never rejects. */
  publish(notice: string): Promise<void>;
  subscribe(onNotice: (notice: string) => void): void;
}
const SESSION_NOTICE = 'session:';
const USER_NOTICE = 'user:';

/**
 * Every authenticated request resolves its session to a context (session, user,
 * organization, whether the user has an active factor); for a session seen a moment ago
 * that read is needless I/O. This decorator remembers contexts by token digest and
 * forgets them on every write through this store that could change one (trust, logout,
 * lockout counters, organization settings, factors). The idle timer's touch updates the
 * remembered session instead. With the embedded database this process is the only
 * writer (the CLI aside, bounded by the TTL). Where other servers write too (PostgreSQL),
 * `notices` carries each forget to all of them, and while it is not live nothing is
 * answered from memory.
 */
export function withContextCache(store: Store, opts: ContextCacheOptions = DEFAULT_CONTEXT_CACHE, notices?: ContextNotices): Store {
  const byToken = new Map<string, { ctx: Context; until: number }>();
  const tokenOf = new Map<string, string>(); // sessionId → token digest
  const sessionsOf = new Map<string, Set<string>>(); // userId → sessionIds remembered
  // A read that started before a forget of its session, its user or everything must not remember
  // what it read. Forgets are numbered; each remembers its number by what it forgot. A forget of
  // one user does not spoil reads of the others (an attacker's failed sign-ins must not empty it).
  let seq = 0;
  let allForgotten = 0;
  const sessionForgotten = new Map<string, number>();
  const userForgotten = new Map<string, number>();
  const forgetAll = () => {
    allForgotten = ++seq;
    for (const m of [byToken, tokenOf, sessionsOf, sessionForgotten, userForgotten]) m.clear();
  };
  const forgetSession = (sessionId: string) => {
    sessionForgotten.set(sessionId, ++seq);
    const token = tokenOf.get(sessionId);
    if (token === undefined) return;
    sessionsOf.get(byToken.get(token)?.ctx.user.id ?? '')?.delete(sessionId);
    byToken.delete(token);
    tokenOf.delete(sessionId);
  };
  const forgetUser = (userId: string) => {
    userForgotten.set(userId, ++seq);
    for (const sessionId of sessionsOf.get(userId) ?? []) forgetSession(sessionId);
    sessionsOf.delete(userId);
  };
  const forgottenSince = (before: number, c: Context) =>
    allForgotten > before || (sessionForgotten.get(c.session.id) ?? 0) > before || (userForgotten.get(c.user.id) ?? 0) > before;
  const forget = (notice: string) => {
    if (notice.startsWith(SESSION_NOTICE)) forgetSession(notice.slice(SESSION_NOTICE.length));
    else if (notice.startsWith(USER_NOTICE)) forgetUser(notice.slice(USER_NOTICE.length));
    else forgetAll();
  };
  notices?.subscribe(forget);
  /** Forgets here, then tells the other servers (and settles once they are told). */
  const tell = async (notice: string) => {
    forget(notice);
    await notices?.publish(notice);
  };
  const tellAll = () => tell('all');
  const tellSession = (sessionId: string) => tell(`${SESSION_NOTICE}${sessionId}`);
  const tellUser = (userId: string) => tell(`${USER_NOTICE}${userId}`);
  // Callers may change what they are given (verify marks ctx.session trusted); the remembered copy stays as stored.
  const copy = (c: Context): Context => ({ session: { ...c.session }, user: { ...c.user }, org: { ...c.org }, hasActiveFactor: c.hasActiveFactor });
  /** Runs a write, then forgets (everywhere) what it may have changed. */
  const afterWrite = <A extends unknown[], R>(write: (...a: A) => Promise<R>, after: (...a: A) => Promise<void>) => async (...a: A): Promise<R> => {
    try {
      return await write(...a);
    } finally {
      await after(...a);
    }
  };
  const { sessions, users, organizations, factors } = store;
  return {
    ...store,
    organizations: { ...organizations, update: afterWrite(organizations.update, tellAll) },
    // Failed sign-ins are frequent (and an attacker's to make): they forget one user's sessions, not everyone's.
    users: { ...users, recordFailure: afterWrite(users.recordFailure, tellUser), clearFailures: afterWrite(users.clearFailures, tellUser) },
    factors: {
      ...factors, insert: afterWrite(factors.insert, (f) => tellUser(f.userId)), activate: afterWrite(factors.activate, tellAll), delete: afterWrite(factors.delete, tellAll),
    },
    sessions: {
      ...sessions,
      async findContext(tokenHash) {
        const now = performance.now();
        if (notices && !notices.live()) return sessions.findContext(tokenHash);
        const hit = byToken.get(tokenHash);
        if (hit && hit.until > now) return copy(hit.ctx);
        const before = seq;
        const found = await sessions.findContext(tokenHash);
        if (!found || forgottenSince(before, found)) return found;
        // Every map here grows with what is remembered or forgotten: past `max`, start afresh.
        if (byToken.size >= opts.max || sessionForgotten.size + userForgotten.size >= opts.max) forgetAll();
        byToken.set(tokenHash, { ctx: copy(found), until: now + opts.ttlMs });
        tokenOf.set(found.session.id, tokenHash);
        let ids = sessionsOf.get(found.user.id);
        if (!ids) sessionsOf.set(found.user.id, (ids = new Set()));
        ids.add(found.session.id);
        return found;
      },
      async touch(id, at) {
        await sessions.touch(id, at);
        const token = tokenOf.get(id);
        const hit = token === undefined ? undefined : byToken.get(token);
        if (hit) hit.ctx.session.lastSeenAt = at;
      },
      trust: afterWrite(sessions.trust, tellSession),
      end: afterWrite(sessions.end, tellSession),
    },
  };
}
