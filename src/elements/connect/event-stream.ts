import type { ElementApi } from '../shared/api.ts';
import { ElementFailure, problemFailure } from '../shared/errors.ts';
import { sseEvents, type SseEvent } from './sse.ts';

/** Consecutive failed (re)connections before the Element gives up. */
const MAX_FAILURES = 5;
const backoffMs = (failures: number) => Math.min(10_000, 500 * 2 ** failures);

/**
 * Follows a connection's live events (`GET /v1/connections/{id}/events`) through
 * the SDK with the page's session, reconnecting with `Last-Event-ID` when the
 * stream ends or drops, so no event is missed. Launch problems (a session refused
 * even after onAuthFailed) and repeated failures go to `onFatal`. Returns `stop`.
 */
export function followEvents(api: ElementApi, connectionId: string, onEvent: (e: SseEvent) => void, onFatal: (err: unknown) => void): () => void {
  const abort = new AbortController();
  const { signal } = abort;
  let lastId: string | undefined;
  void (async () => {
    let failures = 0;
    while (!signal.aborted) {
      let delivered = false;
      try {
        const r = await api.run((c) => c.GET('/v1/connections/{connectionId}/events', {
          params: { path: { connectionId }, ...(lastId ? { header: { 'last-event-id': lastId } } : {}) },
          parseAs: 'stream', signal,
        }));
        if (!r.ok) throw problemFailure(r.problem);
        if (!r.data) throw new Error('The event stream answered without a body.');
        for await (const e of sseEvents(r.data as ReadableStream<Uint8Array>)) {
          if (signal.aborted) return;
          delivered = true;
          if (e.id) lastId = e.id;
          onEvent(e);
        }
      } catch (err) {
        if (signal.aborted) return;
        // Only a stream that never worked counts: a network drop mid-stream is normal life for a long request.
        const final = err instanceof ElementFailure && (err.code === 'LAUNCH_REQUIREMENTS_NOT_MET' || (err.status !== undefined && err.status < 500));
        if (final || ++failures >= MAX_FAILURES) return onFatal(err);
      }
      if (delivered) failures = 0;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(failures)));
    }
  })();
  return () => abort.abort();
}
