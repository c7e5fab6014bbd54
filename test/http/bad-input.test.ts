import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTenant, enrollSms, signIn, type Tenant } from '../support/fixtures.ts';

for (const backend of BACKENDS) {
  describe(`bad input gets a clear 4xx and changes nothing [${backend}]`, () => {
    let h: Harness;
    let t: Tenant;
    let session: string;
    before(async () => {
      h = await createHarness(backend);
      t = await createTenant(h);
      session = await signIn(h, t);
      await enrollSms(h, t, session);
    });
    after(() => h.close());

    const problem = (r: { statusCode: number; headers: Record<string, unknown>; json: () => any }, status: number, code: string, field?: string) => {
      assert.equal(r.statusCode, status);
      assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
      const body = r.json();
      assert.equal(body.code, code);
      assert.equal(body.status, status);
      assert.ok(body.type.endsWith(code));
      assert.ok(!JSON.stringify(body).includes('    at '), 'no stack trace');
      if (field !== undefined) assert.equal(body.field, field);
    };

    it('malformed JSON', async () => {
      const r = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: '{"organizationId":', headers: { 'content-type': 'application/json' } });
      problem(r, 400, 'LK_ERR_MALFORMED_JSON', 'body');
    });

    it('a missing field, an unknown field, a wrong type — each named', async () => {
      problem(await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: 'x' } }), 400, 'LK_ERR_VALIDATION', 'body.password');
      const unknown = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: 'x', password: 'y', admin: true } });
      problem(unknown, 400, 'LK_ERR_VALIDATION', 'body.admin');
      assert.match(unknown.json().detail, /not a known field/);
      problem(await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: { useBackup: 'yes' } }), 400, 'LK_ERR_VALIDATION', 'body.useBackup');
      problem(await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'carrier-pigeon' } }), 400, 'LK_ERR_VALIDATION', 'body.type');
      problem(await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'sms', phone: '555-1234' } }), 400, 'LK_ERR_VALIDATION', 'body.phone');
    });

    it('an oversize body', async () => {
      const r = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: 'x', password: 'y'.repeat(70_000) } });
      problem(r, 413, 'LK_ERR_BODY_TOO_LARGE');
    });

    it('a wrong content type', async () => {
      const r = await h.call('POST', '/v1/sessions', { devKey: t.devKey, body: 'username=x', headers: { 'content-type': 'text/plain' } });
      problem(r, 415, 'LK_ERR_UNSUPPORTED_MEDIA_TYPE');
    });

    it('a missing or unknown developer key, session or admin token', async () => {
      problem(await h.call('GET', '/v1/session', { session }), 401, 'LK_ERR_DEV_KEY_INVALID', 'devKey');
      problem(await h.call('GET', '/v1/session', { devKey: 'lk_dev_nope', session }), 401, 'LK_ERR_DEV_KEY_INVALID');
      problem(await h.call('GET', '/v1/session', { devKey: t.devKey }), 401, 'LK_ERR_SESSION_INVALID');
      problem(await h.call('GET', '/v1/admin/audit', { headers: { authorization: 'Bearer wrong' } }), 401, 'LK_ERR_ADMIN_TOKEN_INVALID');
    });

    it('unknown IDs and routes', async () => {
      problem(await h.call('POST', '/v1/mfa/challenges/chl_nope/verify', { devKey: t.devKey, session, body: { code: '123456' } }), 404, 'LK_ERR_NOT_FOUND', 'challengeId');
      problem(await h.call('GET', '/v1/admin/organizations/008NOPE', { admin: true }), 404, 'LK_ERR_NOT_FOUND', 'organizationId');
      problem(await h.call('GET', '/v1/nothing-here'), 404, 'LK_ERR_ROUTE_NOT_FOUND');
      problem(await h.call('POST', '/v1/admin/users/006NOPE/unlock', { admin: true }), 404, 'LK_ERR_NOT_FOUND', 'userId');
    });

    it('a refused request changes nothing', async () => {
      const before = (await h.call('GET', `/v1/admin/audit?organizationId=${t.orgId}`, { admin: true })).json().events.length;
      await h.call('POST', '/v1/factors', { devKey: t.devKey, session, body: { type: 'sms', phone: 'bad' } });
      await h.call('POST', '/v1/admin/organizations', { admin: true, body: { name: '' } });
      const factors = (await h.call('GET', '/v1/factors', { devKey: t.devKey, session })).json().factors;
      assert.equal(factors.length, 1);
      const after = (await h.call('GET', `/v1/admin/audit?organizationId=${t.orgId}`, { admin: true })).json().events.length;
      assert.equal(after, before);
    });

    it('a list limit outside 1–1000', async () => {
      for (const limit of ['0', '1001', '5000', '-1', 'ten']) {
        const r = await h.call('GET', `/v1/admin/audit?limit=${limit}`, { admin: true });
        assert.equal(r.statusCode, 400, `limit=${limit}`);
        assert.equal(r.json().code, 'LK_ERR_VALIDATION');
        assert.match(r.json().field, /limit$/);
      }
      for (const limit of ['1', '50', '1000']) assert.equal((await h.call('GET', `/v1/admin/audit?limit=${limit}`, { admin: true })).statusCode, 200, `limit=${limit}`);
    });

    it('a duplicate username is a 409 naming the field', async () => {
      problem(await h.call('POST', `/v1/admin/organizations/${t.orgId}/users`, { admin: true, body: { username: t.username, password: 'long enough password' } }), 409, 'LK_ERR_CONFLICT', 'username');
    });

    it('rememberMe without a device name', async () => {
      const c = await h.call('POST', '/v1/mfa/challenges', { devKey: t.devKey, session, body: {} });
      problem(await h.call('POST', `/v1/mfa/challenges/${c.json().challengeId}/verify`, { devKey: t.devKey, session, body: { code: '123456', rememberMe: true } }), 400, 'LK_ERR_VALIDATION', 'device');
    });
  });
}
