/**
 * Attack: secrets leaking through logs. Logs are shipped to aggregators, kept for
 * months and read by far more people (and systems) than the database. A password, a
 * session ID, a one-time code, a rememberMeId, a developer key, an API token or the
 * admin token written to a log line can be replayed by anyone who can read the log,
 * so every credential must stay out of it, even at LOG_LEVEL=debug where every
 * request is logged, and on the error paths (wrong password, wrong code, a delivery
 * fault whose cause is logged, malformed bodies).
 *
 * This drives a whole flow through a real server whose pino output is captured, then
 * searches the captured log for every secret the flow handled.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKENDS, createTestDatabase, type Backend } from '../support/backends.ts';
import { ADMIN_TOKEN, PASSWORD, createHarness, type Harness } from '../support/harness.ts';
import { createTenant, signIn } from '../support/fixtures.ts';
import { createLogger, REDACT_PATHS } from '../../src/logger.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../channels/receivers.ts';

const WEBHOOK_SECRET = `whsec_${randomBytes(12).toString('hex')}`;
const SMTP_PASSWORD = `smtp-pass-${randomBytes(8).toString('hex')}`;
const PG_PASSWORD = `pg-pass-${randomBytes(8).toString('hex')}`;
const ENCRYPTION_KEY = randomBytes(32).toString('base64');
const MAC_KEY = randomBytes(32).toString('base64');
const WRONG_PASSWORD = 'correct horse battery stapler';

/** A server like the harness's, but with its pino output captured line by line. */
async function loggedServer(backend: Backend, lines: string[], env: Record<string, string>): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-logs-'));
  const pgdb = backend === 'postgres' ? await createTestDatabase() : null;
  let databaseUrl: string | undefined;
  if (pgdb) {
    // A password in DATABASE_URL (the test server trusts local connections and ignores it) must not reach the log either.
    const u = new URL(pgdb.url);
    u.password = PG_PASSWORD;
    databaseUrl = u.toString();
  }
  const h = await createHarness(backend, {
    env: { LATCHKEY_SANDBOX: 'false', LOG_LEVEL: 'debug', LATCHKEY_ENCRYPTION_KEYS: `k1:${ENCRYPTION_KEY}`, LATCHKEY_MAC_KEY: MAC_KEY, ...env },
    config: { dataDir }, databaseUrl, logLines: lines, worker: false,
  });
  assert.equal(h.lk.config.logLevel, 'debug');
  return {
    ...h,
    async close() {
      await h.close();
      await pgdb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every string anywhere in a parsed log line (keys included). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { out.push(k); strings(v, out); }
  return out;
}

for (const backend of BACKENDS) {
  describe(`secrets never reach the log [${backend}]`, () => {
    const lines: string[] = [];
    /** name → secret value the flow handled. */
    const secrets = new Map<string, string>();
    /** Six-digit codes, searched for in log strings only (timestamps and durations are numbers full of digits). */
    const codes: string[] = [];
    let hook: WebhookReceiver;
    let h: Harness;

    before(async () => {
      hook = await startWebhookReceiver();
      h = await loggedServer(backend, lines, {
        LATCHKEY_SMS_WEBHOOK_URL: hook.url,
        LATCHKEY_SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
        // Nothing listens there: email deliveries fail, and the failure's cause is logged.
        LATCHKEY_SMTP_URL: `smtp://latchkey:${SMTP_PASSWORD}@127.0.0.1:9`,
      });
    });
    after(async () => {
      await h.close();
      await hook.close();
    });

    const lastSmsCode = (): string => {
      const code = (JSON.parse(hook.received.at(-1)!.body) as { body: string }).body.match(/\b(\d{6})\b/)?.[1];
      assert.ok(code);
      codes.push(code);
      return code;
    };
    const wrongFor = (code: string) => {
      const wrong = String((Number(code) + 500_001) % 1_000_000).padStart(6, '0');
      codes.push(wrong);
      return wrong;
    };

    it('runs a whole flow: sign-in, enrollment, wrong and right codes, remember device, remembered sign-in, API token', async () => {
      secrets.set('password', PASSWORD);
      secrets.set('wrong password', WRONG_PASSWORD);
      secrets.set('admin token', ADMIN_TOKEN);
      secrets.set('webhook secret', WEBHOOK_SECRET);
      secrets.set('SMTP password', SMTP_PASSWORD);
      secrets.set('encryption key', ENCRYPTION_KEY);
      secrets.set('MAC key', MAC_KEY);
      if (backend === 'postgres') secrets.set('database password', PG_PASSWORD);

      const t = await createTenant(h);
      secrets.set('developer key', t.devKey);
      secrets.set('partner key', t.partnerKey);

      // Wrong credentials: a mistyped password is as sensitive as the real one.
      const bad = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: WRONG_PASSWORD } });
      assert.equal(bad.statusCode, 401);
      const badKey = await h.call('POST', '/v1/sessions', { devKey: `${t.devKey}x`, body: { organizationId: t.orgId, username: t.username, password: PASSWORD } });
      assert.equal(badKey.statusCode, 401);
      secrets.set('wrong developer key', `${t.devKey}x`);
      const badAdmin = await h.call('GET', `/v1/admin/organizations/${t.orgId}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}-guess` } });
      assert.equal(badAdmin.statusCode, 401);
      // A body that is not JSON, carrying the password.
      const broken = await h.call('POST', '/v1/sessions', {
        devKey: t.devKey, headers: { 'content-type': 'application/json' }, body: `{"organizationId":"${t.orgId}","username":"${t.username}","password":"${PASSWORD}"`,
      });
      assert.equal(broken.statusCode, 400);

      // First sign-in, SMS enrollment, a wrong code then the right one.
      const s1 = await signIn(h, t);
      secrets.set('session 1', s1);
      const e = await h.call('POST', '/v1/factors', { devKey: t.devKey, session: s1, body: { type: 'sms' } });
      assert.equal(e.statusCode, 201, e.body);
      const enrollCode = lastSmsCode();
      const w1 = await h.call('POST', `/v1/mfa/challenges/${e.json().challenge.challengeId}/verify`, { devKey: t.devKey, session: s1, body: { code: wrongFor(enrollCode) } });
      assert.equal(w1.statusCode, 422);
      const v1 = await h.call('POST', `/v1/mfa/challenges/${e.json().challenge.challengeId}/verify`, { devKey: t.devKey, session: s1, body: { code: enrollCode } });
      assert.equal(v1.statusCode, 200, v1.body);

      // An email factor whose delivery fails: the fault is logged (with its cause), the secrets are not.
      const em = await h.call('POST', '/v1/factors', { devKey: t.devKey, session: s1, body: { type: 'email' } });
      assert.equal(em.statusCode, 502, em.body);

      // An API token, used once.
      const tok = await h.call('POST', '/v1/api-tokens', { devKey: t.devKey, session: s1, body: { name: 'ci' } });
      assert.equal(tok.statusCode, 201, tok.body);
      secrets.set('API token', tok.json().token);
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session: tok.json().token })).statusCode, 200);

      // Second sign-in: challenge, wrong code, right code with remember-this-device.
      const s2 = await signIn(h, t);
      secrets.set('session 2', s2);
      const c = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session: s2, body: {} });
      assert.equal(c.statusCode, 201, c.body);
      const code = lastSmsCode();
      const w2 = await h.call('POST', `/v1/mfa/challenges/${c.json().challengeId}/verify`, { devKey: t.devKey, session: s2, body: { code: wrongFor(code) } });
      assert.equal(w2.statusCode, 422);
      const v2 = await h.call('POST', `/v1/mfa/challenges/${c.json().challengeId}/verify`, {
        devKey: t.devKey, session: s2, body: { code, rememberMe: true, device: 'Ana’s laptop' },
      });
      assert.equal(v2.statusCode, 200, v2.body);
      const { rememberMeId } = v2.json();
      assert.ok(rememberMeId);
      secrets.set('rememberMeId', rememberMeId);

      // Sign-in with the remembered device (trusted at once), and with the wrong device.
      const r = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD, rememberMeId, device: 'Ana’s laptop' } });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().mfaStatus, 'COMPLETE');
      secrets.set('session 3', r.json().sessionId);
      const other = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD, rememberMeId, device: 'Other' } });
      assert.equal(other.statusCode, 401);
      const ok = await h.call('POST', '/v1/authorize', { devKey: t.devKey, session: r.json().sessionId, body: { operation: 'pay_bills' } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().allow, true, ok.body);

      // Sign out, then use the dead session.
      assert.equal((await h.call('DELETE', '/v1/session', { devKey: t.devKey, session: s2 })).statusCode, 204);
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session: s2 })).statusCode, 401);
    });

    it('logged the flow at debug level (so the search below is not vacuous)', () => {
      const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.ok(parsed.filter((l) => l.msg === 'incoming request').length >= 20, `request lines: ${parsed.filter((l) => l.msg === 'incoming request').length}`);
      assert.ok(parsed.filter((l) => l.msg === 'request completed').length >= 20);
      const fault = parsed.find((l) => l.msg === 'delivery failed');
      assert.ok(fault, 'the SMTP fault was logged');
      assert.equal(fault.channel, 'smtp');
      assert.match(String(fault.err), /ECONNREFUSED|connect/i, 'with its cause');
      assert.equal(parsed.filter((l) => l.msg === 'unhandled error').length, 0, 'an expected 502 is logged once, where it arose');
      assert.ok(codes.length >= 4);
      assert.ok(secrets.size >= 14);
    });

    it('no password, session ID, code, rememberMeId, developer key, API token, admin token or key appears in the log', () => {
      const log = lines.join('');
      for (const [name, value] of secrets) {
        assert.ok(value.length >= 8, `${name} is long enough to search for`);
        assert.ok(!log.includes(value), `the ${name} appears in the log:\n${lines.find((l) => l.includes(value))}`);
        // Also not escaped into a JSON string of its own (quotes, backslashes).
        assert.ok(!log.includes(JSON.stringify(value).slice(1, -1)), `the ${name} appears (escaped) in the log`);
      }
      const all = lines.flatMap((l) => strings(JSON.parse(l)));
      for (const code of codes) {
        const re = new RegExp(`(?<![0-9])${code}(?![0-9])`);
        const hit = all.find((s) => re.test(s));
        assert.equal(hit, undefined, `the code ${code} appears in the log: ${hit}`);
      }
    });
  });
}

