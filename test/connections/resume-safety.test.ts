/**
 * Attack and accident: answering one challenge many times at once (double-clicks,
 * retries, a replayed end-user page). Exactly one resume is applied; the rest get the
 * first result or a 409; an answer token works once.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { type Harness } from '../support/harness.ts';
import { createTenant,  type Tenant } from '../support/fixtures.ts';
import { openConnectionSuite, type ConnectionApi } from './support.ts';
import { resumeWithToken } from '../../src/core/connection/resume.ts';

let n = 0;
const login = () => `resume${++n}`;

for (const backend of BACKENDS) {
  describe(`resume safety [${backend}]`, () => {
    let h: Harness, t: Tenant, session: string, api: ConnectionApi;
    before(async () => ({ h, t, session, api } = await openConnectionSuite(backend)));
    after(() => h.close());

    it('50 concurrent resumes of one challenge: one applied, the rest get 409', async () => {
      const c = await api.create('mfa_question', login());
      const ch = (await api.waitForState(c.connectionId, ['CHALLENGED'])).challenges[0];
      const results = await Promise.all(Array.from({ length: 50 }, () => api.resume(c.connectionId, [{ challengeId: ch.challengeId, value: 'correct' }])));
      const applied = results.filter((r) => r.statusCode === 202);
      assert.equal(applied.length, 1);
      for (const r of results.filter((x) => x.statusCode !== 202)) {
        assert.equal(r.statusCode, 409, r.body);
        assert.equal(r.json().code, 'LK_ERR_CONNECTION_NOT_CHALLENGED');
      }
      await api.waitForState(c.connectionId, ['CONNECTED']);
      const jobs = (await h.call('GET', `/v1/connections/${c.connectionId}/jobs`, { devKey: t.devKey, session })).json().jobs;
      assert.equal(jobs.length, 1);
    });

    it('50 concurrent resumes with one Idempotency-Key: all get the first result', async () => {
      const c = await api.create('mfa_question', login());
      const ch = (await api.waitForState(c.connectionId, ['CHALLENGED'])).challenges[0];
      const results = await Promise.all(Array.from({ length: 50 }, () =>
        api.resume(c.connectionId, [{ challengeId: ch.challengeId, value: 'correct' }], { 'idempotency-key': 'submit-1' })));
      const bodies = new Set(results.map((r) => `${r.statusCode} ${r.body}`));
      assert.equal(bodies.size, 1, 'every repeat gets the same first result');
      assert.equal(results[0]!.statusCode, 202);
      assert.equal(results[0]!.json().state, 'RESUMED');
      await api.waitForState(c.connectionId, ['CONNECTED']);
      const again = await api.resume(c.connectionId, [{ challengeId: ch.challengeId, value: 'correct' }], { 'idempotency-key': 'submit-1' });
      assert.equal(again.statusCode, 202, 'a later repeat gets the first result, not an error');
      assert.equal(again.json().state, 'RESUMED');
    });

    it('an answer token lets exactly one resume; a second use is refused', async () => {
      const c = await api.create('mfa_questions_2_1', login());
      const ch = (await api.waitForState(c.connectionId, ['CHALLENGED'])).challenges[0];
      const tok = await h.call('POST', `/v1/connections/${c.connectionId}/answer-tokens`, { devKey: t.devKey, session });
      assert.equal(tok.statusCode, 201, tok.body);
      const { answerToken } = tok.json();
      const byToken = (challengeId: string, value: string) => h.call('PUT', `/v1/connections/${c.connectionId}/resume`, {
        devKey: t.devKey, headers: { 'x-answer-token': answerToken }, body: { challenges: [{ challengeId, value }] },
      });
      const bad = await byToken('chg_nope', 'correct');
      assert.equal(bad.statusCode, 422, 'a refused attempt does not spend the token');
      const ok = await byToken(ch.challengeId, 'correct');
      assert.equal(ok.statusCode, 202, ok.body);
      const round2 = await api.waitForState(c.connectionId, ['CHALLENGED']).then(async (x) => (x.round === 2 ? x : api.waitForState(c.connectionId, ['CHALLENGED'])));
      const reuse = await byToken(round2.challenges[0]?.challengeId ?? 'x', 'correct');
      assert.equal(reuse.statusCode, 401);
      assert.equal(reuse.json().code, 'LK_ERR_ANSWER_TOKEN_INVALID');
    });

    it('a token works only for its own connection, and only with a key of its organization', async () => {
      const a = await api.create('mfa_question', login());
      const b = await api.create('mfa_question', login());
      await api.waitForState(a.connectionId, ['CHALLENGED']);
      const chB = (await api.waitForState(b.connectionId, ['CHALLENGED'])).challenges[0];
      const { answerToken } = (await h.call('POST', `/v1/connections/${b.connectionId}/answer-tokens`, { devKey: t.devKey, session })).json();
      const wrongPath = await h.call('PUT', `/v1/connections/${a.connectionId}/resume`, {
        devKey: t.devKey, headers: { 'x-answer-token': answerToken }, body: { challenges: [{ challengeId: chB.challengeId, value: 'correct' }] },
      });
      assert.equal(wrongPath.statusCode, 401);
      assert.equal((await api.get(b.connectionId)).state, 'CHALLENGED', 'B was not touched');
      const other = await createTenant(h);
      const foreignKey = await h.call('PUT', `/v1/connections/${b.connectionId}/resume`, {
        devKey: other.devKey, headers: { 'x-answer-token': answerToken }, body: { challenges: [{ challengeId: chB.challengeId, value: 'correct' }] },
      });
      assert.equal(foreignKey.statusCode, 401);
      const first = await h.call('PUT', `/v1/connections/${b.connectionId}/resume`, {
        devKey: t.devKey, headers: { 'x-answer-token': answerToken, 'idempotency-key': 'page-submit' }, body: { challenges: [{ challengeId: chB.challengeId, value: 'correct' }] },
      });
      assert.equal(first.statusCode, 202);
      const repeat = await h.call('PUT', `/v1/connections/${b.connectionId}/resume`, {
        devKey: t.devKey, headers: { 'x-answer-token': answerToken, 'idempotency-key': 'page-submit' }, body: { challenges: [{ challengeId: chB.challengeId, value: 'correct' }] },
      });
      assert.equal(repeat.statusCode, 202, 'a repeat with the same key gets the first result');
      assert.deepEqual(repeat.json(), first.json());
    });

    it('a token spent by a concurrent use between its check and the resume changes nothing', async () => {
      const c = await api.create('mfa_question', login());
      const ch = (await api.waitForState(c.connectionId, ['CHALLENGED'])).challenges[0];
      const { answerToken } = (await h.call('POST', `/v1/connections/${c.connectionId}/answer-tokens`, { devKey: t.devKey, session })).json();
      const deps = h.lk.connectionDeps;
      const tokens = deps.connections.answerTokens;
      // The other use lands just after this one has read the token as unspent.
      const racing = {
        ...deps,
        connections: { ...deps.connections, answerTokens: { ...tokens, find: async (hash: string) => {
          const seen = await tokens.find(hash);
          await tokens.consume(hash, deps.clock.now());
          return seen;
        } } },
      };
      await assert.rejects(resumeWithToken(racing, c.connectionId, answerToken, [{ challengeId: ch.challengeId, value: 'correct' }]), { code: 'LK_ERR_ANSWER_TOKEN_INVALID' });
      const after = (await h.call('GET', `/v1/connections/${c.connectionId}`, { devKey: t.devKey, session })).json();
      assert.equal(after.state, 'CHALLENGED', 'the resume was not applied');
      assert.equal(after.challenges[0].challengeId, ch.challengeId);
    });

    it('an expired answer token is refused', async () => {
      const c = await api.create('mfa_question', login());
      const ch = (await api.waitForState(c.connectionId, ['CHALLENGED'])).challenges[0];
      const { answerToken } = (await h.call('POST', `/v1/connections/${c.connectionId}/answer-tokens`, { devKey: t.devKey, session })).json();
      h.time.advance(16 * 60_000);
      const r = await h.call('PUT', `/v1/connections/${c.connectionId}/resume`, {
        devKey: t.devKey, headers: { 'x-answer-token': answerToken }, body: { challenges: [{ challengeId: ch.challengeId, value: 'correct' }] },
      });
      assert.equal(r.statusCode, 401);
    });
  });
}
