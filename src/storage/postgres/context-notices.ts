import pg from 'pg';
import type { ContextNotices } from '../context-cache.ts';

/** The PostgreSQL channel on which servers tell each other which session contexts to forget. */
export const CONTEXT_CHANNEL = 'latchkey_context';
/** How long the listener waits before connecting again after losing its connection. */
export const RECONNECT_DELAY_MS = 1_000;

export interface PgContextNotices extends ContextNotices {
  close(): Promise<void>;
}

/**
 * Session-context notices over PostgreSQL's LISTEN/NOTIFY, so that several servers on one
 * database can each remember contexts (see withContextCache). Notices are published
 * through the pool after the write they follow has committed, and read on one dedicated
 * connection. While that connection is down a notice could be missed, so `live()` is false
 * and the cache answers nothing from memory until it listens again.
 */
export async function pgContextNotices(
  url: string, pool: pg.Pool, onError: (err: Error) => void, reconnectDelayMs = RECONNECT_DELAY_MS,
): Promise<PgContextNotices> {
  const handlers: Array<(notice: string) => void> = [];
  const tell = (notice: string) => {
    for (const h of handlers) h(notice);
  };
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const lost = (err: Error | null) => {
    if (!live && client === null) return;
    live = false;
    client = null;
    tell('all'); // anything may have changed while nobody listened
    if (err && !closed) onError(err);
    if (!closed) retry = setTimeout(() => void listen(), reconnectDelayMs).unref();
  };

  async function listen(): Promise<void> {
    retry = null;
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === CONTEXT_CHANNEL && n.payload) tell(n.payload);
    });
    c.on('error', (err) => lost(err));
    c.on('end', () => lost(null));
    try {
      await c.connect();
      await c.query(`LISTEN ${CONTEXT_CHANNEL}`);
    } catch (err) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
      if (!closed) {
        onError(err as Error);
        retry = setTimeout(() => void listen(), reconnectDelayMs).unref();
      }
      return;
    }
    if (closed) return void (await c.end().catch(() => {}));
    client = c;
    // Forget what was remembered before this connection listened: notices sent meanwhile are lost.
    tell('all');
    live = true;
  }

  await listen();
  return {
    live: () => live,
    subscribe: (handler) => void handlers.push(handler),
    async publish(notice) {
      try {
        await pool.query('SELECT pg_notify($1, $2)', [CONTEXT_CHANNEL, notice]);
      } catch (err) {
        onError(err as Error);
      }
    },
    async close() {
      closed = true;
      live = false;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => {});
      }
    },
  };
}
