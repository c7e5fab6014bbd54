import { createHmac } from 'node:crypto';

/**
 * The `Latchkey-Signature` header of every outgoing webhook (SMS gateway, connection
 * events): `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. Receivers check
 * the MAC and the age of t.
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
