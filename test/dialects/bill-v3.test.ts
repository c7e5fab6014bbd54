import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, PASSWORD, type Harness } from '../support/harness.ts';
import { createTenant, latestCode, type Tenant } from '../support/fixtures.ts';
import { assertV3Error, billSandbox, codeFor, MINUTE, tenantWithPhone, v2, v2Data, v3 } from './bill-support.ts';

const PROTECTED = [
  '/payments', '/payments/bulk', '/vendors/00901ABC/bank-account', '/funding-accounts/banks',
  '/network/invitation/vendor/00901ABC', '/network/invitation/vendor/00901ABC/email', '/network/invitation/customer/0cu01ABC',
];
const SESSION_INVALID = 'Session is invalid.  Please log in.';

type Headers = Record<string, string>;

for (const backend of BACKENDS) {
  describe(`BILL v3 dialect [${backend}]`, () => {
    let h: Harness;
    before(async () => {
      h = await createHarness(backend);
    });
    after(() => h.close());

    async function ok(res: Promise<import('fastify').LightMyRequestResponse>) {
      const r = await res;
      assert.equal(r.statusCode, 200, r.body);
      return r.json();
    }

    async function login(t: Tenant, extra: Record<string, string> = {}) {
      return ok(v3(h, 'POST', '/login', { body: { devKey: t.devKey, username: t.username, password: PASSWORD, organizationId: t.orgId, ...extra } }));
    }

    const mfaStatus = async (headers: Headers) => (await ok(v3(h, 'GET', '/login/session', { headers }))).mfaStatus;

    /** The MFA Element's work, done through the API: a challenge and its validation. */
    async function completeMfa(headers: Headers, phone: string, extra: Record<string, unknown> = {}) {
      const { challengeId } = await ok(v3(h, 'POST', '/mfa/challenge', { headers, body: { useBackup: false } }));
      const token = await latestCode(h, phone);
      return ok(v3(h, 'POST', '/mfa/challenge/validate', { headers, body: { challengeId, token, machineName: 'Ana\'s laptop', ...extra } }));
    }

    /** A partner signed in with POST /v3/partner/login, and an organization with a user it created with the v3 API. */
    async function partnerWithUser(t: Tenant) {
      const { sessionId } = await ok(v3(h, 'POST', '/partner/login', { headers: { appKey: t.partnerKey }, body: { username: t.username, password: PASSWORD } }));
      const partner = { appKey: t.partnerKey, sessionId };
      const org = await ok(v3(h, 'POST', '/partner/organizations', {
        headers: partner,
        body: { name: 'Rice Cakes Inc', address: { line1: '987 Home St', city: 'San Jose', zipOrPostalCode: '95002', country: 'US' }, phone: '4155550100' },
      }));
      assert.match(org.id, /^008/);
      assert.equal(org.name, 'Rice Cakes Inc');
      const user = await ok(v3(h, 'POST', '/partner/users', {
        headers: { ...partner, organizationId: org.id },
        body: { firstName: 'Tomato', lastName: 'Soupsmith', email: 'tomato@example.com', username: `tsoup${Math.random().toString(36).slice(2, 8)}`, acceptTermsOfService: true },
      }));
      assert.match(user.id, /^006/);
      assert.equal(user.role.type, 'ADMINISTRATOR');
      return { partner, orgId: org.id as string, userId: user.id as string };
    }

    /** POST /v3/partner/login-as-user; org-level calls then use the partner's key as devKey with the new sessionId. */
    async function loginAsUser(t: Tenant, p: Awaited<ReturnType<typeof partnerWithUser>>, extra: Record<string, string> = {}) {
      const r = await ok(v3(h, 'POST', '/partner/login-as-user', { headers: p.partner, body: { userId: p.userId, organizationId: p.orgId, ...extra } }));
      assert.equal(r.userId, p.userId);
      assert.equal(r.organizationId, p.orgId);
      return { trusted: r.trusted as boolean, headers: { devKey: t.partnerKey, sessionId: r.sessionId as string } };
    }

    let phones = 0;
    /** The user's one-time MFA setup: a session that is SETUP registers a phone (mfa/setup + mfa/validate). */
    async function setUpPhone(t: Tenant, p: Awaited<ReturnType<typeof partnerWithUser>>): Promise<string> {
      const { headers } = await loginAsUser(t, p);
      assert.equal(await mfaStatus(headers), 'SETUP');
      const phone = `+1415666${String(++phones).padStart(4, '0')}`;
      const { setupId } = await ok(v3(h, 'POST', '/mfa/setup', { headers, body: { phone, type: 'TEXT' } }));
      await ok(v3(h, 'POST', '/mfa/validate', { headers, body: { setupId, type: 'TEXT', token: await latestCode(h, phone) } }));
      return phone;
    }

    it('POST /v3/login opens a session (sessionId, organizationId, userId, trusted); GET /v3/login/session; POST /v3/logout ends it (401 BDC_1109)', async () => {
      const t = await tenantWithPhone(h);
      const r = await login(t);
      assert.deepEqual(Object.keys(r).sort(), ['organizationId', 'sessionId', 'trusted', 'userId']);
      assert.equal(r.trusted, false);
      const headers = { devKey: t.devKey, sessionId: r.sessionId };
      assert.deepEqual(await ok(v3(h, 'GET', '/login/session', { headers })), { organizationId: t.orgId, userId: t.userId, mfaStatus: 'CHALLENGE', mfaBypass: false });
      // The devKey may come as a header too.
      const viaHeader = await ok(v3(h, 'POST', '/login', { headers: { devKey: t.devKey }, body: { username: t.username, password: PASSWORD, organizationId: t.orgId } }));
      assert.ok(viaHeader.sessionId);
      assert.deepEqual(await ok(v3(h, 'POST', '/logout', { headers })), {});
      assertV3Error(await v3(h, 'GET', '/login/session', { headers }), 401, 'BDC_1109', SESSION_INVALID);
      assertV3Error(await v3(h, 'POST', '/login', { body: { devKey: t.devKey, username: t.username, password: 'wrong password', organizationId: t.orgId } }),
        401, 'BDC_1101', 'User name and/or password do not match our records.');
    });

    it('seed 000, set up organizations and users with the v3 API; a user without a phone is SETUP, and the one-time setup (mfa/setup + mfa/validate) makes the session COMPLETE', async () => {
      const t = await tenantWithPhone(h);
      const p = await partnerWithUser(t);
      const { trusted, headers } = await loginAsUser(t, p);
      assert.equal(trusted, false);
      assert.equal(await mfaStatus(headers), 'SETUP');
      assertV3Error(await v3(h, 'POST', '/payments', { headers, body: { vendorId: '00901ABC', amount: 5 } }), 403, 'BDC_1361', 'Untrusted session.');
      const { setupId } = await ok(v3(h, 'POST', '/mfa/setup', { headers, body: { phone: '+14155550142', type: 'TEXT' } }));
      assert.ok(setupId);
      assert.deepEqual(await ok(v3(h, 'POST', '/mfa/validate', { headers, body: { setupId, type: 'TEXT', token: await latestCode(h, '+14155550142') } })), {});
      assert.equal(await mfaStatus(headers), 'COMPLETE');
      await ok(v3(h, 'POST', '/payments', { headers, body: { vendorId: '00901ABC', amount: 5 } }));
    });

    it('seed 000, with the MFA Element: login-as-user is not trusted (CHALLENGE); MFA with rememberMe gives the rememberMeId; step-up makes the next session COMPLETE', async () => {
      const t = await tenantWithPhone(h);
      const p = await partnerWithUser(t);
      const phone = await setUpPhone(t, p);

      // 1. A new session with POST /v3/partner/login-as-user (userId, organizationId) is not MFA-trusted.
      const signIn = await loginAsUser(t, p);
      assert.equal(signIn.trusted, false);
      // 2. GET /v3/login/session says CHALLENGE.
      assert.equal(await mfaStatus(signIn.headers), 'CHALLENGE');
      // 3. The MFA Element completes MFA (here: challenge + validate, with rememberMe) and the session is COMPLETE.
      const { rememberMeId } = await completeMfa(signIn.headers, phone, { rememberMe: true, device: 'ana-laptop' });
      assert.ok(typeof rememberMeId === 'string' && rememberMeId.length > 0);
      assert.equal(await mfaStatus(signIn.headers), 'COMPLETE');

      // At the next sign-in, POST /v3/mfa/step-up with the rememberMeId and device makes the session trusted.
      const next = await loginAsUser(t, p);
      assert.equal(await mfaStatus(next.headers), 'CHALLENGE');
      assert.deepEqual(await ok(v3(h, 'POST', '/mfa/step-up', { headers: next.headers, body: { rememberMeId, device: 'other-device' } })), { trusted: false });
      assert.equal(await mfaStatus(next.headers), 'CHALLENGE');
      assert.deepEqual(await ok(v3(h, 'POST', '/mfa/step-up', { headers: next.headers, body: { rememberMeId, device: 'ana-laptop' } })), { trusted: true });
      assert.equal(await mfaStatus(next.headers), 'COMPLETE');
      await ok(v3(h, 'POST', '/payments', { headers: next.headers, body: {} }));
    });

    it('seed 000, with rememberMeId and device: login-as-user with them is MFA-trusted at once; another device is refused', async () => {
      const t = await tenantWithPhone(h);
      const p = await partnerWithUser(t);
      const phone = await setUpPhone(t, p);
      const first = await loginAsUser(t, p);
      const { rememberMeId } = await completeMfa(first.headers, phone, { rememberMe: true, device: 'ana-laptop' });

      const remembered = await loginAsUser(t, p, { rememberMeId, device: 'ana-laptop' });
      assert.equal(remembered.trusted, true);
      assert.equal(await mfaStatus(remembered.headers), 'COMPLETE');
      await ok(v3(h, 'POST', '/payments', { headers: remembered.headers, body: { amount: 1 } }));

      assertV3Error(await v3(h, 'POST', '/partner/login-as-user', { headers: p.partner, body: { userId: p.userId, organizationId: p.orgId, rememberMeId, device: 'stolen-phone' } }),
        403, 'BDC_1361', 'Untrusted session.');
    });

    it('POST /v3/login with rememberMeId and device answers trusted: true', async () => {
      const t = await tenantWithPhone(h);
      const r = await login(t);
      const headers = { devKey: t.devKey, sessionId: r.sessionId };
      const { rememberMeId } = await completeMfa(headers, t.phone, { rememberMe: true, device: 'ana-laptop' });
      const again = await login(t, { rememberMeId, device: 'ana-laptop' });
      assert.equal(again.trusted, true);
      // Without rememberMe no rememberMeId is made.
      assert.deepEqual(await completeMfa({ devKey: t.devKey, sessionId: (await login(t)).sessionId }, t.phone), {});
    });

    it('mfaStatus DISABLED (and mfaBypass) when the organization has MFA off; protected operations then need no MFA', async () => {
      const t = await createTenant(h, { mfaRequired: false });
      const r = await login(t);
      const headers = { devKey: t.devKey, sessionId: r.sessionId };
      assert.deepEqual(await ok(v3(h, 'GET', '/login/session', { headers })), { organizationId: t.orgId, userId: t.userId, mfaStatus: 'DISABLED', mfaBypass: true });
      await ok(v3(h, 'POST', '/payments', { headers, body: {} }));
    });

    it('the MFA-protected endpoints answer 403 BDC_1361 on an untrusted session and are accepted on a trusted one', async () => {
      const t = await tenantWithPhone(h);
      const headers = { devKey: t.devKey, sessionId: (await login(t)).sessionId };
      for (const path of PROTECTED) {
        const res = await v3(h, 'POST', path, { headers, body: { amount: 1 } });
        assertV3Error(res, 403, 'BDC_1361', 'Untrusted session.');
        assert.equal(res.json()[0].category, 'DOWNSTREAM');
      }
      await completeMfa(headers, t.phone);
      for (const path of PROTECTED) {
        const r = await ok(v3(h, 'POST', path, { headers, body: { amount: 1 } }));
        assert.ok(typeof r.id === 'string', path);
      }
      const bare = await h.app.inject({ method: 'POST', url: '/bill/connect/v3/payments', headers });
      assert.equal(bare.statusCode, 200, bare.body);
    });

    it('35 idle minutes end a v3 session (401 BDC_1109); a call within 35 minutes resets the timer', async () => {
      const t = await tenantWithPhone(h);
      const headers = { devKey: t.devKey, sessionId: (await login(t)).sessionId };
      h.time.advance(34 * MINUTE);
      await ok(v3(h, 'GET', '/login/session', { headers }));
      h.time.advance(34 * MINUTE);
      await ok(v3(h, 'GET', '/login/session', { headers }));
      h.time.advance(36 * MINUTE);
      assertV3Error(await v3(h, 'GET', '/login/session', { headers }), 401, 'BDC_1109', SESSION_INVALID);
    });

    it('a v3 session works on v2 (one engine)', async () => {
      const t = await tenantWithPhone(h);
      const { sessionId } = await login(t);
      assert.equal(v2Data(await v2(h, 'GetSessionInfo', { devKey: t.devKey, sessionId })).usersId, t.userId);
    });

    it('malformed input: missing headers are 400, a bad session 401 BDC_1109, a bad key 401 BDC_1102, bad JSON or fields 400 BDC_1002, unknown paths 404 BDC_1121', async () => {
      const t = await tenantWithPhone(h);
      const { sessionId } = await login(t);
      assertV3Error(await v3(h, 'GET', '/login/session', { headers: { sessionId } }), 400, 'BDC_1102', 'Developer key is invalid.');
      assertV3Error(await v3(h, 'GET', '/login/session', { headers: { devKey: t.devKey } }), 400, 'BDC_1109');
      assertV3Error(await v3(h, 'GET', '/login/session'), 400, 'BDC_1102');
      assertV3Error(await v3(h, 'GET', '/login/session', { headers: { devKey: t.devKey, sessionId: 'not-a-session' } }), 401, 'BDC_1109', SESSION_INVALID);
      assertV3Error(await v3(h, 'GET', '/login/session', { headers: { devKey: 'nope', sessionId } }), 401, 'BDC_1102');
      assertV3Error(await v3(h, 'POST', '/login', { body: { username: t.username, password: PASSWORD, organizationId: t.orgId } }), 400, 'BDC_1102');
      assertV3Error(await v3(h, 'POST', '/login', { body: { devKey: t.devKey, userName: t.username, password: PASSWORD, orgId: t.orgId } }), 400, 'BDC_1002', 'Unknown error occurred.');
      assertV3Error(await h.app.inject({ method: 'POST', url: '/bill/connect/v3/login', headers: { 'content-type': 'application/json' }, payload: '{"devKey":' }), 400, 'BDC_1002');
      assertV3Error(await h.app.inject({ method: 'POST', url: '/bill/connect/v3/login', headers: { 'content-type': 'text/plain' }, payload: 'hi' }), 400, 'BDC_1002');
      assertV3Error(await h.app.inject({ method: 'POST', url: '/bill/connect/v3/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=b' }), 400, 'BDC_1002');
      const headers = { devKey: t.devKey, sessionId };
      assertV3Error(await v3(h, 'POST', '/mfa/challenge', { headers, body: { useBackup: true } }), 400, 'BDC_1002');
      assertV3Error(await v3(h, 'POST', '/mfa/setup', { headers, body: { phone: '+14155550100', primary: false } }), 400, 'BDC_1002');
      assertV3Error(await v3(h, 'POST', '/mfa/setup', { headers, body: { phone: '+14155550100', type: 'VOICE' } }), 400, 'BDC_1002');
      // A phone that is not E.164 is bad input (400), not a missing step-up (403 BDC_1361), though this session is not trusted.
      assertV3Error(await v3(h, 'POST', '/mfa/setup', { headers, body: { phone: '415-555-0100' } }), 400, 'BDC_1002');
      assertV3Error(await v3(h, 'POST', '/mfa/challenge/validate', { headers, body: { challengeId: 'chl_nope', token: '123456' } }), 404, 'BDC_1002');
      assertV3Error(await v3(h, 'POST', '/mfa/step-up', { headers, body: {} }), 400, 'BDC_1002');
      assertV3Error(await v3(h, 'GET', '/bills', { headers }), 404, 'BDC_1121', 'API not supported.');
      assertV3Error(await h.app.inject({ method: 'DELETE', url: '/bill/connect/v3/login' }), 404, 'BDC_1121');
      assertV3Error(await h.app.inject({ method: 'GET', url: '/bill/connect/anything' }), 404, 'BDC_1121');
      // A bare POST /v3/logout with a JSON content type and no body is fine.
      const out = await h.app.inject({ method: 'POST', url: '/bill/connect/v3/logout', headers: { ...headers, 'content-type': 'application/json' } });
      assert.equal(out.statusCode, 200, out.body);
    });

    it('MFA failures: a wrong token is 403 BDC_1358; the challenge, once used, is BDC_1374', async () => {
      const t = await tenantWithPhone(h);
      const headers = { devKey: t.devKey, sessionId: (await login(t)).sessionId };
      const { challengeId } = await ok(v3(h, 'POST', '/mfa/challenge', { headers }));
      const token = await codeFor(h, t);
      assertV3Error(await v3(h, 'POST', '/mfa/challenge/validate', { headers, body: { challengeId, token: token === '000000' ? '111111' : '000000' } }), 403, 'BDC_1358');
      await ok(v3(h, 'POST', '/mfa/challenge/validate', { headers, body: { challengeId, token } }));
      assertV3Error(await v3(h, 'POST', '/mfa/challenge/validate', { headers, body: { challengeId, token } }), 403, 'BDC_1374');
    });

    it('partner calls need a partner appKey and a partner session; organizations another partner made look missing', async () => {
      const t = await tenantWithPhone(h);
      const p = await partnerWithUser(t);
      assertV3Error(await v3(h, 'POST', '/partner/login', { body: { username: t.username, password: PASSWORD } }), 400, 'BDC_1102');
      assertV3Error(await v3(h, 'POST', '/partner/login', { headers: { appKey: t.devKey }, body: { username: t.username, password: PASSWORD } }), 401, 'BDC_1102');
      const appKeyInBody = await ok(v3(h, 'POST', '/partner/login', { body: { appKey: t.partnerKey, username: t.username, password: PASSWORD } }));
      assert.ok(appKeyInBody.sessionId);
      const userSession = (await loginAsUser(t, p)).headers.sessionId;
      assertV3Error(await v3(h, 'POST', '/partner/organizations', { headers: { appKey: t.partnerKey, sessionId: userSession }, body: { name: 'X' } }), 401, 'BDC_1109');
      assertV3Error(await v3(h, 'POST', '/partner/organizations', { headers: { appKey: t.devKey, sessionId: p.partner.sessionId }, body: { name: 'X' } }), 401, 'BDC_1102');
      assertV3Error(await v3(h, 'POST', '/partner/users', { headers: p.partner, body: { firstName: 'A', email: 'a@example.com', username: 'a', acceptTermsOfService: true } }), 400, 'BDC_1002');
      const other = await tenantWithPhone(h);
      assertV3Error(await v3(h, 'POST', '/partner/login-as-user', { headers: p.partner, body: { userId: other.userId, organizationId: other.orgId } }), 404, 'BDC_1002');
      assertV3Error(await v3(h, 'POST', '/partner/users', {
        headers: { ...p.partner, organizationId: other.orgId }, body: { firstName: 'A', email: 'a@example.com', username: 'a', acceptTermsOfService: true },
      }), 404, 'BDC_1002');
    });

    it('data/sandbox.json key "bill": the partner appKey signs in, logs in as the sandbox user (CHALLENGE), and its devKey signs in directly', async () => {
      const { bill } = await billSandbox(h);
      const { sessionId } = await ok(v3(h, 'POST', '/partner/login', { headers: { appKey: bill.appKey }, body: { username: bill.userName, password: bill.password } }));
      const asUser = await ok(v3(h, 'POST', '/partner/login-as-user', { headers: { appKey: bill.appKey, sessionId }, body: { userId: bill.userId, organizationId: bill.organizationId } }));
      assert.equal(await mfaStatus({ devKey: bill.devKey, sessionId: asUser.sessionId }), 'CHALLENGE');
      const direct = await ok(v3(h, 'POST', '/login', { body: { devKey: bill.devKey, username: bill.userName, password: bill.password, organizationId: bill.organizationId } }));
      assert.equal(direct.userId, bill.userId);
    });

  });
}
