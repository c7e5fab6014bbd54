import { Type } from 'typebox';
import type { App } from '../types.ts';
import type { Latchkey } from '../../registry.ts';
import type { ConnectionEvent } from '../../core/connection/model.ts';
import { getOwnConnection } from '../../core/connection/connections.ts';
import { fail } from '../../core/errors.ts';
import { requireSession } from '../auth.ts';
import { errors, Id, security } from '../schemas.ts';
import { payloadOf } from '../../webhooks/webhooks.ts';

/** Other processes' events reach this one through the database: it is read this often. */
const DB_POLL_MS = 1_000;
const HEARTBEAT_MS = 15_000;

/**
 * A Server-Sent Events stream of one connection's events, from `Last-Event-ID`
 * (the connection's sequence number) on: nothing is missed across reconnects.
 */
/** The stream's own session checks leave the idle timer alone. */
const QUIET = { touch: false };

export function connectionEventRoutes(app: App, lk: Latchkey): void {
  const d = lk.connectionDeps;
  // Open streams are ended when the server closes, so shutdown never waits on a browser.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  app.get('/v1/connections/:connectionId/events', {
    schema: {
      tags: ['Connections'], summary: 'Live events of a connection (Server-Sent Events)', security: security.session,
      description: 'text/event-stream: each event has `id` (the sequence number), `event` (its type) and `data` (the same JSON as a webhook). Reconnect with Last-Event-ID to resume.',
      params: Type.Object({ connectionId: Id('Connection ID') }),
      headers: Type.Object({ 'last-event-id': Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$' })) }),
      response: { 200: Type.String({ description: 'text/event-stream' }), ...errors(401, 404) },
    },
  }, async (req, reply) => {
    const ctx = await requireSession(lk, req);
    if (ctx.session.kind === 'partner') fail('LK_ERR_FORBIDDEN');
    const c = await getOwnConnection(d, ctx.org.id, ctx.user.id, req.params.connectionId);
    let lastSeq = Number(req.headers['last-event-id'] ?? 0);
    reply.hijack();
    const res = reply.raw;
    // The headers set so far (CORS, for a page reading the stream with fetch) go out with the hijacked response.
    res.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': connected\n\n');
    let busy = false;
    let again = false;
    const send = (e: ConnectionEvent) => {
      if (e.seq <= lastSeq) return;
      lastSeq = e.seq;
      res.write(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(payloadOf(e))}\n\n`);
    };
    // One read at a time; an event that arrives during a read triggers another, so none waits for the poll.
    const catchUp = async (): Promise<void> => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          const events = await d.connections.events.listAfter(c.id, lastSeq);
          // Nothing is sent once the session has ended (sign-out, idle timeout, revocation).
          if (events.length > 0 && !(await requireSession(lk, req, QUIET).then(() => true, () => false))) return end();
          for (const e of events) send(e);
        } while (again);
      } finally {
        busy = false;
      }
    };
    const unsubscribe = lk.bus.subscribe(() => void catchUp(), c.id);
    const poll = setInterval(() => void catchUp(), DB_POLL_MS);
    // The stream lives only as long as its session: sign-out, idle timeout or revocation ends it at the next beat.
    // Its checks are not the user's calls, so they do not slide the idle timer (QUIET).
    const beat = setInterval(() => {
      requireSession(lk, req, QUIET).then(() => res.write(': keep-alive\n\n'), () => end());
    }, HEARTBEAT_MS);
    const close = () => {
      open.delete(end);
      unsubscribe();
      clearInterval(poll);
      clearInterval(beat);
    };
    const end = () => {
      close();
      res.end();
    };
    open.add(end);
    req.raw.on('close', close);
    await catchUp();
  });
}
