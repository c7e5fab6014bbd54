/**
 * Attack: racing one correct code through many parallel requests to get several
 * trusted sessions (or several remembered devices) out of one challenge.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { challengeSms, createTenant, enrollSms, signIn } from '../support/fixtures.ts';

for (const backend of BACKENDS) {
  describe(`concurrent verify [${backend}]`, () => {
    let h: Harness;
    before(async () => {
      h = await createHarness(backend);
    });
    after(() => h.close());

    it('20 concurrent verifies of one correct code: exactly one succeeds', async () => {
      const t = await createTenant(h);
      await enrollSms(h, t, await signIn(h, t));
      const sessions = await Promise.all(Array.from({ length: 4 }, () => signIn(h, t)));
      const { challengeId, code } = await challengeSms(h, t, sessions[0]!);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
        h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session: sessions[i % 4]!, body: { code, rememberMe: true, device: `d${i}` } })));
      const ok = results.filter((r) => r.statusCode === 200);
      assert.equal(ok.length, 1);
      for (const r of results.filter((x) => x.statusCode !== 200)) assert.equal(r.json().code, 'LK_ERR_CHALLENGE_USED');
      const trusted = await Promise.all(sessions.map(async (s) => (await h.call('GET', '/v1/session', { devKey: t.devKey, session: s })).json().trusted));
      assert.equal(trusted.filter(Boolean).length, 1);
      const devices = await h.call('GET', `/v1/admin/users/${t.userId}/devices`, { admin: true });
      assert.equal(devices.json().devices.length, 1);
    });

    it('a completed challenge cannot be verified again (replay)', async () => {
      const t = await createTenant(h);
      await enrollSms(h, t, await signIn(h, t));
      const session = await signIn(h, t);
      const { challengeId, code } = await challengeSms(h, t, session);
      assert.equal((await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session, body: { code } })).statusCode, 200);
      const other = await signIn(h, t);
      const replay = await h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session: other, body: { code } });
      assert.equal(replay.statusCode, 409);
      assert.equal(replay.json().code, 'LK_ERR_CHALLENGE_USED');
    });
  });
}
