import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { authenticate, resolveDevKey } from '../../src/core/session/sessions.ts';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, PASSWORD, type Harness } from '../support/harness.ts';
import { challengeSms, createTenant, enrollSms, latestCode, signIn, type Tenant } from '../support/fixtures.ts';

for (const backend of BACKENDS) {
  describe(`sign-in and MFA over HTTP [${backend}]`, () => {
    let h: Harness;
    let t: Tenant;
    before(async () => {
      h = await createHarness(backend);
      t = await createTenant(h);
    });
    after(() => h.close());

    it('a new user signs in with mfaStatus SETUP, enrolls a phone, and the session becomes COMPLETE', async () => {
      const r = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD } });
      assert.equal(r.statusCode, 201);
      assert.equal(r.json().mfaStatus, 'SETUP');
      assert.equal(r.json().trusted, false);
      const session = r.json().sessionId;
      assert.ok(session.length >= 22, 'at least 128 bits');
      await enrollSms(h, t, session);
      const info = await h.call('GET', '/v1/session', { devKey: t.devKey, session });
      assert.equal(info.json().mfaStatus, 'COMPLETE');
      assert.equal(info.json().trustMethod, 'sms');
    });

    it('the next sign-in is CHALLENGE until a code is verified; a protected operation is refused then accepted', async () => {
      const session = await signIn(h, t);
      const info = await h.call('GET', '/v1/session', { devKey: t.devKey, session });
      assert.equal(info.json().mfaStatus, 'CHALLENGE');
      const denied = await h.call('POST', '/v1/operations/pay-bills', { devKey: t.devKey, session, body: { amount: 10 } });
      assert.equal(denied.statusCode, 403);
      assert.equal(denied.json().code, 'LK_ERR_MFA_REQUIRED');
      const { challengeId, code } = await challengeSms(h, t, session);
      const v = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code } });
      assert.equal(v.statusCode, 200, v.body);
      const ok = await h.call('POST', '/v1/operations/pay-bills', { devKey: t.devKey, session, body: { amount: 10 } });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.match(ok.json().requestId, /^req_/);
    });

    it('the session idles out after 35 minutes without a call, and each call resets the timer', async () => {
      const session = await signIn(h, t);
      h.time.advance(30 * 60_000);
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session })).statusCode, 200);
      h.time.advance(30 * 60_000);
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session })).statusCode, 200, 'reset by the previous call');
      h.time.advance(35 * 60_000);
      const gone = await h.call('GET', '/v1/session', { devKey: t.devKey, session });
      assert.equal(gone.statusCode, 401);
      assert.equal(gone.json().code, 'LK_ERR_SESSION_INVALID');
    });

    it('a check that is not the user\'s own call (an event stream\'s heartbeat) does not keep the session alive', async () => {
      const session = await signIn(h, t);
      const devKey = await resolveDevKey(h.lk.deps, t.devKey);
      for (let i = 0; i < 3; i++) {
        h.time.advance(10 * 60_000);
        await authenticate(h.lk.deps, session, devKey, { touch: false }); // still within 35 minutes of the sign-in
      }
      h.time.advance(6 * 60_000);
      const gone = await h.call('GET', '/v1/session', { devKey: t.devKey, session });
      assert.equal(gone.statusCode, 401, '36 minutes with only quiet checks: idled out');
    });

    it('logout ends the session at once', async () => {
      const session = await signIn(h, t);
      assert.equal((await h.call('DELETE', '/v1/session', { devKey: t.devKey, session })).statusCode, 204);
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session })).statusCode, 401);
    });

    it('remember this device: a rememberMeId with the same device signs in trusted; another device is refused', async () => {
      const session = await signIn(h, t);
      const { challengeId, code } = await challengeSms(h, t, session);
      const v = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code, rememberMe: true, device: 'Ana’s laptop' } });
      const { rememberMeId } = v.json();
      assert.ok(rememberMeId);
      const r = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD, rememberMeId, device: 'Ana’s laptop' } });
      assert.equal(r.json().mfaStatus, 'COMPLETE');
      const other = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD, rememberMeId, device: 'Other' } });
      assert.equal(other.statusCode, 401);
      assert.equal(other.json().code, 'LK_ERR_REMEMBERED_DEVICE_INVALID');
      h.time.advance(181 * 24 * 3600_000);
      const expired = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD, rememberMeId, device: 'Ana’s laptop' } });
      assert.equal(expired.statusCode, 401);
    });

    it('a challenge expires after 10 minutes', async () => {
      const session = await signIn(h, t);
      const { challengeId, code } = await challengeSms(h, t, session);
      h.time.advance(10 * 60_000 + 1);
      const r = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code } });
      assert.equal(r.statusCode, 410);
      assert.equal(r.json().code, 'LK_ERR_CHALLENGE_EXPIRED');
      const resend = await h.call('POST', `/v1/mfa/challenges/${challengeId}/resend`, { devKey: t.devKey, session });
      assert.equal(resend.statusCode, 410, 'an expired challenge is not resent; start a new one');
    });

    it('the user picks the factor a challenge uses', async () => {
      const session = await signIn(h, t);
      const factors = (await h.call('GET', '/v1/factors', { devKey: t.devKey, session })).json().factors;
      const sms = factors.find((f: { type: string }) => f.type === 'sms');
      const c = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: { factorId: sms.factorId } });
      assert.equal(c.statusCode, 201);
      assert.equal(c.json().factorId, sms.factorId);
      assert.match(c.json().destination, /^•••• \d{4}$/);
      const noBody = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session });
      assert.equal(noBody.statusCode, 201, 'a body is optional');
      const none = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: { type: 'totp' } });
      assert.equal(none.statusCode, 409);
      assert.equal(none.json().code, 'LK_ERR_NO_FACTOR');
    });

    it('a wrong code is refused with the attempts left and the code still works after', async () => {
      const session = await signIn(h, t);
      const { challengeId, code } = await challengeSms(h, t, session);
      const wrong = code === '000000' ? '111111' : '000000';
      const r = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code: wrong } });
      assert.equal(r.statusCode, 422);
      assert.equal(r.json().code, 'LK_ERR_CHALLENGE_INVALID_CODE');
      assert.equal(r.json().field, 'code');
      assert.match(r.json().detail, /4 attempts left/);
      const ok = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code: await latestCode(h, t.phone) } });
      assert.equal(ok.statusCode, 200);
    });
  });
}
