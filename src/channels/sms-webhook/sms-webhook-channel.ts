import { signWebhook } from '../../adapters/webhook-signature.ts';

export { signWebhook };
import type { Channel } from '../../ports/channel.ts';
import type { Clock } from '../../ports/clock.ts';

export interface SmsWebhookConfig {
  url: string;
  /** Shared secret for the `Latchkey-Signature` header. */
  secret: string;
  timeoutMs?: number;
}


/** SMS through a signed HTTP webhook to the operator's SMS gateway. */
export function smsWebhookChannel(config: SmsWebhookConfig, clock: Clock): Channel {
  return {
    name: 'sms-webhook',
    async send(message) {
      const body = JSON.stringify({ to: message.destination, body: message.body, organizationId: message.orgId });
      let res: Response;
      try {
        res = await fetch(config.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'latchkey-signature': signWebhook(config.secret, body, Math.floor(clock.now() / 1000)) },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(config.timeoutMs ?? 5000),
        });
      } catch (err) {
        // fetch says only "fetch failed"; the cause (ECONNREFUSED, a timeout) is what an operator needs. Never the URL: it may hold a token.
        const cause = (err as Error).cause as { code?: string; message?: string } | undefined;
        throw new Error(`SMS webhook request failed: ${cause?.code ?? cause?.message ?? (err as Error).name}`);
      }
      // The answer's body is not needed; release the connection rather than leave it to the garbage collector.
      await res.body?.cancel().catch(() => {});
      if (!res.ok) throw new Error(`SMS webhook answered HTTP ${res.status}`);
    },
  };
}
