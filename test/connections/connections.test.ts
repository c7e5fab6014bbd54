import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { type Harness } from '../support/harness.ts';
import { type Tenant } from '../support/fixtures.ts';
import { openConnectionSuite, type ConnectionApi } from './support.ts';

for (const backend of BACKENDS) {
  describe(`institution connections over HTTP [${backend}]`, () => {
    let h: Harness, t: Tenant, session: string, api: ConnectionApi;
    before(async () => ({ h, t, session, api } = await openConnectionSuite(backend)));
    after(() => h.close());

    it('no MFA: CREATED → PROCESSING → CONNECTED with accounts', async () => {
      const c = await api.create('good', 'nomfa');
      assert.equal(c.state, 'PROCESSING');
      assert.equal(c.isBeingAggregated, true);
      const done = await api.waitForState(c.connectionId, ['CONNECTED']);
      assert.equal(done.isAuthenticated, true);
      assert.equal(done.isBeingAggregated, false);
      assert.equal(done.group, 'finished');
      const accounts = (await h.call('GET', `/v1/connections/${c.connectionId}/accounts`, { devKey: t.devKey, session })).json().accounts;
      assert.ok(accounts.length >= 2);
      assert.equal(typeof accounts[0].balance, 'number');
    });

    it('one question: CHALLENGED → resume → RESUMED (not yet authenticated) → CONNECTED', async () => {
      const c = await api.create('mfa_question', 'q1');
      const challenged = await api.waitForState(c.connectionId, ['CHALLENGED']);
      assert.equal(challenged.challenges.length, 1);
      assert.equal(challenged.isAuthenticated, false);
      assert.equal(challenged.nextAction, 'answer_challenges');
      const [ch] = challenged.challenges;
      assert.equal(ch.type, 'question');
      const r = await api.resume(c.connectionId, [{ challengeId: ch.challengeId, value: 'correct' }]);
      assert.equal(r.statusCode, 202, r.body);
      assert.equal(r.json().state, 'RESUMED');
      assert.equal(r.json().isAuthenticated, false);
      assert.equal(r.json().isBeingAggregated, true);
      await api.waitForState(c.connectionId, ['CONNECTED']);
    });

    it('choose a phone, then enter the code it was sent (two rounds)', async () => {
      const c = await api.create('mfa_phone', 'phone');
      const r1 = await api.waitForState(c.connectionId, ['CHALLENGED']);
      assert.equal(r1.challenges[0].type, 'options');
      const phone = r1.challenges[0].options[1];
      await api.resume(c.connectionId, [{ challengeId: r1.challenges[0].challengeId, value: phone.optionId }]);
      const r2 = await api.waitForState(c.connectionId, ['CHALLENGED'].concat([]), 10_000).then(async (x) => (x.round === 2 ? x : api.waitForState(c.connectionId, ['CHALLENGED'])));
      const round2 = r2.round === 2 ? r2 : await api.get(c.connectionId);
      assert.equal(round2.round, 2);
      assert.equal(round2.challenges[0].type, 'code_sent');
      assert.equal(round2.challenges[0].medium.type, 'sms');
      await api.resume(c.connectionId, [{ challengeId: round2.challenges[0].challengeId, value: 'correct' }]);
      await api.waitForState(c.connectionId, ['CONNECTED']);
    });

    it('a wrong answer is REJECTED with a new challenge, then the right one connects', async () => {
      const c = await api.create('mfa_question', 'wrong');
      await api.waitForState(c.connectionId, ['CHALLENGED']);
      await api.answerAll(c.connectionId, 'nope');
      const rejected = await api.waitForState(c.connectionId, ['REJECTED']);
      assert.equal(rejected.challenges.length, 1);
      assert.equal(rejected.nextAction, 'answer_challenges');
      await api.answerAll(c.connectionId, 'correct');
      await api.waitForState(c.connectionId, ['CONNECTED']);
    });
  });
}
