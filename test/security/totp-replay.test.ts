/**
 * Attack: replaying an authenticator code. RFC 6238 §5.2: once a code is accepted,
 * the verifier must refuse it (and every code of its time step or earlier) for the
 * rest of its window — across challenges, not only within one.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTenant, signIn, type Tenant } from '../support/fixtures.ts';
import { timeStep } from '../../src/factors/totp/totp.ts';

for (const backend of BACKENDS) {
  describe(`TOTP replay [${backend}]`, () => {
    let h: Harness;
    before(async () => {
      h = await createHarness(backend);
    });
    after(() => h.close());

    async function enrollTotp(t: Tenant, session: string): Promise<Uint8Array> {
      const e = await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'totp', label: 'Phone app' } });
      assert.equal(e.statusCode, 201, e.body);
      const { otpauthUri, qrCode, challenge } = e.json();
      assert.match(qrCode, /^data:image\/png;base64,/);
      const uri = new URL(otpauthUri);
      assert.equal(uri.protocol, 'otpauth:');
      const key = decodeBase32IgnorePadding(uri.searchParams.get('secret')!);
      const code = generateHOTP(key, BigInt(timeStep(h.time.ms)), 6);
      const v = await h.call('POST', `/v1/mfa/challenges/${challenge.challengeId}/verify`, { devKey: t.devKey, session, body: { code } });
      assert.equal(v.statusCode, 200, v.body);
      return key;
    }

    const verifyTotp = async (t: Tenant, session: string, code: string) => {
      const c = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: { type: 'totp' } });
      assert.equal(c.statusCode, 201, c.body);
      assert.equal(c.json().destination, null);
      return h.call('POST', `/v1/mfa/challenges/${c.json().challengeId}/verify`, { devKey: t.devKey, session, body: { code } });
    };

    it('a code accepted once is refused on every later challenge in its window', async () => {
      const t = await createTenant(h);
      const key = await enrollTotp(t, await signIn(h, t));
      h.time.advance(30_000);
      const code = generateHOTP(key, BigInt(timeStep(h.time.ms)), 6);
      assert.equal((await verifyTotp(t, await signIn(h, t), code)).statusCode, 200);
      for (let i = 0; i < 5; i++) {
        const replay = await verifyTotp(t, await signIn(h, t), code);
        assert.equal(replay.statusCode, 422, 'replayed code refused');
      }
      h.time.advance(30_000);
      const next = generateHOTP(key, BigInt(timeStep(h.time.ms)), 6);
      assert.equal((await verifyTotp(t, await signIn(h, t), next)).statusCode, 200, 'the next window works');
    });

    it('an older code is refused once a newer one was used', async () => {
      const t = await createTenant(h);
      const key = await enrollTotp(t, await signIn(h, t));
      h.time.advance(60_000);
      const step = timeStep(h.time.ms);
      const previous = generateHOTP(key, BigInt(step - 1), 6);
      const current = generateHOTP(key, BigInt(step), 6);
      assert.equal((await verifyTotp(t, await signIn(h, t), current)).statusCode, 200);
      assert.equal((await verifyTotp(t, await signIn(h, t), previous)).statusCode, 422, 'within drift, but older than the last used');
    });
  });
}
