import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTenant, signIn } from '../support/fixtures.ts';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { smtpChannel } from '../../src/channels/smtp/smtp-channel.ts';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from './receivers.ts';

/** The email channel over a real SMTP server: the code leaves by SMTP and never lands in the outbox. */

const codeIn = (m: ReceivedMail): string => {
  const code = m.mail.text?.match(/\b(\d{6})\b/)?.[1];
  assert.ok(code, `no 6-digit code in ${JSON.stringify(m.mail.text)}`);
  return code;
};

async function challengeRows(h: Harness, userId: string) {
  return h.lk.db.selectFrom('challenges').selectAll().where('userId', '=', userId).execute();
}

for (const backend of BACKENDS) {
  describe(`email codes through SMTP [${backend}]`, () => {
    let smtp: SmtpReceiver;
    let h: Harness;
    before(async () => {
      smtp = await startSmtpReceiver();
      h = await createHarness(backend, { env: { LATCHKEY_SMTP_URL: smtp.url, LATCHKEY_SMTP_FROM: 'Acme Security <security@acme.test>' } });
    });
    after(async () => {
      await h.close();
      await smtp.close();
    });

    it('reads the SMTP settings from the environment the harness passes', () => {
      assert.equal(h.lk.config.smtpUrl, smtp.url);
      assert.equal(h.lk.config.smtpFrom, 'Acme Security <security@acme.test>');
    });

    it('enrolling an email factor sends the code by SMTP, not to the outbox; verifying it trusts the session', async () => {
      const t = await createTenant(h);
      const session = await signIn(h, t);
      const before = smtp.received.length;
      const e = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'email' } });
      assert.equal(e.statusCode, 201, e.body);
      assert.equal(e.json().factor.type, 'email');
      assert.equal(e.json().factor.status, 'pending');
      assert.equal(e.json().challenge.destination, `u••••@example.com`);

      assert.equal(smtp.received.length, before + 1, 'one message reached the SMTP server');
      const m = smtp.received.at(-1)!;
      assert.deepEqual(m.rcptTo, [t.email]);
      assert.equal(m.mailFrom, 'security@acme.test');
      assert.equal(m.mail.from?.value[0]?.address, 'security@acme.test');
      assert.equal(m.mail.from?.value[0]?.name, 'Acme Security');
      const org = await h.call('GET', `/v1/admin/organizations/${t.orgId}`, { admin: true });
      assert.equal(m.mail.subject, `Your ${org.json().name} verification code`);
      const code = codeIn(m);
      assert.match(m.mail.text ?? '', /expires in 10 minutes/);

      const outbox = await h.lk.db.selectFrom('outbox').selectAll().execute();
      assert.deepEqual(outbox.filter((r) => r.destination === t.email || r.body.includes(code)), [], 'the code is not in the outbox table');
      const listed = await h.call('GET', `/v1/admin/outbox?destination=${encodeURIComponent(t.email)}`, { admin: true });
      assert.equal(listed.statusCode, 200, listed.body);
      assert.deepEqual(listed.json().messages, []);

      const v = await h.call('POST', `/v1/mfa/challenges/${e.json().challenge.challengeId}/verify`, { devKey: t.devKey, session, body: { code } });
      assert.equal(v.statusCode, 200, v.body);
      assert.equal(v.json().factorType, 'email');
      assert.equal(v.json().purpose, 'enroll');
      const info = await h.call('GET', '/v1/session', { devKey: t.devKey, session });
      assert.equal(info.json().trusted, true);
      assert.equal(info.json().mfaStatus, 'COMPLETE');
      assert.equal(info.json().trustMethod, 'email');
      const factors = await h.call('GET', '/v1/factors', { devKey: t.devKey, session });
      assert.equal(factors.json().factors[0].status, 'active');
    });

    it('the next sign-in is challenged by email over SMTP, and a code from another message is refused', async () => {
      const t = await createTenant(h);
      const first = await signIn(h, t);
      const e = await h.call('POST', '/v1/factors', { devKey: t.devKey, session: first, body: { type: 'email' } });
      const enrollCode = codeIn(smtp.received.at(-1)!);
      assert.equal((await h.call('POST', `/v1/mfa/challenges/${e.json().challenge.challengeId}/verify`, { devKey: t.devKey, session: first, body: { code: enrollCode } })).statusCode, 200);

      const session = await signIn(h, t);
      const c = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: {} });
      assert.equal(c.statusCode, 201, c.body);
      assert.equal(c.json().factorType, 'email');
      const m = smtp.received.at(-1)!;
      assert.deepEqual(m.rcptTo, [t.email]);
      const code = codeIn(m);
      if (code !== enrollCode) {
        const stale = await h.call('POST', `/v1/mfa/challenges/${c.json().challengeId}/verify`, { devKey: t.devKey, session, body: { code: enrollCode } });
        assert.equal(stale.statusCode, 422);
      }
      const v = await h.call('POST', `/v1/mfa/challenges/${c.json().challengeId}/verify`, { devKey: t.devKey, session, body: { code } });
      assert.equal(v.statusCode, 200, v.body);
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session })).json().trusted, true);
    });

    it('an address given at enrollment receives the code; an address list or display name is refused', async () => {
      const t = await createTenant(h);
      const session = await signIn(h, t);
      const e = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'email', email: 'other@example.org' } });
      assert.equal(e.statusCode, 201, e.body);
      assert.deepEqual(smtp.received.at(-1)!.rcptTo, ['other@example.org']);

      // An address list, display name or quoted part could send the code elsewhere: the API refuses it outright.
      const before = smtp.received.length;
      for (const email of ['postmaster,me@example.org', 'a<me@example.org>', '"x"@example.org']) {
        const odd = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'email', email } });
        assert.equal(odd.statusCode, 400, `${email}: ${odd.body}`);
        assert.equal(odd.json().field, 'body.email');
      }
      assert.equal(smtp.received.length, before);
    });

    it('an organization that refuses email codes answers 422 LK_ERR_FACTOR_NOT_ALLOWED and sends nothing', async () => {
      const t = await createTenant(h, { allowEmailFactor: false });
      const session = await signIn(h, t);
      const before = smtp.received.length;
      const r = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'email' } });
      assert.equal(r.statusCode, 422, r.body);
      assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
      assert.equal(r.json().code, 'LK_ERR_FACTOR_NOT_ALLOWED');
      assert.equal(r.json().field, 'type');
      assert.equal(smtp.received.length, before);
      assert.deepEqual(await challengeRows(h, t.userId), []);
      const factors = await h.call('GET', '/v1/factors', { devKey: t.devKey, session });
      assert.deepEqual(factors.json().factors, []);
    });

    it('an SMTP server that refuses the recipient gives 502 LK_ERR_DELIVERY_FAILED and leaves no usable challenge', async () => {
      const t = await createTenant(h);
      const session = await signIn(h, t);
      smtp.refuse.add(t.email);
      try {
        const before = smtp.received.length;
        const r = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'email' } });
        assert.equal(r.statusCode, 502, r.body);
        assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
        assert.equal(r.json().code, 'LK_ERR_DELIVERY_FAILED');
        assert.equal(r.json().status, 502);
        assert.equal(r.json().type, 'https://latchkey.dev/errors/LK_ERR_DELIVERY_FAILED');
        assert.doesNotMatch(r.body, /550|Mailbox|127\.0\.0\.1|smtp:/i, 'the SMTP fault is not shown to the caller');
        assert.equal(smtp.received.length, before);
        assert.deepEqual(await challengeRows(h, t.userId), [], 'no challenge was stored');
        const info = await h.call('GET', '/v1/session', { devKey: t.devKey, session });
        assert.equal(info.json().trusted, false);
        assert.equal(info.json().mfaStatus, 'SETUP', 'the factor did not become active');
        const c = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: {} });
        assert.equal(c.statusCode, 403, c.body);
        assert.equal(c.json().code, 'LK_ERR_MFA_SETUP_REQUIRED');
      } finally {
        smtp.refuse.delete(t.email);
      }
    });

    it('a sign-in challenge the SMTP server refuses gives 502 and no challenge; the next one goes through', async () => {
      const t = await createTenant(h);
      const first = await signIn(h, t);
      const e = await h.call('POST', '/v1/factors', { devKey: t.devKey, session: first, body: { type: 'email' } });
      await h.call('POST', `/v1/mfa/challenges/${e.json().challenge.challengeId}/verify`, { devKey: t.devKey, session: first, body: { code: codeIn(smtp.received.at(-1)!) } });
      const rowsBefore = (await challengeRows(h, t.userId)).length;

      const session = await signIn(h, t);
      smtp.refuseAll = true;
      try {
        const r = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: {} });
        assert.equal(r.statusCode, 502, r.body);
        assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
        assert.equal(r.json().code, 'LK_ERR_DELIVERY_FAILED');
        assert.equal((await challengeRows(h, t.userId)).length, rowsBefore, 'no challenge was stored');
      } finally {
        smtp.refuseAll = false;
      }
      const ok = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: {} });
      assert.equal(ok.statusCode, 201, ok.body);
      const v = await h.call('POST', `/v1/mfa/challenges/${ok.json().challengeId}/verify`, { devKey: t.devKey, session, body: { code: codeIn(smtp.received.at(-1)!) } });
      assert.equal(v.statusCode, 200, v.body);
    });

    it('a resend the SMTP server refuses gives 502 and keeps the code already sent', async () => {
      const t = await createTenant(h);
      const session = await signIn(h, t);
      const e = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'email' } });
      const challengeId = e.json().challenge.challengeId as string;
      const code = codeIn(smtp.received.at(-1)!);
      smtp.refuseAll = true;
      try {
        const r = await h.call('POST', `/v1/mfa/challenges/${challengeId}/resend`, { devKey: t.devKey, session });
        assert.equal(r.statusCode, 502, r.body);
        assert.equal(r.json().code, 'LK_ERR_DELIVERY_FAILED');
      } finally {
        smtp.refuseAll = false;
      }
      const v = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code } });
      assert.equal(v.statusCode, 200, v.body);
    });
  });
}

