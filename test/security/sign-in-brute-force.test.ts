/**
 * Attack: password guessing and account enumeration. Unknown users and wrong
 * passwords give the same error after the same argon2id work; failures per account
 * and per client address are limited with 429 and Retry-After.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, PASSWORD, type Harness } from '../support/harness.ts';
import { createTenant, signIn } from '../support/fixtures.ts';

for (const backend of BACKENDS) {
  describe(`sign-in brute force [${backend}]`, () => {
    let h: Harness;
    let verifies = 0;
    before(async () => {
      h = await createHarness(backend, { env: { LATCHKEY_SIGN_IN_FAILURES_PER_ADDRESS: '12' } });
      const inner = h.lk.deps.hasher;
      h.lk.deps.hasher = { hash: inner.hash, verify: (hash, pw) => ((verifies += 1), inner.verify(hash, pw)) };
    });
    after(() => h.close());

    const attempt = (t: { devKey: string; orgId: string }, username: string, password: string, ip = '10.0.0.1') =>
      h.app.inject({ method: 'POST', url: '/v1/sessions', remoteAddress: ip, headers: { 'x-dev-key': t.devKey }, payload: { organizationId: t.orgId, username, password } });

    it('an unknown user and a wrong password look the same and cost one argon2id verify each', async () => {
      const t = await createTenant(h);
      const before = verifies;
      const unknown = await attempt(t, 'nobody', PASSWORD, '10.0.1.1');
      const wrong = await attempt(t, t.username, 'wrong password', '10.0.1.2');
      assert.equal(verifies - before, 2);
      assert.equal(unknown.statusCode, 401);
      assert.deepEqual(unknown.json(), wrong.json());
      assert.equal(unknown.json().code, 'LK_ERR_CREDENTIALS_INVALID');
    });

    it('five failures on one account in 15 minutes give 429 with Retry-After, even for the right password', async () => {
      const t = await createTenant(h);
      for (let i = 0; i < 5; i++) assert.equal((await attempt(t, t.username, `guess-${i}`, `10.1.0.${i}`)).statusCode, 401);
      const limited = await attempt(t, t.username, PASSWORD, '10.1.0.9');
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().code, 'LK_ERR_RATE_LIMITED');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      h.time.advance(15 * 60_000);
      assert.equal((await attempt(t, t.username, PASSWORD, '10.1.0.9')).statusCode, 201, 'the window passed');
    });

    it('failures from one address across many accounts are limited too', async () => {
      const t = await createTenant(h);
      for (let i = 0; i < 12; i++) await attempt(t, `spray-${i}`, 'x', '10.2.0.1');
      const limited = await attempt(t, t.username, PASSWORD, '10.2.0.1');
      assert.equal(limited.statusCode, 429);
      assert.equal((await attempt(t, t.username, PASSWORD, '10.2.0.2')).statusCode, 201, 'another address is not affected');
    });

    it('a failed sign-in is audited without the password', async () => {
      const t = await createTenant(h);
      await attempt(t, t.username, 'secret-guess', '10.3.0.1');
      const events = (await h.call('GET', `/v1/admin/audit?organizationId=${t.orgId}&type=sign_in.failed`, { admin: true })).json().events;
      assert.equal(events.length, 1);
      assert.equal(events[0].ip, '10.3.0.1');
      assert.ok(!JSON.stringify(events).includes('secret-guess'));
      await signIn(h, t);
    });
  });
}
