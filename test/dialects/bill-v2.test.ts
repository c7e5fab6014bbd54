import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, PASSWORD, type Harness } from '../support/harness.ts';
import { createTenant, type Tenant } from '../support/fixtures.ts';
import { assertV2Error, billSandbox, codeFor, DAY, MINUTE, tenantWithPhone, v2, v2Data, v2Login, v3 } from './bill-support.ts';

const PROTECTED = ['SendVendorInvite', 'SendInvite', 'VendorBankAccount', 'PayBills'];
const SESSION_INVALID = 'Session is invalid.  Please log in.';

for (const backend of BACKENDS) {
  describe(`BILL v2 dialect [${backend}]`, () => {
    let h: Harness;
    before(async () => {
      h = await createHarness(backend);
    });
    after(() => h.close());

    const call = (t: Tenant, sessionId: string, op: string, data?: object | string) => v2(h, op, { devKey: t.devKey, sessionId }, data);

    /** Steps two and three: MFAChallenge, the code from the outbox, MFAAuthenticate. */
    async function authenticate(t: Tenant, sessionId: string, extra: Record<string, unknown> = {}) {
      const { challengeId } = v2Data(await call(t, sessionId, 'MFAChallenge', { useBackup: 'false' }));
      assert.ok(typeof challengeId === 'string' && challengeId.length > 0);
      const token = await codeFor(h, t);
      return v2Data(await call(t, sessionId, 'MFAAuthenticate', { challengeId, token, deviceId: 'laptop-1', machineName: 'Ana\'s laptop', ...extra }));
    }

    it('seed 001, Login overview: Login.json with userName, password, orgId and devKey creates a session (sessionId, orgId, apiEndPoint, usersId)', async () => {
      const t = await tenantWithPhone(h);
      const data = v2Data(await v2(h, 'Login', { userName: t.username, password: PASSWORD, orgId: t.orgId, devKey: t.devKey }));
      assert.deepEqual(Object.keys(data).sort(), ['apiEndPoint', 'orgId', 'sessionId', 'usersId']);
      assert.equal(data.orgId, t.orgId);
      assert.equal(data.usersId, t.userId);
      assert.match(data.apiEndPoint as string, /\/bill\/api\/v2$/);
      assertV2Error(await v2(h, 'Login', { userName: t.username, password: 'wrong password', orgId: t.orgId, devKey: t.devKey }),
        'BDC_1101', 'User name and/or password do not match our records.');
    });

    it('seed 001, Login operations: the sessionId works in GetSessionInfo until Logout, then BDC_1109', async () => {
      const t = await tenantWithPhone(h);
      const sessionId = await v2Login(h, t);
      const info = v2Data(await call(t, sessionId, 'GetSessionInfo'));
      assert.deepEqual(info, { sessionId, orgId: t.orgId, apiEndPoint: info.apiEndPoint, usersId: t.userId });
      assert.deepEqual(v2Data(await call(t, sessionId, 'Logout')), {});
      assertV2Error(await call(t, sessionId, 'GetSessionInfo'), 'BDC_1109', SESSION_INVALID);
    });

    it('seed 001, 35 minutes: any call resets the idle timer; 35 idle minutes end the session (BDC_1109)', async () => {
      const t = await tenantWithPhone(h);
      const sessionId = await v2Login(h, t);
      h.time.advance(34 * MINUTE);
      v2Data(await call(t, sessionId, 'GetSessionInfo'));
      h.time.advance(34 * MINUTE);
      v2Data(await call(t, sessionId, 'GetSessionInfo'));
      h.time.advance(36 * MINUTE);
      assertV2Error(await call(t, sessionId, 'GetSessionInfo'), 'BDC_1109', SESSION_INVALID);
    });

    it('seed 001, MFA: the four protected operations are refused on an untrusted session (BDC_1361)', async () => {
      const t = await tenantWithPhone(h);
      const sessionId = await v2Login(h, t);
      for (const op of PROTECTED) assertV2Error(await call(t, sessionId, op, { vendorId: '00901' }), 'BDC_1361', 'Untrusted session.');
    });

    it('seed 001, three-step process: Login, MFAChallenge (token to the phone), MFAAuthenticate; the same sessionId is then MFA-trusted', async () => {
      const t = await tenantWithPhone(h);
      const sessionId = await v2Login(h, t);
      assertV2Error(await call(t, sessionId, 'PayBills', { vendorId: '00901', billPays: [{ billId: '00n01', amount: 10 }] }), 'BDC_1361', 'Untrusted session.');
      const { mfaId } = await authenticate(t, sessionId);
      assert.ok(typeof mfaId === 'string' && mfaId.length > 0);
      for (const op of PROTECTED) {
        const data = v2Data(await call(t, sessionId, op, { vendorId: '00901' }));
        assert.ok(typeof data.id === 'string');
      }
    });

    it('seed 001, MFA operations: MFAStatus reports the trust; once the session expires the three steps start again', async () => {
      const t = await tenantWithPhone(h);
      const sessionId = await v2Login(h, t);
      assert.deepEqual(v2Data(await call(t, sessionId, 'MFAStatus')), { isTrusted: false });
      const { mfaId } = await authenticate(t, sessionId);
      assert.deepEqual(v2Data(await call(t, sessionId, 'MFAStatus')), { isTrusted: true });
      // Without rememberMe the mfaId lives only as long as the session: it is no remembered device.
      assert.deepEqual(v2Data(await call(t, sessionId, 'MFAStatus', { mfaId, deviceId: 'laptop-1' })), { isTrusted: false });
      h.time.advance(36 * MINUTE);
      assertV2Error(await call(t, sessionId, 'MFAStatus'), 'BDC_1109', SESSION_INVALID);
      const again = await v2Login(h, t);
      assertV2Error(await call(t, again, 'PayBills', {}), 'BDC_1361');
      await authenticate(t, again);
      v2Data(await call(t, again, 'PayBills', {}));
    });

    it('remembered device: rememberMe returns an mfaId; for 30 days Login with mfaId + deviceId is trusted at once; another deviceId is refused', async () => {
      const t = await tenantWithPhone(h, { rememberDeviceDays: 30 });
      const first = await v2Login(h, t);
      const { mfaId } = await authenticate(t, first, { rememberMe: true });
      assert.equal(typeof mfaId, 'string');
      assert.deepEqual(v2Data(await call(t, first, 'MFAStatus', { mfaId, deviceId: 'laptop-1' })), { isTrusted: true });

      const trusted = await v2Login(h, t, { mfaId: mfaId as string, deviceId: 'laptop-1' });
      v2Data(await call(t, trusted, 'PayBills', { vendorId: '00901' }));

      assertV2Error(await v2(h, 'Login', { userName: t.username, password: PASSWORD, orgId: t.orgId, devKey: t.devKey, mfaId: mfaId as string, deviceId: 'phone-2' }), 'BDC_1361');

      h.time.advance(31 * DAY);
      const late = await v2Login(h, t);
      assert.deepEqual(v2Data(await call(t, late, 'MFAStatus', { mfaId, deviceId: 'laptop-1' })), { isTrusted: false });
      assertV2Error(await v2(h, 'Login', { userName: t.username, password: PASSWORD, orgId: t.orgId, devKey: t.devKey, mfaId: mfaId as string, deviceId: 'laptop-1' }), 'BDC_1361');
    });

    it('v2 and v3 share one engine: a v2 session works on GET /v3/login/session and on the native GET /v1/session', async () => {
      const t = await tenantWithPhone(h);
      const sessionId = await v2Login(h, t);
      const headers = { devKey: t.devKey, sessionId };
      const before = await v3(h, 'GET', '/login/session', { headers });
      assert.equal(before.statusCode, 200, before.body);
      assert.deepEqual(before.json(), { organizationId: t.orgId, userId: t.userId, mfaStatus: 'CHALLENGE', mfaBypass: false });
      const native = await h.call('GET', '/v1/session', { devKey: t.devKey, session: sessionId });
      assert.equal(native.statusCode, 200, native.body);
      assert.equal(native.json().userId, t.userId);

      await authenticate(t, sessionId);
      assert.equal((await v3(h, 'GET', '/login/session', { headers })).json().mfaStatus, 'COMPLETE');
      assert.equal((await v3(h, 'POST', '/payments', { headers, body: { vendorId: '00901', amount: 1 } })).statusCode, 200);
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session: sessionId })).json().trusted, true);

      v2Data(await call(t, sessionId, 'Logout'));
      assert.equal((await v3(h, 'GET', '/login/session', { headers })).statusCode, 401);
      assert.equal((await h.call('GET', '/v1/session', { devKey: t.devKey, session: sessionId })).statusCode, 401);
    });

    it('malformed input answers in the envelope with HTTP 200: bad data JSON (BDC_1002), missing or wrong devKey (BDC_1102), unknown Op (BDC_1121)', async () => {
      const t = await tenantWithPhone(h);
      const sessionId = await v2Login(h, t);
      assertV2Error(await call(t, sessionId, 'MFAChallenge', '{"useBackup": fal'), 'BDC_1002', 'Unknown error occurred.');
      assertV2Error(await call(t, sessionId, 'MFAChallenge', '[1,2]'), 'BDC_1002');
      assertV2Error(await call(t, sessionId, 'PayBills', '"text"'), 'BDC_1002');
      assertV2Error(await call(t, sessionId, 'MFAChallenge', { useBakup: false }), 'BDC_1002');
      assertV2Error(await call(t, sessionId, 'MFAAuthenticate', { challengeId: 'x' }), 'BDC_1002');
      assertV2Error(await v2(h, 'GetSessionInfo', { sessionId }), 'BDC_1102', 'Developer key is invalid.');
      assertV2Error(await v2(h, 'Login', { userName: t.username, password: PASSWORD, orgId: t.orgId }), 'BDC_1102', 'Developer key is invalid.');
      assertV2Error(await v2(h, 'GetSessionInfo', { devKey: 'nope', sessionId }), 'BDC_1102');
      assertV2Error(await v2(h, 'Login', { userName: t.username, devKey: t.devKey }), 'BDC_1002');
      assertV2Error(await v2(h, 'GetSessionInfo', { devKey: t.devKey }), 'BDC_1109', SESSION_INVALID);
      assertV2Error(await v2(h, 'GetSessionInfo', { devKey: t.devKey, sessionId: 'not-a-session' }), 'BDC_1109');
      assertV2Error(await call(t, sessionId, 'ListVendors'), 'BDC_1121', 'API not supported.');
      assertV2Error(await call(t, sessionId, 'login'), 'BDC_1121');
      assertV2Error(await h.app.inject({ method: 'GET', url: '/bill/api/v2/Login.json' }), 'BDC_1121');
      assertV2Error(await h.app.inject({
        method: 'POST', url: '/bill/api/v2/GetSessionInfo.json', headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ devKey: t.devKey, sessionId }),
      }), 'BDC_1002');
      assertV2Error(await h.app.inject({ method: 'POST', url: '/bill/api/v2/GetSessionInfo.json', headers: { 'content-type': 'text/plain' }, payload: 'x' }), 'BDC_1002');
      assertV2Error(await h.app.inject({ method: 'POST', url: '/bill/api/v2/GetSessionInfo.json' }), 'BDC_1102');
    });

    it('MFA failures in BILL codes: a wrong token (BDC_1358), a used challenge (BDC_1374), another user\'s challenge (BDC_1002), another organization\'s key (BDC_1109)', async () => {
      const t = await tenantWithPhone(h);
      const sessionId = await v2Login(h, t);
      const { challengeId } = v2Data(await call(t, sessionId, 'MFAChallenge', { useBackup: false }));
      const token = await codeFor(h, t);
      const wrong = token === '000000' ? '111111' : '000000';
      assertV2Error(await call(t, sessionId, 'MFAAuthenticate', { challengeId, token: wrong, deviceId: 'd', machineName: 'm' }), 'BDC_1358');
      v2Data(await call(t, sessionId, 'MFAAuthenticate', { challengeId, token, deviceId: 'd', machineName: 'm' }));
      assertV2Error(await call(t, sessionId, 'MFAAuthenticate', { challengeId, token, deviceId: 'd', machineName: 'm' }), 'BDC_1374');
      const other = await createTenant(h);
      const otherSession = await v2Login(h, other);
      const mine = v2Data(await call(t, sessionId, 'MFAChallenge', {})).challengeId as string;
      assertV2Error(await call(other, otherSession, 'MFAAuthenticate', { challengeId: mine, token, deviceId: 'd', machineName: 'm' }), 'BDC_1002');
      // Another organization's key cannot use the session.
      assertV2Error(await v2(h, 'GetSessionInfo', { devKey: other.devKey, sessionId }), 'BDC_1109');
    });

    it('data/sandbox.json key "bill": the sandbox user signs in through v2 with its devKey, organizationId, userName and password', async () => {
      const creds = await billSandbox(h);
      const bill = creds.bill;
      assert.deepEqual(Object.keys(bill).sort(), ['appKey', 'devKey', 'organizationId', 'password', 'userId', 'userName', 'v2BaseUrl', 'v3BaseUrl']);
      assert.equal(bill.devKey, creds.devKey);
      assert.equal(bill.appKey, creds.partnerKey);
      assert.equal(bill.v2BaseUrl, 'http://127.0.0.1:8080/bill/api/v2');
      assert.equal(bill.v3BaseUrl, 'http://127.0.0.1:8080/bill/connect/v3');
      const data = v2Data(await v2(h, 'Login', { userName: bill.userName, password: bill.password, orgId: bill.organizationId, devKey: bill.devKey }));
      assert.equal(data.usersId, bill.userId);
      const { challengeId } = v2Data(await v2(h, 'MFAChallenge', { devKey: bill.devKey, sessionId: data.sessionId as string }, { useBackup: false }));
      assert.ok(challengeId);
    });
  });
}
