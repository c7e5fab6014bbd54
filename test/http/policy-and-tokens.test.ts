import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, PASSWORD, type Harness } from '../support/harness.ts';
import { challengeSms, createTenant, enrollSms, signIn, type Tenant } from '../support/fixtures.ts';

for (const backend of BACKENDS) {
  describe(`policy, step-up and API tokens [${backend}]`, () => {
    let h: Harness;
    let t: Tenant;
    before(async () => {
      h = await createHarness(backend);
      t = await createTenant(h);
      await enrollSms(h, t, await signIn(h, t));
    });
    after(() => h.close());

    const authorize = (session: string | undefined, operation: string) => h.call('POST', '/v1/authorize', { devKey: t.devKey, session, body: { operation } });

    it('authorize answers allow or deny with the reason and the next step', async () => {
      const session = await signIn(h, t);
      const denied = await authorize(session, 'pay_bills');
      assert.equal(denied.statusCode, 200);
      assert.deepEqual({ allow: denied.json().allow, reason: denied.json().reason }, { allow: false, reason: 'mfa_required' });
      assert.match(denied.json().next, /mfa\/challenges/);
      assert.equal((await authorize(session, 'read')).json().allow, true);
      assert.equal((await authorize(session, 'no_such_operation')).json().reason, 'forbidden');
      assert.equal((await authorize('not-a-session', 'pay_bills')).json().reason, 'session_expired');
      assert.equal((await authorize(undefined, 'pay_bills')).json().reason, 'session_expired');
      const { challengeId, code } = await challengeSms(h, t, session);
      await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code } });
      assert.deepEqual((await authorize(session, 'pay_bills')).json(), { allow: true, operation: 'pay_bills' });
    });

    it('changing factors needs a verification in the last 10 minutes (step-up)', async () => {
      const session = await signIn(h, t);
      const untrusted = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'totp' } });
      assert.equal(untrusted.statusCode, 403);
      assert.equal(untrusted.json().code, 'LK_ERR_MFA_REQUIRED');
      const { challengeId, code } = await challengeSms(h, t, session);
      await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code } });
      h.time.advance(11 * 60_000);
      const stale = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'totp' } });
      assert.equal(stale.statusCode, 403);
      assert.equal(stale.json().code, 'LK_ERR_STEP_UP_REQUIRED');
      const again = await challengeSms(h, t, session);
      await h.call('POST', `/v1/mfa/challenges/${again.challengeId}/verify`, { devKey: t.devKey, session, body: { code: again.code } });
      assert.equal((await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'totp' } })).statusCode, 201, 'a fresh challenge restores it');
    });

    it('before the step-up, only the request\'s own input is judged: nothing of the user\'s records shows', async () => {
      const phone = '+15550009876';
      const u = await h.call('POST', `/v1/admin/organizations/${t.orgId}/users`, { admin: true, body: { username: 'no-email', password: PASSWORD, phone } });
      assert.equal(u.statusCode, 201, u.body);
      const them = { ...t, userId: u.json().userId, username: 'no-email', phone };
      await enrollSms(h, them, await signIn(h, them));
      const session = await signIn(h, them);
      const email = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'email' } });
      assert.equal(email.json().code, 'LK_ERR_MFA_REQUIRED', 'not "no email address on file", which a password alone must not learn');
    });

    it('an API token is read-only by default, never MFA-trusted, revocable, and lives past the idle timeout', async () => {
      const session = await signIn(h, t);
      const untrusted = await h.call('POST', '/v1/api-tokens', { devKey: t.devKey, session, body: { name: 'reporting' } });
      assert.equal(untrusted.statusCode, 403, 'minting a long-lived credential needs MFA first');
      assert.equal(untrusted.json().code, 'LK_ERR_MFA_REQUIRED');
      const { challengeId, code } = await challengeSms(h, t, session);
      await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code } });
      const created = await h.call('POST', '/v1/api-tokens', { devKey: t.devKey, session, body: { name: 'reporting' } });
      assert.equal(created.statusCode, 201, created.body);
      const { token, tokenId, scope } = created.json();
      assert.equal(scope, 'read');
      const info = await h.call('GET', '/v1/session', { devKey: t.devKey, session: token });
      assert.equal(info.json().kind, 'api_token');
      assert.equal(info.json().trusted, false);
      assert.equal((await authorize(token, 'pay_bills')).json().reason, 'forbidden');
      const challenge = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session: token, body: {} });
      assert.equal(challenge.statusCode, 403, 'a token cannot become trusted');
      assert.equal((await h.call('DELETE', `/v1/api-tokens/${tokenId}`, { devKey: t.devKey, session: token })).statusCode, 403, 'a token cannot manage tokens');
      assert.equal((await h.call('DELETE', '/v1/devices/dev_x', { devKey: t.devKey, session: token })).statusCode, 403, 'nor devices');
      h.time.advance(24 * 3600_000);
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session: token })).statusCode, 200);
      const fresh = await signIn(h, t);
      const list = await h.call('GET', '/v1/api-tokens', { devKey: t.devKey, session: fresh });
      assert.deepEqual(list.json().tokens.map((x: { tokenId: string }) => x.tokenId), [tokenId]);
      assert.equal((await h.call('DELETE', `/v1/api-tokens/${tokenId}`, { devKey: t.devKey, session: fresh })).statusCode, 204);
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session: token })).statusCode, 401);
    });

    it('an organization with MFA off reports DISABLED and allows protected operations', async () => {
      const off = await createTenant(h, { mfaRequired: false });
      const session = await signIn(h, off);
      assert.equal((await h.call('GET', '/v1/session', { devKey: off.devKey, session })).json().mfaStatus, 'DISABLED');
      assert.equal((await h.call('POST', '/v1/operations/send-invite', { devKey: off.devKey, session, body: {} })).statusCode, 201);
    });

    it('the idle timeout is the organization\'s own, and the absolute lifetime caps an active session', async () => {
      const short = await createTenant(h, { sessionIdleMinutes: 5 });
      const session = await signIn(h, short);
      h.time.advance(6 * 60_000);
      assert.equal((await h.call('GET', '/v1/session', { devKey: short.devKey, session })).statusCode, 401);
      const busy = await signIn(h, t);
      for (let i = 0; i < 25; i++) {
        h.time.advance(30 * 60_000);
        const r = await h.call('GET', '/v1/session', { devKey: t.devKey, session: busy });
        if (i < 23) assert.equal(r.statusCode, 200, `call ${i}`);
        else assert.equal(r.statusCode, 401, '12 hours passed');
      }
    });
  });
}
