import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTenant, latestCode, signIn } from '../support/fixtures.ts';

for (const backend of BACKENDS) {
  describe(`factor setup [${backend}]`, () => {
    let h: Harness;
    before(async () => {
      h = await createHarness(backend);
    });
    after(() => h.close());

    it('an unfinished setup is replaced by the next one, and the user holds several factors', async () => {
      const t = await createTenant(h);
      const session = await signIn(h, t);
      const first = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'sms', phone: '+15550009999' } });
      const second = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'sms' } });
      const list = (await h.call('GET', '/v1/factors', { devKey: t.devKey, session })).json().factors;
      assert.deepEqual(list.map((f: { factorId: string; status: string }) => [f.factorId, f.status]), [[second.json().factor.factorId, 'pending']]);
      const stale = await h.call('POST', `/v1/mfa/challenges/${first.json().challenge.challengeId}/verify`, { devKey: t.devKey, session, body: { code: await latestCode(h, '+15550009999') } });
      assert.equal(stale.statusCode, 410, 'the replaced setup cannot be finished');
      const ok = await h.call('POST', `/v1/mfa/challenges/${second.json().challenge.challengeId}/verify`, { devKey: t.devKey, session, body: { code: await latestCode(h, t.phone) } });
      assert.equal(ok.statusCode, 200);
      const email = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'email' } });
      assert.equal(email.statusCode, 201, 'a second factor within the step-up window');
      await h.call('POST', `/v1/mfa/challenges/${email.json().challenge.challengeId}/verify`, { devKey: t.devKey, session, body: { code: await latestCode(h, t.email) } });
      const all = (await h.call('GET', '/v1/factors', { devKey: t.devKey, session })).json().factors;
      assert.deepEqual(all.map((f: { type: string; status: string }) => `${f.type}:${f.status}`).sort(), ['email:active', 'sms:active']);
      const removed = await h.call('DELETE', `/v1/factors/${email.json().factor.factorId}`, { devKey: t.devKey, session });
      assert.equal(removed.statusCode, 204);
    });
  });
}
