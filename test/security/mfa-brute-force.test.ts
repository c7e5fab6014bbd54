/**
 * Attack: guessing a 6-digit code. Each challenge takes 5 wrong codes and then is
 * dead; a resend keeps the count; ten consecutive failures (sign-in and MFA
 * together) lock the account for 30 minutes until it expires or an admin clears it.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, PASSWORD, type Harness } from '../support/harness.ts';
import { challengeSms, createTenant, enrollSms, latestCode, signIn, type Tenant } from '../support/fixtures.ts';

const wrongOf = (code: string) => (code === '000000' ? '111111' : '000000');

for (const backend of BACKENDS) {
  describe(`MFA brute force [${backend}]`, () => {
    let h: Harness;
    before(async () => {
      h = await createHarness(backend);
    });
    after(() => h.close());

    async function trustedTenant(): Promise<Tenant> {
      const t = await createTenant(h);
      await enrollSms(h, t, await signIn(h, t));
      return t;
    }

    it('a challenge dies after 5 wrong codes, even for the right code after', async () => {
      const t = await trustedTenant();
      const session = await signIn(h, t);
      const { challengeId, code } = await challengeSms(h, t, session);
      for (let i = 0; i < 4; i++) {
        const r = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code: wrongOf(code) } });
        assert.equal(r.json().code, 'LK_ERR_CHALLENGE_INVALID_CODE');
      }
      const fifth = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code: wrongOf(code) } });
      assert.equal(fifth.statusCode, 410);
      assert.equal(fifth.json().code, 'LK_ERR_CHALLENGE_ATTEMPTS_EXHAUSTED');
      const right = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code } });
      assert.equal(right.statusCode, 410);
      const info = await h.call('GET', '/v1/session', { devKey: t.devKey, session });
      assert.equal(info.json().trusted, false, 'nothing changed');
    });

    it('a resend sends a new code but keeps the failure count', async () => {
      const t = await trustedTenant();
      const session = await signIn(h, t);
      const { challengeId, code } = await challengeSms(h, t, session);
      for (let i = 0; i < 3; i++) await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code: wrongOf(code) } });
      const resent = await h.call('POST', `/v1/mfa/challenges/${challengeId}/resend`, { devKey: t.devKey, session });
      assert.equal(resent.statusCode, 200, resent.body);
      assert.equal(resent.json().attemptsRemaining, 2);
      const fresh = await latestCode(h, t.phone);
      const old = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code: fresh === code ? wrongOf(code) : code } });
      assert.equal(old.json().code, 'LK_ERR_CHALLENGE_INVALID_CODE', 'the old code no longer works');
      assert.match(old.json().detail, /1 attempt left/);
      const ok = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code: fresh } });
      assert.equal(ok.statusCode, 200);
    });

    it('ten consecutive failures lock the account for 30 minutes; an admin can clear it', async () => {
      const t = await trustedTenant();
      const session = await signIn(h, t);
      for (let round = 0; round < 2; round++) {
        const { challengeId, code } = await challengeSms(h, t, session);
        for (let i = 0; i < 5; i++) await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code: wrongOf(code) } });
      }
      const locked = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD } });
      assert.equal(locked.statusCode, 423);
      assert.equal(locked.json().code, 'LK_ERR_ACCOUNT_LOCKED');
      const retryAfter = Number(locked.headers['retry-after']);
      assert.ok(retryAfter > 29 * 60 && retryAfter <= 30 * 60, `Retry-After ${retryAfter}`);
      const challenge = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: {} });
      assert.equal(challenge.statusCode, 423, 'no MFA either while locked');

      const audit = await h.call('GET', `/v1/admin/audit?userId=${t.userId}&type=account.locked`, { admin: true });
      assert.equal(audit.json().events.length, 1);
      const unlock = await h.call('POST', `/v1/admin/users/${t.userId}/unlock`, { admin: true });
      assert.equal(unlock.statusCode, 200);
      assert.equal(unlock.json().locked, false);
      await signIn(h, t);
      const cleared = await h.call('GET', `/v1/admin/audit?userId=${t.userId}&type=account.unlocked`, { admin: true });
      assert.equal(cleared.json().events.length, 1);
    });

    it('signing in again with the password does not reset the run of MFA failures', async () => {
      const t = await trustedTenant();
      for (let round = 0; round < 2; round++) {
        const session = await signIn(h, t);
        const { challengeId, code } = await challengeSms(h, t, session);
        for (let i = 0; i < 5; i++) await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code: wrongOf(code) } });
      }
      const r = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD } });
      assert.equal(r.statusCode, 423, 'ten MFA failures across two sign-ins lock the account');
    });

    it('a locked account answers a wrong password like any wrong password (no enumeration by lock)', async () => {
      const t = await trustedTenant();
      const session = await signIn(h, t);
      for (let round = 0; round < 2; round++) {
        const { challengeId, code } = await challengeSms(h, t, session);
        for (let i = 0; i < 5; i++) await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code: wrongOf(code) } });
      }
      const wrong = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: 'not it' } });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().code, 'LK_ERR_CREDENTIALS_INVALID');
    });

    it('the lock lifts by itself after 30 minutes', async () => {
      const t = await trustedTenant();
      const session = await signIn(h, t);
      for (let round = 0; round < 2; round++) {
        const { challengeId, code } = await challengeSms(h, t, session);
        for (let i = 0; i < 5; i++) await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code: wrongOf(code) } });
      }
      h.time.advance(29 * 60_000);
      assert.equal((await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD } })).statusCode, 423);
      h.time.advance(2 * 60_000);
      await signIn(h, t);
    });

    it('a user may be sent at most 10 codes an hour', async () => {
      const t = await trustedTenant();
      const session = await signIn(h, t);
      // enrollSms already sent one code this hour.
      for (let i = 0; i < 9; i++) assert.equal((await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: {} })).statusCode, 201);
      const r = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: {} });
      assert.equal(r.statusCode, 429);
      assert.ok(Number(r.headers['retry-after']) > 0);
    });

    it('once the hourly codes are used up, a way that sends nothing (backup codes) still works', async () => {
      const t = await createTenant(h);
      const first = await signIn(h, t);
      await enrollSms(h, t, first); // one code sent, and the session trusted
      const { backupCodes } = (await h.call('POST', '/v1/factors', { devKey: t.devKey, session: first, body: { type: 'backup_codes' } })).json();
      const session = await signIn(h, t);
      for (let i = 0; i < 9; i++) assert.equal((await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: {} })).statusCode, 201);
      assert.equal((await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: {} })).statusCode, 429, 'no more texts this hour');
      const c = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: { useBackup: true } });
      assert.equal(c.statusCode, 201, c.body);
      const v = await h.call('POST', `/v1/mfa/challenges/${c.json().challengeId}/verify`, { devKey: t.devKey, session, body: { code: backupCodes[0] } });
      assert.equal(v.statusCode, 200, v.body);
    });

    it('challenges that send nothing have an hourly budget too, so their guesses stay bounded', async () => {
      const t = await createTenant(h);
      const first = await signIn(h, t);
      await enrollSms(h, t, first);
      assert.equal((await h.call('POST', '/v1/factors', { devKey: t.devKey, session: first, body: { type: 'backup_codes' } })).statusCode, 201);
      const session = await signIn(h, t);
      const start = () => h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: { useBackup: true } });
      for (let i = 0; i < 10; i++) assert.equal((await start()).statusCode, 201);
      const over = await start();
      assert.equal(over.statusCode, 429);
      assert.match(over.json().detail, /without a sent code/);
    });
  });
}
