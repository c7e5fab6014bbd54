import type { Clock } from '../ports/clock.ts';

/**
 * The wall clock plus an offset that only ever grows. In sandbox mode an admin
 * moves it forward to watch sessions idle out or devices expire without waiting.
 */
export class OffsetClock implements Clock {
  #offsetMs: number;
  readonly #base: () => number;

  constructor(offsetMs = 0, base: () => number = Date.now) {
    this.#offsetMs = offsetMs;
    this.#base = base;
  }

  now(): number {
    return this.#base() + this.#offsetMs;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward.');
    this.#offsetMs += ms;
  }
}
