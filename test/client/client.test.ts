import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createLatchkeyClient, isProblem, orThrow, LatchkeyProblemError } from '@latchkey/client';
import { PASSWORD, ADMIN_TOKEN } from '../support/harness.ts';
import { latestCode } from '../support/fixtures.ts';
import { startListening, type Listening } from '../support/listening.ts';

/** The SDK as a partner's back end uses it: Node's fetch against a listening server. */
describe('@latchkey/client against a running server', () => {
  let s: Listening;
  before(async () => {
    s = await startListening();
  });
  after(() => s?.h.close());

  it('signs in, challenges and verifies with typed calls; the session function is asked on every request', async () => {
    let sessionId: string | undefined;
    const lk = createLatchkeyClient({ baseUrl: `${s.baseUrl}/`, devKey: s.t.devKey, session: () => sessionId });
    const signIn = orThrow(await lk.POST('/v1/sessions', { body: { organizationId: s.t.orgId, username: s.t.username, password: PASSWORD } }));
    sessionId = signIn.sessionId;
    assert.equal(signIn.mfaStatus, 'SETUP');
    const enrolled = orThrow(await lk.POST('/v1/factors', { body: { type: 'sms' } }));
    assert.ok(enrolled.challenge);
    const verified = orThrow(await lk.POST('/v1/mfa/challenges/{challengeId}/verify', {
      params: { path: { challengeId: enrolled.challenge.challengeId } },
      body: { code: await latestCode(s.h, s.t.phone), rememberMe: true, device: 'sdk test' },
    }));
    assert.equal(verified.trusted, true);
    assert.ok(verified.rememberMeId);
    const info = orThrow(await lk.GET('/v1/session'));
    assert.equal(info.mfaStatus, 'COMPLETE');
    const org = orThrow(await lk.GET('/v1/organization'));
    assert.equal(org.rememberDeviceDays, 180);
  });

  it('returns problems as typed errors, and orThrow throws them', async () => {
    const lk = createLatchkeyClient({ baseUrl: s.baseUrl, devKey: s.t.devKey, session: 'not-a-session' });
    const r = await lk.GET('/v1/session');
    assert.equal(r.response.status, 401);
    assert.ok(isProblem(r.error));
    assert.equal(r.error.code, 'LK_ERR_SESSION_INVALID');
    assert.throws(() => orThrow(r), (e) => e instanceof LatchkeyProblemError && e.problem.code === 'LK_ERR_SESSION_INVALID');
  });

  it('sends the admin token, not the developer key, to the admin API', async () => {
    const lk = createLatchkeyClient({ baseUrl: s.baseUrl, devKey: s.t.devKey, adminToken: ADMIN_TOKEN });
    const org = orThrow(await lk.GET('/v1/admin/organizations/{organizationId}', { params: { path: { organizationId: s.t.orgId } } }));
    assert.equal(org.organizationId, s.t.orgId);
  });
});
