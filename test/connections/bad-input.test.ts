import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { type Harness } from '../support/harness.ts';
import { createTenant, signIn, type Tenant } from '../support/fixtures.ts';
import { openConnectionSuite, type ConnectionApi } from './support.ts';

let n = 0;
const login = () => `bad${++n}`;

for (const backend of BACKENDS) {
  describe(`connections: bad input and other organizations [${backend}]`, () => {
    let h: Harness, t: Tenant, session: string, api: ConnectionApi;
    before(async () => ({ h, t, session, api } = await openConnectionSuite(backend)));
    after(() => h.close());

    const post = (body: unknown) => h.call('POST', '/v1/connections', { devKey: t.devKey, session, body });
    const expectProblem = (r: any, status: number, code: string, field?: string) => {
      assert.equal(r.statusCode, status, r.body);
      assert.equal(r.json().code, code);
      if (field) assert.equal(r.json().field, field);
    };

    it('unknown institution, missing or unknown credential fields', async () => {
      expectProblem(await post({ institutionCode: 'nope', credentials: { username: 'a', password: 'b' } }), 404, 'LK_ERR_NOT_FOUND', 'institutionCode');
      expectProblem(await post({ institutionCode: 'latchkey_sandbox', credentials: { username: 'a' } }), 400, 'LK_ERR_VALIDATION', 'credentials.password');
      expectProblem(await post({ institutionCode: 'latchkey_sandbox', credentials: { username: 'a', password: 'b', pin: '1' } }), 400, 'LK_ERR_VALIDATION', 'credentials.pin');
      expectProblem(await post({ institutionCode: 'latchkey_sandbox', credentials: { username: 'a', password: 7 } }), 400, 'LK_ERR_VALIDATION');
      assert.equal((await h.call('GET', '/v1/connections', { devKey: t.devKey, session })).json().connections.length, 0, 'nothing was created');
    });

    it('creating a duplicate returns the existing connection', async () => {
      const first = await post({ institutionCode: 'latchkey_sandbox', credentials: { username: 'Dup', password: 'good' } });
      assert.equal(first.statusCode, 201);
      const again = await post({ institutionCode: 'latchkey_sandbox', credentials: { username: 'dup ', password: 'other' } });
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().connectionId, first.json().connectionId);
      await api.waitForState(first.json().connectionId, ['CONNECTED']);
    });

    it('resume in the wrong state is 409; wrong challenge IDs, unanswered challenges and unknown options are 422; oversize is 400', async () => {
      const done = await api.create('good', login());
      await api.waitForState(done.connectionId, ['CONNECTED']);
      expectProblem(await api.resume(done.connectionId, [{ challengeId: 'chg_x', value: 'correct' }]), 409, 'LK_ERR_CONNECTION_NOT_CHALLENGED');

      const c = await api.create('mfa_questions_1_2', login());
      const chs = (await api.waitForState(c.connectionId, ['CHALLENGED'])).challenges;
      expectProblem(await api.resume(c.connectionId, [{ challengeId: 'chg_nope', value: 'correct' }]), 422, 'LK_ERR_ANSWERS_MISMATCH', 'challenges[0].challengeId');
      expectProblem(await api.resume(c.connectionId, [{ challengeId: chs[0].challengeId, value: 'correct' }]), 422, 'LK_ERR_ANSWERS_MISMATCH', 'challenges');
      expectProblem(await api.resume(c.connectionId, [{ challengeId: chs[0].challengeId, value: 'a' }, { challengeId: chs[0].challengeId, value: 'b' }]), 422, 'LK_ERR_ANSWERS_MISMATCH');
      expectProblem(await api.resume(c.connectionId, [{ challengeId: chs[0].challengeId, value: 'x'.repeat(1001) }, { challengeId: chs[1].challengeId, value: 'y' }]), 400, 'LK_ERR_VALIDATION');
      expectProblem(await h.call('PUT', `/v1/connections/${c.connectionId}/resume`, { devKey: t.devKey, session, body: { challenges: [] } }), 400, 'LK_ERR_VALIDATION', 'body.challenges');
      assert.equal((await api.get(c.connectionId)).state, 'CHALLENGED', 'nothing changed');

      const o = await api.create('mfa_image_options', login());
      const ch = (await api.waitForState(o.connectionId, ['CHALLENGED'])).challenges[0];
      expectProblem(await api.resume(o.connectionId, [{ challengeId: ch.challengeId, value: 'not-an-option' }]), 422, 'LK_ERR_ANSWERS_MISMATCH', 'challenges[0].value');
    });

    it('fix-hold when not on hold is 409', async () => {
      const c = await api.create('good', login());
      await api.waitForState(c.connectionId, ['CONNECTED']);
      expectProblem(await h.call('POST', `/v1/connections/${c.connectionId}/fix-hold`, { devKey: t.devKey, session }), 409, 'LK_ERR_CONNECTION_STATE');
    });

    it('another organization\'s or user\'s connection looks exactly like a missing one', async () => {
      const c = await api.create('mfa_question', login());
      await api.waitForState(c.connectionId, ['CHALLENGED']);
      const other = await createTenant(h);
      const otherSession = await signIn(h, other);
      const foreign = await h.call('GET', `/v1/connections/${c.connectionId}`, { devKey: other.devKey, session: otherSession });
      const missing = await h.call('GET', '/v1/connections/con_AAAAAAAAAAAAAAAAAAAA', { devKey: other.devKey, session: otherSession });
      assert.equal(foreign.statusCode, 404);
      assert.deepEqual(foreign.json(), missing.json());
      for (const [method, path] of [['PUT', 'resume'], ['POST', 'fix-hold'], ['POST', 'refresh'], ['DELETE', '']] as const) {
        const r = await h.call(method, `/v1/connections/${c.connectionId}${path ? `/${path}` : ''}`, {
          devKey: other.devKey, session: otherSession, body: method === 'PUT' ? { challenges: [{ challengeId: 'x', value: 'y' }] } : method === 'POST' ? {} : undefined,
        });
        assert.equal(r.statusCode, 404, `${method} ${path}`);
      }
      assert.equal((await api.get(c.connectionId)).state, 'CHALLENGED');
    });

    it('credentials are encrypted at rest and never returned', async () => {
      const c = await api.create('good', 'secret-login-name');
      const raw = JSON.stringify(await h.lk.db.selectFrom('connections' as never).selectAll().execute());
      assert.ok(!raw.includes('secret-login-name') && !raw.includes('"good"'), 'no credential in the table');
      const view = JSON.stringify(await api.get(c.connectionId));
      assert.ok(!view.includes('secret-login-name') && !view.includes('credentials'));
    });

    it('a job Latchkey itself cannot run (unreadable credentials) does not leave the connection PROCESSING', async () => {
      const c = await api.create('mfa_question', login());
      await api.waitForState(c.connectionId, ['CHALLENGED']);
      await h.lk.connectionDeps.connections.connections.transition(c.connectionId, ['CHALLENGED'], { credentialsEnc: 'v1.gone.AAAA.AAAA.AAAA' });
      await api.answerAll(c.connectionId, 'correct');
      const down = await api.waitForState(c.connectionId, ['INSTITUTION_DOWN']);
      assert.equal(down.nextAction, 'refresh');
      const jobs = (await h.call('GET', `/v1/connections/${c.connectionId}/jobs`, { devKey: t.devKey, session })).json().jobs;
      assert.equal(jobs[0].error, 'internal_error');
    });

    it('deleting a connection removes it and its data', async () => {
      const c = await api.create('good', login());
      await api.waitForState(c.connectionId, ['CONNECTED']);
      assert.equal((await h.call('DELETE', `/v1/connections/${c.connectionId}`, { devKey: t.devKey, session })).statusCode, 204);
      assert.equal((await h.call('GET', `/v1/connections/${c.connectionId}`, { devKey: t.devKey, session })).statusCode, 404);
      assert.equal((await h.call('GET', `/v1/connections/${c.connectionId}/accounts`, { devKey: t.devKey, session })).statusCode, 404);
    });

    it('institutions: search, and each one\'s credential fields', async () => {
      const list = (await h.call('GET', '/v1/institutions?search=sandbox', { devKey: t.devKey })).json().institutions;
      assert.ok(list.some((i: any) => i.code === 'latchkey_sandbox'));
      const one = await h.call('GET', '/v1/institutions/latchkey_sandbox', { devKey: t.devKey });
      assert.deepEqual(one.json().credentialFields.map((f: any) => f.name), ['username', 'password']);
      assert.equal((await h.call('GET', '/v1/institutions/nope', { devKey: t.devKey })).statusCode, 404);
    });
  });
}
