/**
 * Q2 Biller Direct (formerly Unbill), seed 004: the Auth object at /q2/v1, driven
 * with plain JSON requests as Q2 documents them (`Authorization: Bearer <apiKey>`).
 * The worker is off so each job step runs when the test says (`work()`): that is how
 * a status seen between two steps, such as `pending`, can be shown.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTenant, type Tenant } from '../support/fixtures.ts';
import { runNextJob } from '../../src/core/connection/job-runner.ts';
import { expireChallenges } from '../../src/core/connection/outcomes.ts';
import { ensureSandbox } from '../../src/sandbox/seed.ts';

const COMPANY = 'cmp_q2_sandbox';
const BAD_INPUT = /^You may want to double check your information\./;

for (const backend of BACKENDS) {
  describe(`Q2 Biller Direct dialect [${backend}]`, () => {
    let h: Harness, t: Tenant, other: Tenant;
    before(async () => {
      h = await createHarness(backend, { worker: false });
      t = await createTenant(h);
      other = await createTenant(h);
    });
    after(() => h.close());

    const q2 = (method: 'GET' | 'POST', path: string, body?: unknown, apiKey = t.devKey) =>
      h.call(method, `/q2/v1${path}`, { body, headers: { authorization: `Bearer ${apiKey}` } });
    /** Runs every job step that is due, as the worker would. */
    const work = async () => { while (await runNextJob(h.lk.connectionDeps)); };
    const ok = (r: Awaited<ReturnType<typeof q2>>, status = 200) => {
      assert.equal(r.statusCode, status, r.body);
      return r.json();
    };
    const createAuth = async (username: string, extra: Record<string, unknown> = {}) =>
      ok(await q2('POST', '/auth', { clientId: t.userId, companyId: COMPANY, items: ['bill'], form: { username, password: 'any' }, ...extra })).auth;
    const getAuth = async (authId: string, apiKey = t.devKey) => ok(await q2('GET', `/auth/${authId}`, undefined, apiKey));
    /** Creates an auth and runs its login. */
    const settled = async (username: string) => {
      const { _id } = await createAuth(username);
      await work();
      return getAuth(_id);
    };
    const answerQuestions = (authId: string, answers: unknown) => q2('POST', `/auth/${authId}/answer-questions`, { answers });

    it('The Auth Object: _id, status and the company with its logo', async () => {
      const created = await createAuth('netflix-fan');
      assert.match(created._id, /^auth_/);
      const auth = await getAuth(created._id);
      assert.deepEqual(Object.keys(auth), ['_id', 'status', 'company']);
      assert.equal(auth._id, created._id);
      assert.deepEqual(auth.company, ok(await q2('GET', `/companies/${COMPANY}`)));
      assert.equal(auth.company._id, COMPANY);
      assert.equal(auth.company.name, 'Q2 Sandbox Biller');
      assert.equal(auth.company.logo.background, false);
      const logo = await h.call('GET', new URL(auth.company.logo.url).pathname);
      assert.equal(logo.statusCode, 200);
      assert.match(logo.headers['content-type'] as string, /^image\/svg\+xml/);
      assert.ok(ok(await q2('GET', '/companies')).some((c: any) => c._id === COMPANY));
    });

    it('Verified: as long as no other valid auth status is entered (clients poll through pending)', async () => {
      const created = await createAuth('any-other-username');
      assert.deepEqual(created.status, { type: 'pending' }, 'the login runs in the background');
      await work();
      const auth = await getAuth(created._id);
      assert.deepEqual(auth.status, { type: 'verified' });
      assert.equal(auth.reason, undefined);
      assert.equal(auth.mfa, undefined);
    });

    it('Authenticate: the credentials are no longer valid; POST /auth again re-authenticates the same auth', async () => {
      const auth = await settled('authenticate');
      assert.deepEqual(auth.status, { type: 'authenticate' });
      // The same login again (a new password): the same auth is retried, not a second one made.
      const again = await createAuth('authenticate');
      assert.equal(again._id, auth._id);
      assert.deepEqual(again.status, { type: 'pending' });
      await work();
      assert.deepEqual((await getAuth(auth._id)).status, { type: 'authenticate' }, 'this sandbox username always fails');
      // New credentials for this auth: name it with authId.
      const fixed = await createAuth('verified', { authId: auth._id });
      assert.equal(fixed._id, auth._id);
      await work();
      assert.deepEqual((await getAuth(auth._id)).status, { type: 'verified' });
    });

    it('Hold: the reason (userMessage, code account_issue_accept_toc); fix-hold runs the auth again', async () => {
      const auth = await settled('hold');
      assert.deepEqual(auth.status, { type: 'hold' });
      assert.equal(auth.reason.code, 'account_issue_accept_toc');
      assert.match(auth.reason.userMessage, /accept the updated terms of service/);
      assert.deepEqual(ok(await q2('POST', `/auth/${auth._id}/fix-hold`)), { success: true });
      assert.deepEqual((await getAuth(auth._id)).status, { type: 'pending' }, 'fix-hold re-runs the login');
      await work();
      // Q2's sandbox keeps the hold for this status: the job runs and holds again.
      const again = await getAuth(auth._id);
      assert.deepEqual(again.status, { type: 'hold' });
      assert.equal(again.reason.code, 'account_issue_accept_toc');
      const notHeld = await settled('verified-for-hold');
      const refused = await q2('POST', `/auth/${notHeld._id}/fix-hold`);
      assert.equal(refused.statusCode, 409);
      assert.equal(typeof refused.json().message, 'string');
    });

    it('MFA Required (questions): answered by identifier, then verified; a wrong answer asks again', async () => {
      const auth = await settled('mfa-required-questions');
      assert.deepEqual(auth.status, { type: 'mfa-required' });
      assert.equal(auth.mfa.method, 'questions');
      // Sorted: the core lists a round's challenges in ID order, not the institution's.
      assert.deepEqual(auth.mfa.mfa.map((q: any) => q.question).sort(), ['What city did you grow up in?', 'What is your favorite food?']);
      const wrong = auth.mfa.mfa.map((q: any) => ({ answer: 'Seattle', identifier: q.identifier }));
      assert.deepEqual(ok(await answerQuestions(auth._id, wrong)), { success: true });
      assert.deepEqual((await getAuth(auth._id)).status, { type: 'pending' });
      await work();
      const asked = await getAuth(auth._id);
      assert.deepEqual(asked.status, { type: 'mfa-required' }, 'still mfa-required, with new items');
      assert.notDeepEqual(asked.mfa.mfa.map((q: any) => q.identifier), auth.mfa.mfa.map((q: any) => q.identifier));
      const right = asked.mfa.mfa.map((q: any) => ({ answer: 'correct', identifier: q.identifier }));
      assert.deepEqual(ok(await answerQuestions(auth._id, right)), { success: true });
      await work();
      assert.deepEqual((await getAuth(auth._id)).status, { type: 'verified' });
    });

    it('MFA Required (code): choose where to send it by identifier, then answer with the code', async () => {
      const auth = await settled('mfa-required-code');
      assert.equal(auth.mfa.method, 'code');
      const text = auth.mfa.mfa.find((x: any) => x.type === 'text');
      const email = auth.mfa.mfa.find((x: any) => x.type === 'email');
      assert.deepEqual({ ...text, identifier: undefined }, { mask: 'xxx-xxx-1234', type: 'text', identifier: undefined, label: 'Text: xxx-xxx-1234' });
      assert.equal(email.label, 'Email: j***@example.com');
      assert.deepEqual(ok(await answerQuestions(auth._id, [{ identifier: email.identifier }])), { success: true });
      await work();
      const entry = await getAuth(auth._id);
      assert.equal(entry.mfa.method, 'code');
      const [code] = entry.mfa.mfa;
      assert.equal(code.type, 'email');
      assert.equal(code.mask, 'j***@example.com');
      assert.match(code.question, /Enter the code sent to j\*\*\*@example\.com/);
      assert.deepEqual(ok(await answerQuestions(auth._id, [{ answer: 'correct', identifier: code.identifier }])), { success: true });
      await work();
      assert.deepEqual((await getAuth(auth._id)).status, { type: 'verified' });
    });

    it('MFA Required (prompt): approved on the device while the client polls GET /auth', async () => {
      const auth = await settled('mfa-required-prompt');
      assert.equal(auth.mfa.method, 'prompt');
      const [prompt] = auth.mfa.mfa;
      assert.match(prompt.label, /Approve the sign-in/);
      assert.equal(prompt.question, undefined, 'a prompt takes no answer');
      // Acknowledging the prompt is accepted and changes nothing: the job is polling it.
      assert.deepEqual(ok(await answerQuestions(auth._id, [{ identifier: prompt.identifier }])), { success: true });
      h.time.advance(2_000);
      await work();
      assert.deepEqual((await getAuth(auth._id)).status, { type: 'mfa-required' }, 'not approved at the first poll');
      h.time.advance(1_000);
      await work();
      assert.deepEqual((await getAuth(auth._id)).status, { type: 'verified' });
    });

    it('legacy REST: a legacy test username and POST /auth/step with the auth _id as token', async () => {
      const auth = await settled('testmfacode@test.test');
      assert.equal(auth.mfa.method, 'code');
      assert.deepEqual(ok(await q2('POST', '/auth/step', { token: auth._id, mfa: { identifier: auth.mfa.mfa[0].identifier } })), { success: true });
      await work();
      const [code] = (await getAuth(auth._id)).mfa.mfa;
      assert.deepEqual(ok(await q2('POST', '/auth/step', { token: auth._id, mfa: [{ answer: 'correct', identifier: code.identifier }] })), { success: true });
      await work();
      assert.deepEqual((await getAuth(auth._id)).status, { type: 'verified' });
    });

    it('other companies: native states Q2 has no word for map onto its four (plus pending)', async () => {
      const bank = async (password: string, username = `ana-${password}`) => {
        const { _id } = ok(await q2('POST', '/auth', { clientId: t.userId, companyId: 'cmp_latchkey_sandbox', form: { username, password } })).auth;
        await work();
        return getAuth(_id);
      };
      const other = await bank('hold_account_issue_update_password');
      assert.deepEqual(other.reason, { code: 'account_issue_verify_identity', userMessage: 'Sign in to Latchkey Sandbox Bank and change your password, then try again.' });
      const locked = await bank('locked');
      assert.deepEqual(locked.status, { type: 'hold' });
      assert.equal(locked.reason.code, 'account_issue_account_locked');
      assert.deepEqual(ok(await q2('POST', `/auth/${locked._id}/fix-hold`)), { success: true }, 'a locked login is retried');
      assert.deepEqual((await getAuth(locked._id)).status, { type: 'pending' });
      const refused = await bank('mfa_prompt_refuse');
      for (let i = 0; i < 3; i++) { h.time.advance(2_000); await work(); }
      assert.deepEqual((await getAuth(refused._id)).status, { type: 'authenticate' }, 'a refused prompt: start again');
      const expired = await bank('mfa_question');
      h.time.advance(10 * 60_000 + 1);
      await expireChallenges(h.lk.connectionDeps);
      assert.deepEqual((await getAuth(expired._id)).status, { type: 'authenticate' }, 'MFA not answered in time');
      const again = ok(await q2('POST', '/auth', { clientId: t.userId, companyId: 'cmp_latchkey_sandbox', form: { username: 'ana-mfa_question', password: 'good' } })).auth;
      assert.equal(again._id, expired._id, 'creating it again re-authenticates the same auth');
      await work();
      assert.deepEqual((await getAuth(expired._id)).status, { type: 'verified' });
    });

    it('malformed input: 400 {"message"} in Q2\'s words, never Fastify\'s shape', async () => {
      // One auth per client, company and login: the legacy username makes a second questions auth.
      const mfa = await settled('testmfaquestion');
      const cases: [string, string, unknown][] = [
        ['POST', '/auth', { clientId: t.userId, companyId: COMPANY }],
        ['POST', '/auth', { clientId: t.userId, companyId: COMPANY, form: { username: 'x', password: 'y' }, extra: 1 }],
        ['POST', '/auth', { clientId: t.userId, companyId: COMPANY, form: { username: 'x' } }],
        ['POST', '/auth', { clientId: t.userId, companyId: COMPANY, items: ['mortgage'], form: { username: 'x', password: 'y' } }],
        ['POST', '/auth', { clientId: 7, companyId: COMPANY, form: {} }],
        ['POST', `/auth/${mfa._id}/answer-questions`, { answers: [] }],
        ['POST', `/auth/${mfa._id}/answer-questions`, { answers: 'Seattle' }],
        ['POST', `/auth/${mfa._id}/answer-questions`, { answers: [{ answer: 'Seattle' }] }],
        ['POST', `/auth/${mfa._id}/answer-questions`, { answers: [{ answer: 'Seattle', identifier: 'not-an-item' }] }],
        ['POST', `/auth/${mfa._id}/answer-questions`, { answers: [{ answer: 'correct', identifier: mfa.mfa.mfa[0].identifier }] }],
        ['POST', '/auth/step', { token: mfa._id, mfa: 'Seattle' }],
      ];
      for (const [method, path, body] of cases) {
        const r = await q2(method as 'POST', path, body);
        assert.equal(r.statusCode, 400, `${path} ${JSON.stringify(body)}: ${r.body}`);
        assert.deepEqual(Object.keys(r.json()), ['message']);
        assert.match(r.json().message, BAD_INPUT);
      }
      const bad = await h.call('POST', '/q2/v1/auth', { headers: { authorization: `Bearer ${t.devKey}`, 'content-type': 'application/json' }, body: '{"clientId":' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().message, BAD_INPUT);
      const text = await h.call('POST', '/q2/v1/auth', { headers: { authorization: `Bearer ${t.devKey}`, 'content-type': 'text/plain' }, body: 'hi' });
      assert.equal(text.statusCode, 415);
      assert.deepEqual(Object.keys(text.json()), ['message']);
      const noKey: Record<string, string>[] = [{}, { authorization: 'Bearer nope' }, { authorization: t.devKey }, { 'x-dev-key': t.devKey }];
      for (const headers of noKey) {
        const r = await h.call('GET', `/q2/v1/auth/${mfa._id}`, { headers });
        assert.equal(r.statusCode, 401, JSON.stringify(headers));
        assert.deepEqual(Object.keys(r.json()), ['message']);
      }
      const missing = await q2('GET', '/nothing-here');
      assert.equal(missing.statusCode, 404);
      assert.deepEqual(Object.keys(missing.json()), ['message']);
      assert.deepEqual((await getAuth(mfa._id)).status, { type: 'mfa-required' }, 'nothing was answered');
    });

    it('another organization\'s auth, client or a made-up ID: 404, as if it did not exist', async () => {
      const auth = await settled('testmfaquestions@test.test');
      const answers = auth.mfa.mfa.map((q: any) => ({ answer: 'correct', identifier: q.identifier }));
      const attempts: [('GET' | 'POST'), string, unknown?][] = [
        ['GET', `/auth/${auth._id}`],
        ['POST', `/auth/${auth._id}/answer-questions`, { answers }],
        ['POST', `/auth/${auth._id}/fix-hold`],
        ['POST', '/auth/step', { token: auth._id, mfa: answers }],
        ['POST', '/auth', { clientId: other.userId, companyId: COMPANY, form: { username: 'verified', password: 'x' }, authId: auth._id }],
      ];
      for (const [method, path, body] of attempts) {
        const r = await q2(method, path, body, other.devKey);
        assert.equal(r.statusCode, 404, `${method} ${path}: ${r.body}`);
        assert.deepEqual(r.json(), { message: 'Auth not found.' });
      }
      assert.deepEqual(ok(await q2('POST', '/auth', { clientId: t.userId, companyId: COMPANY, form: { username: 'v', password: 'x' } }, other.devKey), 404), { message: 'Client not found.' });
      assert.deepEqual(ok(await q2('POST', '/auth', { clientId: t.userId, companyId: 'cmp_nope', form: { username: 'v', password: 'x' } }), 404), { message: 'Company not found.' });
      assert.deepEqual(ok(await q2('GET', '/auth/579b695decea110719b1874d'), 404), { message: 'Auth not found.' });
      assert.deepEqual(ok(await q2('GET', '/companies/579b695decea110719b1874d'), 404), { message: 'Company not found.' });
      assert.deepEqual((await getAuth(auth._id)).status, { type: 'mfa-required' }, 'the other organization changed nothing');
    });

    it('data/sandbox.json key q2: apiKey, baseUrl, clientId and companyId work as given', async () => {
      const creds = await ensureSandbox(h.lk, 'http://127.0.0.1:8080') as unknown as { q2: Record<string, string> };
      const { apiKey, baseUrl, clientId, companyId } = creds.q2;
      assert.equal(baseUrl, 'http://127.0.0.1:8080/q2/v1');
      assert.equal(companyId, COMPANY);
      const created = ok(await q2('POST', '/auth', { clientId, companyId, items: ['bill'], form: { username: 'verified', password: 'x' } }, apiKey!)).auth;
      await work();
      assert.deepEqual((await getAuth(created._id, apiKey)).status, { type: 'verified' });
    });
  });
}