describe('an SMTP server that cannot be reached', () => {
  it('gives 502 LK_ERR_DELIVERY_FAILED', async () => {
    const smtp = await startSmtpReceiver();
    const url = smtp.url;
    await smtp.close();
    const h = await createHarness(BACKENDS[0] ?? 'sqlite', { env: { LATCHKEY_SMTP_URL: url } });
    try {
      const t = await createTenant(h);
      const session = await signIn(h, t);
      const r = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'email' } });
      assert.equal(r.statusCode, 502, r.body);
      assert.equal(r.json().code, 'LK_ERR_DELIVERY_FAILED');
      assert.deepEqual(await challengeRows(h, t.userId), []);
    } finally {
      await h.close();
    }
  });
});

describe('the SMTP channel on its own', () => {
  const message = { orgId: '008org', userId: 'usr_1', channel: 'email' as const, destination: 'ana@example.com', subject: 'Your code', body: 'Your code is 123456.' };

  it('gives up on a server that accepts the connection but never greets, within its timeout', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((s) => { sockets.push(s); });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const channel = smtpChannel({ url: `smtp://127.0.0.1:${port}`, from: 'a@b.test', timeoutMs: { greeting: 300 } });
    try {
      const started = Date.now();
      await assert.rejects(channel.send(message), /greeting/i);
      assert.ok(Date.now() - started < 5000, 'not nodemailer\'s 30 s default');
    } finally {
      channel.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('gives up on a server that stops answering in the middle of a message, within its timeout', async () => {
    const smtp = await startSmtpReceiver();
    const channel = smtpChannel({ url: smtp.url, from: 'a@b.test', timeoutMs: { socket: 300 } });
    smtp.stall = true;
    try {
      const started = Date.now();
      await assert.rejects(channel.send(message), /timeout/i);
      assert.ok(Date.now() - started < 5000, 'not nodemailer\'s 10 minute default');
    } finally {
      channel.close();
      await smtp.close();
    }
  });
});
