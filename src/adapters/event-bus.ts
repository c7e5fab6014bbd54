import { EventEmitter } from 'node:events';
import type { ConnectionEvent } from '../core/connection/model.ts';

/**
 * In-process fan-out of committed connection events: wakes the workers and feeds
 * live streams. Other processes learn of events from the database (streams poll it).
 */
export class EventBus {
  readonly #emitter = new EventEmitter();

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  publish(event: ConnectionEvent): void {
    this.#emitter.emit('event', event);
    this.#emitter.emit(`connection:${event.connectionId}`, event);
  }

  /** Calls `fn` for every event (or only one connection's); returns the unsubscribe function. */
  subscribe(fn: (event: ConnectionEvent) => void, connectionId?: string): () => void {
    const name = connectionId ? `connection:${connectionId}` : 'event';
    this.#emitter.on(name, fn);
    return () => this.#emitter.off(name, fn);
  }
}
