import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, PASSWORD, type Harness } from '../support/harness.ts';
import { createTenant, latestCode, type Tenant } from '../support/fixtures.ts';

for (const backend of BACKENDS) {
  describe(`partners [${backend}]`, () => {
    let h: Harness;
    let t: Tenant;
    let partnerSession: string;
    before(async () => {
      h = await createHarness(backend);
      t = await createTenant(h);
      const r = await h.call('POST', '/v1/partner/sessions', { devKey: t.partnerKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD } });
      assert.equal(r.statusCode, 201, r.body);
      partnerSession = r.json().sessionId;
    });
    after(() => h.close());

    it('a plain developer key cannot open a partner session', async () => {
      const r = await h.call('POST', '/v1/partner/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD } });
      assert.equal(r.statusCode, 403);
    });

    it('creates an organization and a user, opens a session as the user, and keeps MFA status through a remembered device', async () => {
      const p = { devKey: t.partnerKey, session: partnerSession };
      const org = await h.call('POST', '/v1/partner/organizations', { ...p, body: { name: 'Client Co' } });
      assert.equal(org.statusCode, 201, org.body);
      const orgId = org.json().organizationId;
      assert.match(orgId, /^008[0-9A-Z]{17}$/);
      const user = await h.call('POST', `/v1/partner/organizations/${orgId}/users`, { ...p, body: { username: 'ana', password: 'a long password', phone: '+15550001111' } });
      assert.equal(user.statusCode, 201, user.body);
      const userId = user.json().userId;
      assert.match(userId, /^006[0-9A-Z]{17}$/);

      const asUser = await h.call('POST', `/v1/partner/organizations/${orgId}/users/${userId}/sessions`, { ...p, body: {} });
      assert.equal(asUser.statusCode, 201, asUser.body);
      assert.equal(asUser.json().mfaStatus, 'SETUP');
      const session = asUser.json().sessionId;
      const u = { devKey: t.partnerKey, session };
      const e = await h.call('POST', '/v1/factors', { ...u, body: { type: 'sms' } });
      const v = await h.call('POST', `/v1/mfa/challenges/${e.json().challenge.challengeId}/verify`, {
        ...u, body: { code: await latestCode(h, '+15550001111'), rememberMe: true, device: 'browser-1' },
      });
      assert.equal(v.statusCode, 200, v.body);

      const plain = await h.call('POST', `/v1/partner/organizations/${orgId}/users/${userId}/sessions`, { ...p, body: {} });
      assert.equal(plain.json().mfaStatus, 'CHALLENGE');
      const remembered = await h.call('POST', `/v1/partner/organizations/${orgId}/users/${userId}/sessions`, { ...p, body: { rememberMeId: v.json().rememberMeId, device: 'browser-1' } });
      assert.equal(remembered.statusCode, 201);
      assert.equal(remembered.json().mfaStatus, 'COMPLETE');
      assert.equal(remembered.json().trusted, true);
    });

    it('an organization the partner did not create looks exactly like a missing one', async () => {
      const other = await createTenant(h);
      const p = { devKey: t.partnerKey, session: partnerSession };
      const foreign = await h.call('POST', `/v1/partner/organizations/${other.orgId}/users/${other.userId}/sessions`, { ...p, body: {} });
      const missing = await h.call('POST', '/v1/partner/organizations/008AAAAAAAAAAAAAAAAA/users/006AAAAAAAAAAAAAAAAA/sessions', { ...p, body: {} });
      assert.equal(foreign.statusCode, 404);
      assert.deepEqual(foreign.json(), missing.json());
      const addUser = await h.call('POST', `/v1/partner/organizations/${other.orgId}/users`, { ...p, body: { username: 'x', password: 'a long password' } });
      assert.equal(addUser.statusCode, 404);
    });

    it('a partner session presented with a non-partner key cannot act as a partner', async () => {
      const r = await h.call('POST', '/v1/partner/organizations', { devKey: t.devKey, session: partnerSession, body: { name: 'Sneaky Co' } });
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().code, 'LK_ERR_FORBIDDEN');
    });

    it('a user session cannot act as a partner', async () => {
      const s = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD } });
      const r = await h.call('POST', '/v1/partner/organizations', { devKey: t.devKey, session: s.json().sessionId, body: { name: 'x' } });
      assert.equal(r.statusCode, 403);
    });
  });
}
