import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTenant, enrollSms, signIn } from '../support/fixtures.ts';
import { PASSWORD } from '../support/harness.ts';

for (const backend of BACKENDS) {
  describe(`admin API [${backend}]`, () => {
    let h: Harness;
    before(async () => {
      h = await createHarness(backend);
    });
    after(() => h.close());

    it('sets an organization\'s MFA requirement and settings', async () => {
      const t = await createTenant(h);
      const session = await signIn(h, t);
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session })).json().mfaStatus, 'SETUP');
      const r = await h.call('PATCH', `/v1/admin/organizations/${t.orgId}`, { admin: true, body: { mfaRequired: false, rememberDeviceDays: 30 } });
      assert.equal(r.statusCode, 200);
      assert.equal(r.json().mfaRequired, false);
      assert.equal(r.json().rememberDeviceDays, 30);
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session })).json().mfaStatus, 'DISABLED');
      const read = await h.call('GET', `/v1/admin/organizations/${t.orgId}`, { admin: true });
      assert.equal(read.json().mfaRequired, false);
      assert.equal((await h.call('GET', `/v1/admin/organizations/${t.orgId}/users`, { admin: true })).json().users.length, 1);
    });

    it('lists and revokes a user\'s remembered devices; a revoked rememberMeId is refused', async () => {
      const t = await createTenant(h);
      const session = await signIn(h, t);
      await enrollSms(h, t, session);
      const c = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: {} });
      const [m] = await h.lk.deps.store.outbox.list({ destination: t.phone, limit: 1 });
      const code = m!.body.match(/(\d{6})/)![1];
      const v = await h.call('POST', `/v1/mfa/challenges/${c.json().challengeId}/verify`, { devKey: t.devKey, session, body: { code, rememberMe: true, device: 'kiosk' } });
      const list = await h.call('GET', `/v1/admin/users/${t.userId}/devices`, { admin: true });
      assert.deepEqual(list.json().devices.map((d: { deviceName: string }) => d.deviceName), ['kiosk']);
      assert.equal((await h.call('DELETE', `/v1/admin/users/${t.userId}/devices/${v.json().deviceId}`, { admin: true })).statusCode, 204);
      const refused = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: 'correct horse battery staple', rememberMeId: v.json().rememberMeId, device: 'kiosk' } });
      assert.equal(refused.statusCode, 401);
      const events = (await h.call('GET', `/v1/admin/audit?userId=${t.userId}`, { admin: true })).json().events.map((e: { type: string }) => e.type);
      for (const type of ['sign_in.succeeded', 'challenge.sent', 'challenge.verified', 'device.remembered', 'device.revoked', 'device.refused', 'factor.activated']) {
        assert.ok(events.includes(type), `audit has ${type}`);
      }
    });

    it('revokes a developer key: it and the sessions opened with it are refused at once; twice is once; unknown keys are 404', async () => {
      const t = await createTenant(h);
      const made = await h.call('POST', `/v1/admin/organizations/${t.orgId}/dev-keys`, { admin: true, body: { name: 'leaked' } });
      const { keyId, key } = made.json();
      const r = await h.call('POST', '/v1/sessions', { devKey: key, body: { organizationId: t.orgId, username: t.username, password: PASSWORD } });
      const session = r.json().sessionId;
      assert.equal((await h.call('GET', '/v1/session', { devKey: key, session })).statusCode, 200, 'the key works and is now remembered');
      assert.equal((await h.call('DELETE', `/v1/admin/dev-keys/${keyId}`, { admin: true })).statusCode, 204);
      const refused = await h.call('GET', '/v1/session', { devKey: key, session });
      assert.equal(refused.statusCode, 401);
      assert.equal(refused.json().code, 'LK_ERR_DEV_KEY_INVALID');
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session: await signIn(h, t) })).statusCode, 200, 'other keys keep working');
      assert.equal((await h.call('DELETE', `/v1/admin/dev-keys/${keyId}`, { admin: true })).statusCode, 204);
      const events = (await h.call('GET', `/v1/admin/audit?organizationId=${t.orgId}&type=dev_key.revoked`, { admin: true })).json().events;
      assert.equal(events.length, 1, 'one revocation, one audit event');
      assert.equal(events[0].data.keyId, keyId);
      const unknown = await h.call('DELETE', '/v1/admin/dev-keys/key_nosuchkey', { admin: true });
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().field, 'keyId');
      assert.equal((await h.call('DELETE', `/v1/admin/dev-keys/${keyId}`, {})).statusCode, 401, 'admins only');
    });

    it('moves the sandbox clock forward only', async () => {
      const before = (await h.call('GET', '/v1/admin/clock', { admin: true })).json();
      const moved = await h.call('POST', '/v1/admin/clock/advance', { admin: true, body: { days: 1 } });
      assert.equal(moved.json().offsetSeconds - before.offsetSeconds, 86_400);
      const back = await h.call('POST', '/v1/admin/clock/advance', { admin: true, body: { minutes: -5 } });
      assert.equal(back.statusCode, 400);
      assert.equal(back.json().field, 'body.minutes');
      const empty = await h.call('POST', '/v1/admin/clock/advance', { admin: true, body: {} });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.json().detail, /^body needs at least one of: (seconds|minutes|days)(, (seconds|minutes|days)){2}\.$/);
    });
  });
}

describe('outside sandbox mode', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness('sqlite', { env: { LATCHKEY_SANDBOX: 'false', LATCHKEY_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`, LATCHKEY_MAC_KEY: Buffer.alloc(32, 9).toString('base64') } });
  });
  after(() => h.close());

  it('the clock does not move and the sandbox operations do not exist', async () => {
    const r = await h.call('POST', '/v1/admin/clock/advance', { admin: true, body: { days: 1 } });
    assert.equal(r.statusCode, 403);
    assert.equal(r.json().code, 'LK_ERR_SANDBOX_ONLY');
    assert.equal((await h.call('POST', '/v1/operations/pay-bills', { body: {} })).statusCode, 404);
  });

  it('a webhook must be https on a public address (no requests into the server\'s own network)', async () => {
    const o = await h.call('POST', '/v1/admin/organizations', { admin: true, body: { name: 'Hooks Co' } });
    const orgId = o.json().organizationId;
    for (const url of ['http://example.com/hook', 'https://127.0.0.1/hook', 'https://169.254.169.254/latest', 'https://[::1]/x', 'https://10.1.2.3/x', 'https://localhost/x']) {
      const r = await h.call('POST', `/v1/admin/organizations/${orgId}/webhooks`, { admin: true, body: { url } });
      assert.equal(r.statusCode, 400, url);
      assert.equal(r.json().field, 'url');
    }
  });
});
