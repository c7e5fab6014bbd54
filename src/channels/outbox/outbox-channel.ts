import type { Channel } from '../../ports/channel.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Random } from '../../ports/crypto.ts';
import type { Store } from '../../ports/store.ts';

/**
 * The sandbox channel: messages are stored, readable through the admin API and
 * `latchkey outbox`, and never leave the machine. IDs sort by time.
 */
export function outboxChannel(deps: { store: Store; clock: Clock; random: Random }): Channel {
  // Breaks ties between messages of the same millisecond, so "newest first" is exact within a process.
  let sequence = 0;
  return {
    name: 'outbox',
    async send(message) {
      const createdAt = deps.clock.now();
      await deps.store.outbox.insert({
        id: `msg_${createdAt.toString(36).padStart(9, '0')}${(sequence++ % 1_679_616).toString(36).padStart(4, '0')}${deps.random.token(6)}`,
        createdAt,
        ...message,
      });
    },
  };
}
