import type { ConnectionStore } from '../../ports/connection-store.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Random } from '../../ports/crypto.ts';
import type { Connection, ConnectionEvent } from './model.ts';
import type { ConnectionState } from './connection-state.ts';
import { newId } from '../ids.ts';
import { describeState } from './views.ts';

/**
 * Records the event of a transition in the same transaction as the transition, and
 * queues one webhook delivery per endpoint of the organization, so neither an event
 * nor a delivery can be lost between the two.
 */
export async function recordTransition(
  tx: ConnectionStore, deps: { clock: Clock; random: Random }, after: Connection, previous: ConnectionState, extra: Record<string, unknown> = {},
  type = `connection.${after.state.toLowerCase()}`,
): Promise<ConnectionEvent[]> {
  const at = deps.clock.now();
  const events: ConnectionEvent[] = [];
  const add = (type: string, data: Record<string, unknown>, seq: number) => {
    events.push({ id: newId(deps.random, 'evt_', 28), connectionId: after.id, orgId: after.orgId, seq, type, data, at });
  };
  const data = { ...describeState(after), previousState: previous, ...extra };
  add(type, data, after.eventSeq);
  for (const e of events) await tx.events.insert(e);
  const endpoints = await tx.webhooks.listEndpoints(after.orgId);
  await tx.webhooks.insertDeliveries(events.flatMap((e) => endpoints.map((ep) => ({
    id: newId(deps.random, 'whd_', 28), endpointId: ep.id, eventId: e.id, connectionId: e.connectionId, seq: e.seq,
    status: 'pending' as const, attempts: 0, nextAttemptAt: at, leaseUntil: null, lastError: null, deliveredAt: null, createdAt: at,
  }))));
  return events;
}
