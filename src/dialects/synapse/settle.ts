import type { Latchkey } from '../../registry.ts';
import type { Connection } from '../../core/connection/model.ts';
import { STATE_GROUP } from '../../core/connection/connection-state.ts';

/** Re-read at least this often: the job may run in another process, whose events this bus does not see. */
const POLL_MS = 250;

/**
 * Waits (in real time, not the sandbox clock) until the connection leaves
 * CREATED/PROCESSING/RESUMED, or `timeoutMs` passes. Returns the connection as it is
 * then, or null once it is gone. Woken at once by this process's events.
 */
export async function settle(lk: Latchkey, connectionId: string, timeoutMs: number): Promise<Connection | null> {
  const deadline = Date.now() + timeoutMs;
  let changed = false;
  let wake = () => {};
  const unsubscribe = lk.bus.subscribe(() => {
    changed = true;
    wake();
  }, connectionId);
  try {
    for (;;) {
      changed = false;
      const c = await lk.connectionDeps.connections.connections.get(connectionId);
      if (!c || STATE_GROUP[c.state] !== 'processing' || Date.now() >= deadline) return c;
      if (changed) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    unsubscribe();
  }
}
