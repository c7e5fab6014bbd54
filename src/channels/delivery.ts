import type { Channel, Delivery } from '../ports/channel.ts';
import { LatchkeyError } from '../core/errors.ts';

/**
 * Routes each message to the channel configured for its kind (sms, email). A channel
 * fault becomes LK_ERR_DELIVERY_FAILED; its cause is logged without the message body.
 */
export function routeDelivery(routes: { sms: Channel; email: Channel }, onFault: (channel: string, err: unknown) => void): Delivery {
  return {
    async send(message) {
      const channel = routes[message.channel];
      try {
        await channel.send(message);
      } catch (err) {
        onFault(channel.name, err);
        throw new LatchkeyError('LK_ERR_DELIVERY_FAILED');
      }
    },
  };
}
