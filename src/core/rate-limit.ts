import type { Clock } from '../ports/clock.ts';
import type { Store } from '../ports/store.ts';
import { fail } from './errors.ts';

/** A fixed-window counter: `max` events per `windowMs`. */
export interface WindowLimit {
  key: string;
  max: number;
  windowMs: number;
  /** What is being counted, for the refusal's message ("codes sent"); failures by default. */
  counts?: string;
}

// The wait itself travels in Retry-After (and the problem's retryAfterSeconds).
function refuse(limit: WindowLimit, retryAfterSeconds: number): never {
  fail('LK_ERR_RATE_LIMITED', { retryAfterSeconds, detail: `Too many ${limit.counts ?? 'failed attempts'}. Try again later.` });
}

function windowOf(clock: Clock, windowMs: number) {
  const start = Math.floor(clock.now() / windowMs) * windowMs;
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - clock.now()) / 1000)) };
}

/** Throws LK_ERR_RATE_LIMITED (429 with Retry-After) when the window is already full. */
export async function assertUnderLimit(deps: { store: Store; clock: Clock }, limit: WindowLimit): Promise<void> {
  const w = windowOf(deps.clock, limit.windowMs);
  const count = await deps.store.counters.peek(limit.key, w.start);
  if (count >= limit.max) refuse(limit, w.retryAfterSeconds);
}

/** Counts one event; throws LK_ERR_RATE_LIMITED when it goes past the limit. */
export async function consumeLimit(deps: { store: Store; clock: Clock }, limit: WindowLimit): Promise<void> {
  const w = windowOf(deps.clock, limit.windowMs);
  const count = await deps.store.counters.hit(limit.key, w.start);
  if (count > limit.max) refuse(limit, w.retryAfterSeconds);
}

/** Counts one event without refusing it (failures are counted after the fact). */
export async function countEvent(deps: { store: Store; clock: Clock }, limit: WindowLimit): Promise<void> {
  await deps.store.counters.hit(limit.key, windowOf(deps.clock, limit.windowMs).start);
}
