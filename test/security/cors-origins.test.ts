import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, PASSWORD, type Harness } from '../support/harness.ts';
import { createTenant, signIn, type Tenant } from '../support/fixtures.ts';
import { ALLOWED_ORIGINS_CACHE_MS, CORS_ALLOWED_HEADERS } from '../../src/http/cors.ts';

/**
 * Attack: a page on an origin the organization never allowed uses a leaked
 * developer key and a user's session from the browser. The API must refuse it
 * before doing anything, while the allowed origins (and servers, which send no
 * Origin) keep working.
 */
const ALLOWED = 'https://app.partner.example';
const EVIL = 'https://evil.example';

for (const backend of BACKENDS) {
  describe(`CORS and allowed origins [${backend}]`, () => {
    let h: Harness;
    let t: Tenant;
    let open: Tenant;
    before(async () => {
      h = await createHarness(backend);
      t = await createTenant(h, { allowedOrigins: [ALLOWED] });
      open = await createTenant(h, { allowedOrigins: ['*'] });
    });
    after(() => h.close());

    const preflight = (url: string, origin = EVIL) => h.call('OPTIONS', url, {
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-dev-key,authorization,content-type' },
    });

    it('answers every preflight under /v1 with the headers the Elements send (the organization is not known yet)', async () => {
      const r = await preflight('/v1/mfa/challenges/chl_x/verify');
      assert.equal(r.statusCode, 204, r.body);
      assert.equal(r.headers['access-control-allow-origin'], EVIL);
      assert.equal(r.headers.vary, 'Origin');
      const allowed = String(r.headers['access-control-allow-headers']).split(', ');
      for (const name of ['x-dev-key', 'authorization', 'content-type', 'idempotency-key', 'x-answer-token', 'last-event-id']) assert.ok(allowed.includes(name), name);
      assert.deepEqual(allowed, CORS_ALLOWED_HEADERS);
      assert.match(String(r.headers['access-control-allow-methods']), /PUT/);
      assert.equal(r.headers['access-control-max-age'], '600');
    });

    it('a browser call from an allowed origin looks its developer key up once, not once for CORS and again for the route', async () => {
      const session = await signIn(h, t);
      const keys = h.lk.deps.store.devKeys;
      const findByHash = keys.findByHash;
      let lookups = 0;
      keys.findByHash = (hash) => (lookups++, findByHash(hash));
      try {
        const r = await h.call('GET', '/v1/session', { devKey: t.devKey, session, headers: { origin: ALLOWED } });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.headers['access-control-allow-origin'], ALLOWED);
      } finally {
        keys.findByHash = findByHash;
      }
      assert.equal(lookups, 1);
    });

    it('never opens the admin API or the vendor dialects to browsers', async () => {
      for (const url of ['/v1/admin/organizations', '/v1/%61dmin/organizations', '/bill/connect/v3/login']) {
        const r = await preflight(url);
        assert.equal(r.headers['access-control-allow-origin'], undefined, url);
        assert.equal(r.statusCode, 404, url);
      }
      for (const path of ['/v1/admin', '/v1/%61dmin']) {
        const admin = await h.call('GET', `${path}/organizations/${t.orgId}`, { admin: true, headers: { origin: ALLOWED } });
        assert.equal(admin.statusCode, 200, path);
        assert.equal(admin.headers['access-control-allow-origin'], undefined, `${path}: the router decodes the path, and so does the CORS check`);
      }
    });

    it('lets an allowed origin read the answer', async () => {
      const session = await signIn(h, t);
      const r = await h.call('GET', '/v1/session', { devKey: t.devKey, session, headers: { origin: ALLOWED } });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.headers['access-control-allow-origin'], ALLOWED);
      assert.equal(r.headers.vary, 'Origin');
      assert.match(String(r.headers['access-control-expose-headers']), /retry-after/);
      assert.equal(r.headers['access-control-allow-credentials'], undefined, 'the Elements never use cookies');
    });

    it('refuses another origin before the handler runs, with a 403 the page can read', async () => {
      const before = await h.lk.deps.store.audit.list({ userId: t.userId, type: 'sign_in.succeeded', limit: 100 });
      const r = await h.call('POST', '/v1/sessions', { devKey: t.devKey, headers: { origin: EVIL }, body: { organizationId: t.orgId, username: t.username, password: PASSWORD } });
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().code, 'LK_ERR_ORIGIN_NOT_ALLOWED');
      assert.equal(r.json().field, 'origin');
      assert.match(r.json().detail, /evil\.example/);
      assert.equal(r.headers['access-control-allow-origin'], EVIL);
      const after = await h.lk.deps.store.audit.list({ userId: t.userId, type: 'sign_in.succeeded', limit: 100 });
      assert.equal(after.length, before.length, 'no sign-in happened');
    });

    it('compares whole origins: another port or scheme is another origin', async () => {
      const session = await signIn(h, t);
      for (const origin of [`${ALLOWED}:8443`, ALLOWED.replace('https', 'http'), 'null']) {
        const r = await h.call('GET', '/v1/session', { devKey: t.devKey, session, headers: { origin } });
        assert.equal(r.statusCode, 403, origin);
      }
    });

    it('allows any origin for an organization that lists "*" (the sandbox)', async () => {
      const session = await signIn(h, open);
      const r = await h.call('GET', '/v1/session', { devKey: open.devKey, session, headers: { origin: EVIL } });
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['access-control-allow-origin'], EVIL);
    });

    it('leaves a missing or unknown developer key to the route, readable so an Element can report it', async () => {
      const r = await h.call('GET', '/v1/session', { devKey: 'lk_dev_unknown', headers: { origin: EVIL } });
      assert.equal(r.statusCode, 401);
      assert.equal(r.json().code, 'LK_ERR_DEV_KEY_INVALID');
      assert.equal(r.headers['access-control-allow-origin'], EVIL);
    });

    it('does not touch server-to-server calls (no Origin) or same-origin pages', async () => {
      const session = await signIn(h, t);
      const server = await h.call('GET', '/v1/session', { devKey: t.devKey, session });
      assert.equal(server.statusCode, 200);
      assert.equal(server.headers['access-control-allow-origin'], undefined);
      const same = await h.call('GET', '/v1/session', { devKey: t.devKey, session, headers: { origin: 'http://localhost:80' } });
      assert.equal(same.statusCode, 200, same.body);
      assert.equal(same.headers['access-control-allow-origin'], undefined);
    });

    it('refuses an allowed origin that is not an origin, naming the field', async () => {
      for (const bad of ['https://app.example/', 'app.example', 'https://app.example/path', 'ftp://x']) {
        const r = await h.call('PATCH', `/v1/admin/organizations/${t.orgId}`, { admin: true, body: { allowedOrigins: [bad] } });
        assert.equal(r.statusCode, 400, bad);
        assert.equal(r.json().field, 'body.allowedOrigins.0', bad);
      }
    });

    it('reads the organization once per ALLOWED_ORIGINS_CACHE_MS, and a change to allowedOrigins takes effect within that bound', async () => {
      const other = 'https://other.partner.example';
      const c = await createTenant(h, { allowedOrigins: [ALLOWED] });
      const session = await signIn(h, c);
      const get = (origin: string) => h.call('GET', '/v1/session', { devKey: c.devKey, session, headers: { origin } });
      const orgs = h.lk.deps.store.organizations;
      const read = orgs.get;
      let reads = 0;
      orgs.get = (id) => (reads++, read(id));
      try {
        for (let i = 0; i < 5; i++) assert.equal((await get(ALLOWED)).statusCode, 200);
        assert.equal(reads, 1, 'one organization read for five browser calls');
      } finally {
        orgs.get = read;
      }
      const patched = await h.call('PATCH', `/v1/admin/organizations/${c.orgId}`, { admin: true, body: { allowedOrigins: [other] } });
      assert.equal(patched.statusCode, 200, patched.body);
      h.time.advance(ALLOWED_ORIGINS_CACHE_MS);
      assert.equal((await get(ALLOWED)).statusCode, 403, 'the removed origin is refused once the bound has passed');
      assert.equal((await get(other)).statusCode, 200, 'the added origin is allowed');
    });
  });
}
