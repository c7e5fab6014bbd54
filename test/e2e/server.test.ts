import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BACKENDS, createTestDatabase } from '../support/backends.ts';
import { CLI, serve, stop } from '../support/serve.ts';

const run = promisify(execFile);

for (const backend of BACKENDS) {
  describe(`latchkey serve, as a user starts it [${backend}]`, () => {
    let dataDir: string;
    let env: Record<string, string>;
    let drop: (() => Promise<void>) | undefined;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'latchkey-e2e-'));
      env = { LATCHKEY_DATA_DIR: dataDir };
      if (backend === 'postgres') {
        const db = await createTestDatabase();
        drop = db.drop;
        env.DATABASE_URL = db.url;
      }
    });
    after(async () => {
      await drop?.();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('seeds the sandbox, writes data/sandbox.json, serves docs, and a newcomer completes MFA with it', async () => {
      const { child, url } = await serve(env);
      try {
        const creds = JSON.parse(readFileSync(join(dataDir, 'sandbox.json'), 'utf8'));
        assert.equal(creds.baseUrl, url);
        assert.match(creds.organizationId, /^008/);
        assert.match(creds.user.userId, /^006/);
        for (const k of ['adminToken', 'devKey', 'partnerKey']) assert.ok(creds[k], k);

        assert.equal((await fetch(`${url}/docs`)).status, 200);
        const spec = await (await fetch(`${url}/openapi.json`)).json();
        assert.equal(spec.openapi, '3.1.0');

        const json = { 'content-type': 'application/json', 'x-dev-key': creds.devKey };
        const signIn = await fetch(`${url}/v1/sessions`, { method: 'POST', headers: json, body: JSON.stringify({ organizationId: creds.organizationId, username: creds.user.username, password: creds.user.password }) });
        assert.equal(signIn.status, 201);
        const { sessionId, mfaStatus } = await signIn.json();
        assert.equal(mfaStatus, 'CHALLENGE', 'the sandbox user has a registered phone');
        const auth = { ...json, authorization: `Bearer ${sessionId}` };
        const challenge = await (await fetch(`${url}/v1/mfa/challenges`, { method: 'POST', headers: auth, body: '{}' })).json();
        assert.equal(challenge.destination, '•••• 0100');

        const { stdout } = await run(process.execPath, [CLI, 'outbox', '--limit', '1'], { env: { ...process.env, ...env } });
        const code = stdout.match(/code is (\d{6})/)?.[1];
        assert.ok(code, stdout);
        const verified = await fetch(`${url}/v1/mfa/challenges/${challenge.challengeId}/verify`, { method: 'POST', headers: auth, body: JSON.stringify({ code }) });
        assert.equal(verified.status, 200);
        assert.equal((await fetch(`${url}/v1/operations/pay-bills`, { method: 'POST', headers: auth, body: '{"amount":1}' })).status, 201);

        const admin = { 'content-type': 'application/json', authorization: `Bearer ${creds.adminToken}` };
        const moved = await fetch(`${url}/v1/admin/clock/advance`, { method: 'POST', headers: admin, body: JSON.stringify({ minutes: 36 }) });
        assert.equal(moved.status, 200);
        assert.equal((await fetch(`${url}/v1/session`, { headers: auth })).status, 401, 'idled out after 35 minutes of sandbox time');
      } finally {
        await stop(child);
      }
    });

    it('a restart keeps the credentials, the data and the sandbox clock', async () => {
      const first = JSON.parse(readFileSync(join(dataDir, 'sandbox.json'), 'utf8'));
      const { child, url } = await serve(env);
      try {
        const again = JSON.parse(readFileSync(join(dataDir, 'sandbox.json'), 'utf8'));
        assert.equal(again.devKey, first.devKey);
        assert.equal(again.organizationId, first.organizationId);
        const clock = await (await fetch(`${url}/v1/admin/clock`, { headers: { authorization: `Bearer ${again.adminToken}` } })).json();
        assert.ok(clock.offsetSeconds >= 36 * 60);
      } finally {
        await stop(child);
      }
    });

    it('latchkey admin reseal: with a new key put first, stored secrets move to it, and then the old key can go', async () => {
      const { child, url } = await serve(env);
      try {
        const creds = JSON.parse(readFileSync(join(dataDir, 'sandbox.json'), 'utf8'));
        const webhook = await fetch(`${url}/v1/admin/organizations/${creds.organizationId}/webhooks`, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${creds.adminToken}` }, body: JSON.stringify({ url: 'http://127.0.0.1:9/hook' }),
        });
        assert.equal(webhook.status, 201, 'a webhook endpoint: its signing secret is sealed');
      } finally {
        await stop(child);
      }
      const oldKeys = (JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as { encryptionKeys: string }).encryptionKeys;
      const fresh = `k2:${randomBytes(32).toString('base64')}`;
      const reseal = (keys: string) => run(process.execPath, [CLI, 'admin', 'reseal'], { env: { ...process.env, ...env, LATCHKEY_ENCRYPTION_KEYS: keys } });
      assert.match((await reseal(`${fresh},${oldKeys}`)).stdout, /"webhook_endpoints\.secret_enc": 1/);
      const alone = (await reseal(fresh)).stdout;
      assert.match(alone, /"webhook_endpoints\.secret_enc": 0/);
      assert.match(alone, /"unreadable": \[\]/);
      assert.match(alone, /the others can now be removed/);
    });

    it('latchkey admin create-org and create-user answer as the admin API does, and refuse what it refuses', async () => {
      const cli = (...args: string[]) => run(process.execPath, [CLI, 'admin', ...args], { env: { ...process.env, ...env } });
      const org = JSON.parse((await cli('create-org', 'CLI Org')).stdout);
      assert.match(org.organizationId, /^008/);
      assert.match(org.createdAt, /^\d{4}-\d{2}-\d{2}T/, 'times as ISO 8601, as the API shows them');
      const refused = async (args: string[], pattern: RegExp) => {
        const err = await cli(...args).then(() => assert.fail(`accepted: ${args.join(' ')}`), (e: { code: number; stderr: string }) => e);
        assert.equal(err.code, 1);
        assert.match(err.stderr, pattern);
      };
      await refused(['create-user', org.organizationId, 'bob', '--password', 'x'], /^latchkey: password: .*8 to 1024.*\(LK_ERR_VALIDATION\)/);
      await refused(['create-user', org.organizationId, 'bob', '--password', 'long enough', '--phone', '555'], /phone: .*E\.164.*\(LK_ERR_VALIDATION\)/);
      await refused(['create-user', org.organizationId, 'bob', '--password', 'long enough', '--email', 'Erin <a@b.c>, f@g.h'], /email: .*\(LK_ERR_VALIDATION\)/);
      await refused(['create-user', '008nope', 'bob', '--password', 'long enough'], /organizationId: .*\(LK_ERR_NOT_FOUND\)/);
      const user = JSON.parse((await cli('create-user', org.organizationId, 'bob', '--password', 'long enough', '--phone', '+14155550142')).stdout);
      assert.equal(user.username, 'bob', 'bob was refused until his input was right, then made once');
      assert.equal(user.organizationId, org.organizationId);
      assert.equal(user.passwordHash, undefined);
      assert.equal(user.locked, false);
    });

    it('latchkey migrate reports an up-to-date database; --help works on each command', async () => {
      const { stdout } = await run(process.execPath, [CLI, 'migrate'], { env: { ...process.env, ...env } });
      assert.match(stdout, /up to date/);
      for (const cmd of ['serve', 'migrate', 'outbox', 'admin']) {
        const help = await run(process.execPath, [CLI, cmd, '--help']);
        assert.match(help.stdout, /Usage: latchkey/);
      }
    });
  });
}

describe('latchkey helpers pointed at the wrong data directory', () => {
  it('say there is no database instead of creating an empty one', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'latchkey-e2e-')), 'nowhere');
    const env = { ...process.env, LATCHKEY_DATA_DIR: missing, DATABASE_URL: '' };
    await assert.rejects(run(process.execPath, [CLI, 'outbox'], { env }), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 1);
      assert.match(err.stderr, /No Latchkey database at .*nowhere.*latchkey\.sqlite/);
      return true;
    });
    assert.equal(existsSync(missing), false, 'nothing was created');
  });
});
