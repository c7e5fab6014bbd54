import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ContextNotices } from '../context-cache.ts';

/** The PostgreSQL channel on which servers tell each other which session contexts to forget. */
export const CONTEXT_CHANNEL = 'latchkey_context';
/** How long the listener waits before connecting again after losing its connection. */
export const RECONNECT_DELAY_MS = 1_000;
/**
 * How often the listener sends itself a notice. A connection can die without a word (a
 * half-open socket after a failover, a proxy dropping idle connections): one that has not
 * heard its own notice for two of these is treated as lost.
 */
export const HEARTBEAT_MS = 2_000;
const PING = 'ping:';

export interface PgContextNotices extends ContextNotices {
  close(): Promise<void>;
}

/**
 * Session-context notices over PostgreSQL's LISTEN/NOTIFY, so that several servers on one
 * database can each remember contexts (see withContextCache). Notices are published
 * through the pool after the write they follow has committed, and read on one dedicated
 * connection. While that connection is down, or silent, a notice could be missed, so
 * `live()` is false and the cache answers nothing from memory until it listens again.
 */
export async function pgContextNotices(
  url: string, pool: pg.Pool, onError: (err: Error) => void, timing = { reconnectDelayMs: RECONNECT_DELAY_MS, heartbeatMs: HEARTBEAT_MS },
): Promise<PgContextNotices> {
  const handlers: Array<(notice: string) => void> = [];
  const tell = (notice: string) => {
    for (const h of handlers) h(notice);
  };
  const me = `${PING}${randomUUID()}`;
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let heardAt = 0;

  const publish = async (notice: string) => {
    try {
      await pool.query('SELECT pg_notify($1, $2)', [CONTEXT_CHANNEL, notice]);
    } catch (err) {
      onError(err as Error);
    }
  };

  /** The connection `c` is gone (or silent): forget everything, end it, and listen again shortly. */
  const lost = (c: pg.Client, err: Error | null) => {
    if (c !== client) return; // an older connection's last words
    live = false;
    client = null;
    if (heartbeat) clearInterval(heartbeat);
    tell('all'); // anything may have changed while nobody listened
    c.removeAllListeners('end');
    void c.end().catch(() => {});
    if (err && !closed) onError(err);
    if (!closed) retry = setTimeout(() => void listen(), timing.reconnectDelayMs).unref();
  };

  async function listen(): Promise<void> {
    retry = null;
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    c.on('notification', (n) => {
      if (n.channel !== CONTEXT_CHANNEL || !n.payload) return;
      if (n.payload === me) heardAt = performance.now();
      else if (!n.payload.startsWith(PING)) tell(n.payload);
    });
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c, null));
    try {
      await c.connect();
      await c.query(`LISTEN ${CONTEXT_CHANNEL}`);
    } catch (err) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
      if (!closed) {
        onError(err as Error);
        retry = setTimeout(() => void listen(), timing.reconnectDelayMs).unref();
      }
      return;
    }
    if (closed) return void (await c.end().catch(() => {}));
    client = c;
    // Forget what was remembered before this connection listened: notices sent meanwhile are lost.
    tell('all');
    live = true;
    heardAt = performance.now();
    heartbeat = setInterval(() => {
      if (performance.now() - heardAt > 2 * timing.heartbeatMs) return lost(c, new Error('The context-notice listener heard nothing for two heartbeats; listening again.'));
      void publish(me);
    }, timing.heartbeatMs).unref();
  }

  await listen();
  return {
    live: () => live,
    subscribe: (handler) => void handlers.push(handler),
    publish,
    async close() {
      closed = true;
      live = false;
      if (retry) clearTimeout(retry);
      if (heartbeat) clearInterval(heartbeat);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => {});
      }
    },
  };
}
