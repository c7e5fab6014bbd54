import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTenant, signIn } from '../support/fixtures.ts';
import { signWebhook, smsWebhookChannel } from '../../src/channels/sms-webhook/sms-webhook-channel.ts';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from './receivers.ts';

/** SMS codes through the signed webhook, received by a real HTTP server. */

const SECRET = 'whsec_test_3f9a1c7e5b2d';

/** Parses `t=<unix seconds>,v1=<hex>` strictly. */
function parseSignature(header: string | string[] | undefined): { t: number; v1: string } {
  assert.equal(typeof header, 'string', 'one latchkey-signature header');
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header as string);
  assert.ok(m, `malformed signature header: ${header}`);
  return { t: Number(m[1]), v1: m[2]! };
}

/** What a receiver does, written without Latchkey's code: HMAC-SHA256 over "<t>.<raw body>", compared in constant time. */
function verifiesIndependently(secret: string, req: ReceivedRequest): boolean {
  const { t, v1 } = parseSignature(req.headers['latchkey-signature']);
  const expected = createHmac('sha256', secret).update(`${t}.${req.body}`).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const codeOf = (req: ReceivedRequest): string => {
  const code = (JSON.parse(req.body) as { body: string }).body.match(/\b(\d{6})\b/)?.[1];
  assert.ok(code, `no code in ${req.body}`);
  return code;
};

async function challengeRows(h: Harness, userId: string) {
  return h.lk.db.selectFrom('challenges').selectAll().where('userId', '=', userId).execute();
}

for (const backend of BACKENDS) {
  describe(`SMS codes through the signed webhook [${backend}]`, () => {
    let hook: WebhookReceiver;
    let h: Harness;
    before(async () => {
      hook = await startWebhookReceiver();
      h = await createHarness(backend, { env: { LATCHKEY_SMS_WEBHOOK_URL: hook.url, LATCHKEY_SMS_WEBHOOK_SECRET: SECRET } });
    });
    after(async () => {
      await h.close();
      await hook.close();
    });

    it('posts {to, body, organizationId} signed with the secret at the server clock\'s time; the code verifies', async () => {
      const t = await createTenant(h);
      const session = await signIn(h, t);
      const before = hook.received.length;
      const e = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'sms' } });
      assert.equal(e.statusCode, 201, e.body);
      assert.equal(hook.received.length, before + 1, 'one webhook call');
      const req = hook.received.at(-1)!;

      assert.equal(req.method, 'POST');
      assert.equal(req.url, '/sms');
      assert.match(String(req.headers['content-type']), /^application\/json/);
      const payload = JSON.parse(req.body) as Record<string, unknown>;
      assert.deepEqual(Object.keys(payload).sort(), ['body', 'organizationId', 'to']);
      assert.equal(payload.to, t.phone);
      assert.equal(payload.organizationId, t.orgId);
      assert.match(String(payload.body), /verification code is \d{6}\. It expires in 10 minutes/);

      const sig = parseSignature(req.headers['latchkey-signature']);
      assert.equal(req.headers['latchkey-signature'], signWebhook(SECRET, req.body, sig.t), 'Latchkey\'s own signer agrees');
      assert.ok(verifiesIndependently(SECRET, req), 'a receiver using only node:crypto accepts it');
      assert.ok(!verifiesIndependently('another secret', req), 'another secret does not verify');
      assert.ok(!verifiesIndependently(SECRET, { ...req, body: req.body.replace(t.phone, '+15550009999') }), 'a changed body does not verify');

      // t is the injected clock's time, not the wall clock (the test clock sits in January 2026).
      assert.equal(sig.t, Math.floor(h.time.ms / 1000));
      assert.equal(sig.t, Math.floor(h.lk.clock.now() / 1000));
      assert.ok(Math.abs(sig.t - Math.floor(req.receivedAt / 1000)) > 60, 'not the wall clock');

      const outbox = await h.lk.deps.store.outbox.list({ destination: t.phone, limit: 10 });
      assert.deepEqual(outbox, [], 'the code did not go to the outbox');

      const v = await h.call('POST', `/v1/mfa/challenges/${e.json().challenge.challengeId}/verify`, { devKey: t.devKey, session, body: { code: codeOf(req) } });
      assert.equal(v.statusCode, 200, v.body);
      const info = await h.call('GET', '/v1/session', { devKey: t.devKey, session });
      assert.equal(info.json().trusted, true);
      assert.equal(info.json().trustMethod, 'sms');
    });

    it('the timestamp follows the clock as it moves, including sandbox time travel', async () => {
      const t = await createTenant(h);
      const session = await signIn(h, t);
      const e = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'sms' } });
      const first = parseSignature(hook.received.at(-1)!.headers['latchkey-signature']).t;
      h.time.advance(90_000);
      const r1 = await h.call('POST', `/v1/mfa/challenges/${e.json().challenge.challengeId}/resend`, { devKey: t.devKey, session });
      assert.equal(r1.statusCode, 200, r1.body);
      assert.equal(parseSignature(hook.received.at(-1)!.headers['latchkey-signature']).t, first + 90);
      const adv = await h.call('POST', '/v1/admin/clock/advance', { admin: true, body: { seconds: 120 } });
      assert.ok(adv.statusCode < 300, adv.body);
      const r2 = await h.call('POST', `/v1/mfa/challenges/${e.json().challenge.challengeId}/resend`, { devKey: t.devKey, session });
      assert.equal(r2.statusCode, 200, r2.body);
      const last = hook.received.at(-1)!;
      assert.equal(parseSignature(last.headers['latchkey-signature']).t, first + 210);
      assert.equal(parseSignature(last.headers['latchkey-signature']).t, Math.floor(h.lk.clock.now() / 1000));
      assert.ok(verifiesIndependently(SECRET, last));
    });

    it('a receiver answering 500 gives 502 LK_ERR_DELIVERY_FAILED as problem+json and no challenge', async () => {
      const t = await createTenant(h);
      const session = await signIn(h, t);
      hook.status = 500;
      try {
        const before = hook.received.length;
        const r = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'sms' } });
        assert.equal(r.statusCode, 502, r.body);
        assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
        assert.equal(r.json().code, 'LK_ERR_DELIVERY_FAILED');
        assert.doesNotMatch(r.body, /500|gateway error|127\.0\.0\.1/, 'the gateway\'s answer is not shown to the caller');
        assert.equal(hook.received.length, before + 1, 'the gateway was called once');
        assert.deepEqual(await challengeRows(h, t.userId), [], 'no challenge was stored');
        assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session })).json().trusted, false);
      } finally {
        hook.status = 204;
      }
    });

    it('a receiver that redirects is a failed delivery: the signed code is not forwarded elsewhere', async () => {
      const other = await startWebhookReceiver();
      const t = await createTenant(h);
      const session = await signIn(h, t);
      // 307 keeps the method and body: following it would hand the signed code to another host.
      hook.status = 307;
      hook.redirectTo = other.url;
      try {
        const r = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'sms' } });
        assert.equal(r.statusCode, 502, r.body);
        assert.equal(r.json().code, 'LK_ERR_DELIVERY_FAILED');
        assert.equal(other.received.length, 0, 'nothing reached the redirect target');
      } finally {
        hook.status = 204;
        hook.redirectTo = undefined;
        await other.close();
      }
    });

    it('a receiver that cannot be reached gives 502 LK_ERR_DELIVERY_FAILED', async () => {
      const gone = await startWebhookReceiver();
      const url = gone.url;
      await gone.close();
      const h2 = await createHarness(backend, { env: { LATCHKEY_SMS_WEBHOOK_URL: url, LATCHKEY_SMS_WEBHOOK_SECRET: SECRET } });
      try {
        const t = await createTenant(h2);
        const session = await signIn(h2, t);
        const r = await h2.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'sms' } });
        assert.equal(r.statusCode, 502, r.body);
        assert.equal(r.json().code, 'LK_ERR_DELIVERY_FAILED');
        assert.deepEqual(await challengeRows(h2, t.userId), []);
      } finally {
        await h2.close();
      }
    });
  });
}

