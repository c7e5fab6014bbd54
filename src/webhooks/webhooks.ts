import type { ConnectionDeps } from '../core/connection/deps.ts';
import type { ConnectionEvent, WebhookDelivery, WebhookEndpoint } from '../core/connection/model.ts';
import { newId } from '../core/ids.ts';
import { fail } from '../core/errors.ts';
import { signWebhook } from '../adapters/webhook-signature.ts';
import { isPublicHost } from '../adapters/public-address.ts';
import { openText, sealText } from '../core/connection/sealed.ts';

/** What a receiver gets: one event, with the connection's sequence number for ordering. */
export interface WebhookPayload {
  id: string;
  type: string;
  connectionId: string;
  organizationId: string;
  seq: number;
  occurredAt: string;
  data: Record<string, unknown>;
}

export function payloadOf(e: ConnectionEvent): WebhookPayload {
  return { id: e.id, type: e.type, connectionId: e.connectionId, organizationId: e.orgId, seq: e.seq, occurredAt: new Date(e.at).toISOString(), data: e.data };
}

/** Outside the sandbox a receiver must be https on a public address: a webhook must not reach into the server's own network. */
async function assertReceiver(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  if (url.protocol !== 'https:') fail('LK_ERR_VALIDATION', { field: 'url', detail: 'An https URL is required.' });
  if (!(await isPublicHost(url.hostname))) fail('LK_ERR_VALIDATION', { field: 'url', detail: 'The URL must resolve to public addresses only.' });
}

export async function createEndpoint(
  deps: ConnectionDeps, orgId: string, url: string, opts: { allowPrivate: boolean },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) fail('LK_ERR_VALIDATION', { field: 'url', detail: 'An http or https URL is required.' });
  await assertReceiver(parsed, opts.allowPrivate);
  const secret = `whsec_${deps.random.token(24)}`;
  const endpoint: WebhookEndpoint = {
    id: newId(deps.random, 'whk_', 24), orgId, url, secretEnc: sealText(deps.secrets, secret), createdAt: deps.clock.now(), disabledAt: null,
  };
  await deps.connections.webhooks.insertEndpoint(endpoint);
  return { endpoint, secret };
}

export interface DeliveryOptions {
  timeoutMs: number;
  /** Sandbox: receivers on this machine are allowed. */
  allowPrivate: boolean;
}

/** Backoff between attempts: base × 2^(attempt−1), capped at six hours. */
export function nextAttemptDelayMs(deps: ConnectionDeps, attempts: number): number {
  return Math.min(6 * 3600_000, deps.limits.webhookRetryBaseSeconds * 1000 * 2 ** (attempts - 1));
}

async function post(url: string, body: string, signature: string, timeoutMs: number): Promise<string | null> {
  try {
    const res = await fetch(url, {
      method: 'POST', body, redirect: 'error', signal: AbortSignal.timeout(timeoutMs),
      headers: { 'content-type': 'application/json', 'latchkey-signature': signature },
    });
    await res.body?.cancel();
    return res.ok ? null : `HTTP ${res.status}`;
  } catch {
    // One word for every network failure: the log must not tell refused from filtered ports (a scanning oracle).
    return 'unreachable';
  }
}

/**
 * Delivers one due webhook (the oldest pending event of its endpoint and connection,
 * so each receiver sees events in order). A failure is retried with backoff; a
 * receiver that is down never blocks transitions, which were committed already.
 */
export async function deliverNext(deps: ConnectionDeps, opts: DeliveryOptions): Promise<boolean> {
  const now = deps.clock.now();
  const d = await deps.connections.webhooks.claimDue(now, now + opts.timeoutMs * 2);
  if (!d) return false;
  const [endpoint, event] = await Promise.all([deps.connections.webhooks.getEndpoint(d.endpointId), deps.connections.events.get(d.eventId)]);
  if (!endpoint || endpoint.disabledAt !== null || !event) {
    await deps.connections.webhooks.updateDelivery(d.id, { status: 'failed', leaseUntil: null, lastError: 'endpoint or event removed' });
    return true;
  }
  const body = JSON.stringify(payloadOf(event));
  const secret = openText(deps.secrets, endpoint.secretEnc);
  // Checked again at each send: the name may resolve elsewhere now.
  const allowed = opts.allowPrivate || (await isPublicHost(new URL(endpoint.url).hostname));
  const error = allowed ? await post(endpoint.url, body, signWebhook(secret, body, Math.floor(deps.clock.now() / 1000)), opts.timeoutMs) : 'refused: not a public address';
  const attempts = d.attempts + 1;
  const patch: Partial<WebhookDelivery> = error === null
    ? { status: 'delivered', attempts, deliveredAt: deps.clock.now(), leaseUntil: null, lastError: null }
    : attempts >= deps.limits.webhookAttempts
      ? { status: 'failed', attempts, leaseUntil: null, lastError: error }
      : { attempts, leaseUntil: null, lastError: error, nextAttemptAt: deps.clock.now() + nextAttemptDelayMs(deps, attempts) };
  await deps.connections.webhooks.updateDelivery(d.id, patch);
  return true;
}

/** Sends a delivery again (an admin's replay), ahead of its schedule. */
export async function replayDelivery(deps: ConnectionDeps, deliveryId: string): Promise<WebhookDelivery> {
  const d = await deps.connections.webhooks.getDelivery(deliveryId);
  if (!d) fail('LK_ERR_NOT_FOUND', { field: 'deliveryId' });
  const patch = { status: 'pending' as const, nextAttemptAt: deps.clock.now(), leaseUntil: null, attempts: 0 };
  await deps.connections.webhooks.updateDelivery(d.id, patch);
  return { ...d, ...patch };
}
