import type { CoreDeps } from './deps.ts';
import type { PurgedCounts } from '../ports/store.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './limits.ts';

/**
 * Deletes what no longer counts for anything: sessions that ended (signed out, idled out,
 * past their lifetime), expired challenges and remembered devices, and sandbox outbox
 * messages, `retentionDays` after they stopped counting (time to look into an incident);
 * rate-limit counters as soon as their window is over. The audit log is kept.
 */
export async function purgeExpired(deps: Pick<CoreDeps, 'store' | 'clock' | 'limits'>): Promise<PurgedCounts & { expiredBefore: number }> {
  const now = deps.clock.now();
  const expiredBefore = now - deps.limits.retentionDays * DAY_MS;
  // The longest fixed window a counter belongs to: a counter that began before it is over.
  const longestWindow = Math.max(HOUR_MS, deps.limits.signInFailureWindowMinutes * MINUTE_MS);
  const counts = await deps.store.retention.purge({ expiredBefore, countersBefore: now - longestWindow });
  return { ...counts, expiredBefore };
}