describe('the SMS webhook channel on its own', () => {
  const clock = { now: () => Date.UTC(2030, 5, 1) };
  const message = { orgId: '008org', userId: 'usr_1', channel: 'sms' as const, destination: '+15555550100', subject: null, body: 'Your code is 123456.' };

  it('signs exactly the bytes it sends', async () => {
    const hook = await startWebhookReceiver();
    try {
      await smsWebhookChannel({ url: hook.url, secret: SECRET }, clock).send(message);
      const req = hook.received[0]!;
      assert.equal(req.body, JSON.stringify({ to: message.destination, body: message.body, organizationId: message.orgId }));
      assert.equal(req.headers['latchkey-signature'], signWebhook(SECRET, req.body, Date.UTC(2030, 5, 1) / 1000));
      assert.ok(verifiesIndependently(SECRET, req));
    } finally {
      await hook.close();
    }
  });

  it('gives up on a gateway that does not answer within the timeout, naming the cause but not the URL', async () => {
    const hook = await startWebhookReceiver();
    hook.hang = true;
    const url = `${hook.url}?token=do-not-log-me`;
    try {
      const started = Date.now();
      await assert.rejects(smsWebhookChannel({ url, secret: SECRET, timeoutMs: 200 }, clock).send(message), (err: Error) => {
        assert.match(err.message, /SMS webhook request failed: TimeoutError/);
        assert.doesNotMatch(err.message, /do-not-log-me|127\.0\.0\.1/);
        return true;
      });
      assert.ok(Date.now() - started < 3000);
    } finally {
      await hook.close();
    }
  });

  it('names a refused connection in its error', async () => {
    const hook = await startWebhookReceiver();
    const url = hook.url;
    await hook.close();
    await assert.rejects(smsWebhookChannel({ url, secret: SECRET }, clock).send(message), /SMS webhook request failed: ECONNREFUSED/);
  });
});
