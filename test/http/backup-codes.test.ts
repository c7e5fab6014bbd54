import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTenant, enrollSms, signIn } from '../support/fixtures.ts';

for (const backend of BACKENDS) {
  describe(`backup codes [${backend}]`, () => {
    let h: Harness;
    before(async () => {
      h = await createHarness(backend);
    });
    after(() => h.close());

    it('are shown once, each works once (useBackup), and a new set replaces the old', async () => {
      const t = await createTenant(h);
      const first = await signIn(h, t);
      await enrollSms(h, t, first);
      const e = await h.call('POST', '/v1/factors', { devKey: t.devKey, session: first, body: { type: 'backup_codes' } });
      assert.equal(e.statusCode, 201, e.body);
      const codes: string[] = e.json().backupCodes;
      assert.equal(codes.length, 10);
      assert.equal(new Set(codes).size, 10);
      assert.equal(e.json().challenge, null);
      assert.equal(e.json().factor.status, 'active');

      const session = await signIn(h, t);
      const c = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: { useBackup: true } });
      assert.equal(c.json().factorType, 'backup_codes');
      const ok = await h.call('POST', `/v1/mfa/challenges/${c.json().challengeId}/verify`, { devKey: t.devKey, session, body: { code: codes[0]!.toUpperCase() } });
      assert.equal(ok.statusCode, 200, 'case and dashes do not matter');

      const again = await signIn(h, t);
      const c2 = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session: again, body: { useBackup: true } });
      const reused = await h.call('POST', `/v1/mfa/challenges/${c2.json().challengeId}/verify`, { devKey: t.devKey, session: again, body: { code: codes[0] } });
      assert.equal(reused.statusCode, 422, 'a used code is refused');
      const resend = await h.call('POST', `/v1/mfa/challenges/${c2.json().challengeId}/resend`, { devKey: t.devKey, session: again });
      assert.equal(resend.statusCode, 400, 'nothing to resend');

      const renewed = await h.call('POST', '/v1/factors', { devKey: t.devKey, session: first, body: { type: 'backup_codes' } });
      assert.equal(renewed.statusCode, 201);
      const stale = await h.call('POST', `/v1/mfa/challenges/${c2.json().challengeId}/verify`, { devKey: t.devKey, session: again, body: { code: codes[1] } });
      assert.equal(stale.statusCode, 410, 'a challenge on the replaced set is dead');
      const c3 = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session: again, body: { useBackup: true } });
      const old = await h.call('POST', `/v1/mfa/challenges/${c3.json().challengeId}/verify`, { devKey: t.devKey, session: again, body: { code: codes[1] } });
      assert.equal(old.statusCode, 422, 'the old set is gone');
      const fresh = await h.call('POST', `/v1/mfa/challenges/${c3.json().challengeId}/verify`, { devKey: t.devKey, session: again, body: { code: renewed.json().backupCodes[0] } });
      assert.equal(fresh.statusCode, 200);
      const factors = await h.call('GET', '/v1/factors', { devKey: t.devKey, session: first });
      assert.equal(factors.json().factors.filter((f: { type: string }) => f.type === 'backup_codes').length, 1);
    });

    it('useBackup without backup codes says so', async () => {
      const t = await createTenant(h);
      const s = await signIn(h, t);
      await enrollSms(h, t, s);
      const c = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session: await signIn(h, t), body: { useBackup: true } });
      assert.equal(c.statusCode, 409);
      assert.equal(c.json().code, 'LK_ERR_NO_FACTOR');
      assert.equal(c.json().field, 'useBackup');
    });
  });
}
