/**
 * Attack: reaching another organization's objects — its sessions, challenges,
 * factors, devices — with one's own credentials. They must look exactly like
 * missing ones, and nothing may change.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, PASSWORD, type Harness } from '../support/harness.ts';
import { challengeSms, createTenant, enrollSms, signIn, type Tenant } from '../support/fixtures.ts';

for (const backend of BACKENDS) {
  describe(`cross-organization access [${backend}]`, () => {
    let h: Harness;
    let a: Tenant;
    let b: Tenant;
    let sa: string;
    let sb: string;
    before(async () => {
      h = await createHarness(backend);
      a = await createTenant(h);
      b = await createTenant(h);
      sa = await signIn(h, a);
      sb = await signIn(h, b);
      await enrollSms(h, a, sa);
      await enrollSms(h, b, sb);
    });
    after(() => h.close());

    it('another organization\'s developer key cannot use a session', async () => {
      const r = await h.call('GET', '/v1/session', { devKey: b.devKey, session: sa });
      assert.equal(r.statusCode, 401);
      assert.equal(r.json().code, 'LK_ERR_SESSION_INVALID');
    });

    it('another organization\'s developer key cannot sign its users in', async () => {
      const r = await h.call('POST', '/v1/sessions', { devKey: b.devKey, body: { organizationId: a.orgId, username: a.username, password: PASSWORD } });
      assert.equal(r.statusCode, 401);
      assert.equal(r.json().code, 'LK_ERR_CREDENTIALS_INVALID');
    });

    it('another user\'s challenge looks missing and cannot be verified or resent', async () => {
      const { challengeId, code } = await challengeSms(h, a, await signIn(h, a));
      const verify = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: b.devKey, session: sb, body: { code } });
      const missing = await h.call('POST', '/v1/mfa/challenges/chl_AAAAAAAAAAAAAAAAAAAA/verify', { devKey: b.devKey, session: sb, body: { code } });
      assert.equal(verify.statusCode, 404);
      assert.deepEqual(verify.json(), missing.json());
      assert.equal((await h.call('POST', `/v1/mfa/challenges/${challengeId}/resend`, { devKey: b.devKey, session: sb })).statusCode, 404);
    });

    it('another user\'s factor and device look missing', async () => {
      const factors = (await h.call('GET', '/v1/factors', { devKey: a.devKey, session: sa })).json().factors;
      const r = await h.call('DELETE', `/v1/factors/${factors[0].factorId}`, { devKey: b.devKey, session: sb });
      assert.equal(r.statusCode, 404);
      assert.equal((await h.call('GET', '/v1/factors', { devKey: a.devKey, session: sa })).json().factors.length, 1, 'nothing changed');
      const { challengeId, code } = await challengeSms(h, a, sa);
      const v = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: a.devKey, session: sa, body: { code, rememberMe: true, device: 'laptop' } });
      const d = await h.call('DELETE', `/v1/devices/${v.json().deviceId}`, { devKey: b.devKey, session: sb });
      assert.equal(d.statusCode, 404);
      assert.equal((await h.call('GET', '/v1/devices', { devKey: a.devKey, session: sa })).json().devices.length, 1);
    });

    it('a rememberMeId of one user does not trust another user', async () => {
      const { challengeId, code } = await challengeSms(h, a, sa);
      const v = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: a.devKey, session: sa, body: { code, rememberMe: true, device: 'shared' } });
      const r = await h.call('POST', '/v1/sessions', { devKey: b.devKey, body: { organizationId: b.orgId, username: b.username, password: PASSWORD, rememberMeId: v.json().rememberMeId, device: 'shared' } });
      assert.equal(r.statusCode, 401);
      assert.equal(r.json().code, 'LK_ERR_REMEMBERED_DEVICE_INVALID');
    });
  });
}