describe('the logger censors secrets a caller hands it', () => {
  it('redacts credential headers and secret fields', () => {
    const lines: string[] = [];
    const log = createLogger('debug', { write: (s: string) => { lines.push(s); } });
    log.info({
      req: { method: 'POST', url: '/v1/sessions', headers: { authorization: 'Bearer s3cr3t-session', 'x-dev-key': 'dk_s3cr3t', cookie: 'sid=s3cr3t-cookie' } },
    }, 'incoming request');
    log.info({ input: { password: 's3cr3t-pass', code: '428913', rememberMeId: 's3cr3t-rm', sessionId: 's3cr3t-sid', token: 's3cr3t-token', devKey: 's3cr3t-dk' } }, 'input');
    log.info({ message: { destination: '+15555550100', body: 'Your code is 428913' } }, 'message');
    const text = lines.join('');
    for (const secret of ['s3cr3t-session', 'dk_s3cr3t', 's3cr3t-cookie', 's3cr3t-pass', '428913', 's3cr3t-rm', 's3cr3t-sid', 's3cr3t-token', 's3cr3t-dk']) {
      assert.ok(!text.includes(secret), `${secret} in ${text}`);
    }
    assert.ok(REDACT_PATHS.length > 0);
    assert.match(text, /\[redacted\]/);
  });

  it('keeps an error\'s own code but censors any other code', () => {
    const lines: string[] = [];
    const log = createLogger('debug', { write: (s: string) => { lines.push(s); } });
    log.error({ err: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) }, 'a');
    log.error({ err: Object.assign(new Error('x'), { code: 'LK_ERR_INTERNAL' }) }, 'b');
    log.error({ err: { code: '428913' } }, 'c');
    log.error({ err: { code: 'abcde-fghjk' } }, 'd');
    log.error({ input: { code: '428913' } }, 'e');
    const codes = lines.map((l) => (JSON.parse(l) as { err?: { code: string }; input?: { code: string } }));
    assert.equal(codes[0]!.err!.code, 'ECONNREFUSED');
    assert.equal(codes[1]!.err!.code, 'LK_ERR_INTERNAL');
    assert.equal(codes[2]!.err!.code, '[redacted]');
    assert.equal(codes[3]!.err!.code, '[redacted]');
    assert.equal(codes[4]!.input!.code, '[redacted]');
    assert.ok(!lines.join('').includes('428913'));
  });
});
