/**
 * Every path of the sandbox institution, end to end over HTTP: the connection ends
 * in the state that says exactly what the user must do next.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { waitFor, type Harness } from '../support/harness.ts';
import { type Tenant } from '../support/fixtures.ts';
import { openConnectionSuite, type ConnectionApi } from './support.ts';

const HOLD_REASONS = [
  'account_issue_accept_toc', 'account_issue_verify_identity', 'account_issue_update_password',
  'account_issue_enable_mfa', 'account_issue_payment_required', 'account_issue_contact_institution',
];
let n = 0;
const login = () => `user${++n}`;

for (const backend of BACKENDS) {
  describe(`sandbox institution paths [${backend}]`, () => {
    let h: Harness, t: Tenant, session: string, api: ConnectionApi;
    before(async () => ({ h, t, session, api } = await openConnectionSuite(backend)));
    after(() => h.close());

    /** Answers `correct` round after round until the connection settles. */
    async function driveToEnd(id: string): Promise<any> {
      for (let i = 0; i < 20; i++) {
        const c = await api.waitForState(id, ['CHALLENGED', 'REJECTED', 'CONNECTED', 'DENIED', 'LOCKED', 'HOLD', 'EXPIRED', 'INSTITUTION_DOWN']);
        if (c.state !== 'CHALLENGED' && c.state !== 'REJECTED') return c;
        if (c.challenges.length === 0 || !c.challenges.some((x: any) => x.needsAnswer)) return c;
        const round = c.round;
        const r = await api.answerAll(id, 'correct');
        assert.equal(r.statusCode, 202, r.body);
        await waitFor(async () => {
          const x = await api.get(id);
          return x.round > round || !['RESUMED'].includes(x.state) ? x : undefined;
        }, 'next round');
      }
      throw new Error('too many rounds');
    }

    for (const [password, type] of [
      ['mfa_authenticator', 'code_generated'], ['mfa_image', 'image_data'], ['mfa_image_options', 'image_options'], ['mfa_question', 'question'],
    ] as const) {
      it(`${password}: a ${type} challenge, answered, connects`, async () => {
        const c = await api.create(password, login());
        const challenged = await api.waitForState(c.connectionId, ['CHALLENGED']);
        const ch = challenged.challenges[0];
        assert.equal(ch.type, type);
        if (type === 'image_data') assert.match(ch.image, /^data:image\//);
        if (type === 'image_options') for (const o of ch.options) assert.match(o.image, /^data:image\//);
        assert.ok(Date.parse(ch.expiresAt) > h.time.ms, 'every challenge says when it expires');
        assert.equal((await driveToEnd(c.connectionId)).state, 'CONNECTED');
      });
    }

    it('N questions in M rounds: mfa_questions_3_2 takes three rounds of two', async () => {
      const c = await api.create('mfa_questions_3_2', login());
      const first = await api.waitForState(c.connectionId, ['CHALLENGED']);
      assert.equal(first.challenges.length, 2);
      const done = await driveToEnd(c.connectionId);
      assert.equal(done.state, 'CONNECTED');
      assert.equal(done.round, 3);
    });

    it('a prompt approved in the app while the connection waits', async () => {
      const c = await api.create('mfa_prompt_approve', login());
      const waiting = await api.waitForState(c.connectionId, ['CHALLENGED']);
      assert.equal(waiting.challenges[0].type, 'prompt');
      assert.equal(waiting.challenges[0].needsAnswer, false);
      // The job polls the institution: move time past each poll until it is approved.
      const done = await waitFor(async () => {
        h.time.advance(1_500);
        const x = await api.get(c.connectionId);
        return x.state === 'CONNECTED' ? x : undefined;
      }, 'approval');
      assert.equal(done.isAuthenticated, true);
    });

    it('a prompt refused in the app is REJECTED with nothing to answer: refresh to try again', async () => {
      const c = await api.create('mfa_prompt_refuse', login());
      await api.waitForState(c.connectionId, ['CHALLENGED']);
      const refused = await waitFor(async () => {
        h.time.advance(1_500);
        const x = await api.get(c.connectionId);
        return x.state === 'REJECTED' ? x : undefined;
      }, 'refusal');
      assert.equal(refused.nextAction, 'refresh');
      assert.equal(refused.challenges.length, 0);
      const again = await h.call('POST', `/v1/connections/${c.connectionId}/refresh`, { devKey: t.devKey, session, body: {} });
      assert.equal(again.statusCode, 202, 'a refused prompt is not a dead end');
      assert.equal((await api.waitForState(c.connectionId, ['CHALLENGED'])).challenges[0].type, 'prompt');
    });

    it('a prompt never answered EXPIRES after 10 minutes', async () => {
      const c = await api.create('mfa_prompt_never', login());
      await api.waitForState(c.connectionId, ['CHALLENGED']);
      h.time.advance(10 * 60_000 + 1);
      const expired = await api.waitForState(c.connectionId, ['EXPIRED']);
      assert.equal(expired.nextAction, 'refresh');
      assert.equal(expired.isBeingAggregated, false);
    });

    it('an unanswered question EXPIRES and its resume is refused with 410', async () => {
      const c = await api.create('mfa_question', login());
      const challenged = await api.waitForState(c.connectionId, ['CHALLENGED']);
      h.time.advance(10 * 60_000 + 1);
      const late = await api.resume(c.connectionId, [{ challengeId: challenged.challenges[0].challengeId, value: 'correct' }]);
      assert.ok(late.statusCode === 410 || late.statusCode === 409, late.body);
      await api.waitForState(c.connectionId, ['EXPIRED']);
    });

    it('wrong answer then re-challenge: REJECTED, then connected', async () => {
      const c = await api.create('mfa_reject_then_pass', login());
      await api.waitForState(c.connectionId, ['CHALLENGED']);
      await api.answerAll(c.connectionId, 'correct');
      const rejected = await api.waitForState(c.connectionId, ['REJECTED']);
      assert.equal(rejected.statusMessage, 'The answer was not accepted. Try again.');
      assert.equal((await driveToEnd(c.connectionId)).state, 'CONNECTED');
    });

    it('bad password: DENIED (reauthenticate); 3 refusals in a row: PREVENTED; good credentials connect', async () => {
      const c = await api.create('bad_password', login());
      const denied = await api.waitForState(c.connectionId, ['DENIED']);
      assert.equal(denied.nextAction, 'reauthenticate');
      const reauth = (password: string) => h.call('POST', `/v1/connections/${c.connectionId}/reauthenticate`, { devKey: t.devKey, session, body: { credentials: { username: 'x', password } } });
      const refresh = () => h.call('POST', `/v1/connections/${c.connectionId}/refresh`, { devKey: t.devKey, session, body: {} });
      assert.equal((await refresh()).statusCode, 409, 'DENIED needs new credentials, not a refresh');
      assert.equal((await reauth('bad_password')).statusCode, 202);
      await api.waitForState(c.connectionId, ['DENIED']);
      assert.equal((await reauth('still_bad')).statusCode, 202);
      const prevented = await api.waitForState(c.connectionId, ['PREVENTED']);
      assert.match(prevented.statusMessage, /3 refused logins/);
      assert.equal(prevented.nextAction, 'reauthenticate');
      const jobs = (await h.call('GET', `/v1/connections/${c.connectionId}/jobs`, { devKey: t.devKey, session })).json().jobs;
      assert.equal(jobs.length, 3, 'no login was tried on its own');
      const ok = await reauth('good');
      assert.equal(ok.statusCode, 202, ok.body);
      await api.waitForState(c.connectionId, ['CONNECTED']);
    });

    it('locked at the institution: LOCKED, contact the institution', async () => {
      const c = await api.create('locked', login());
      const locked = await api.waitForState(c.connectionId, ['LOCKED']);
      assert.equal(locked.nextAction, 'contact_institution');
    });

    for (const reason of HOLD_REASONS) {
      it(`hold ${reason}: HOLD with a reason, a message naming the institution and a URL; fix-hold re-runs the job`, async () => {
        const c = await api.create(`hold_${reason}`, login());
        const held = await api.waitForState(c.connectionId, ['HOLD']);
        assert.equal(held.hold.reason, reason);
        assert.match(held.hold.message, /Latchkey Sandbox Bank/);
        assert.match(held.hold.url, /^https:\/\//);
        assert.equal(held.nextAction, 'fix_hold');
        const fix = await h.call('POST', `/v1/connections/${c.connectionId}/fix-hold`, { devKey: t.devKey, session });
        assert.equal(fix.statusCode, 202, fix.body);
        assert.equal(fix.json().state, 'PROCESSING');
        // The sandbox holds the same login again: the job ran once more and said so.
        await api.waitForState(c.connectionId, ['HOLD']);
        const jobs = (await h.call('GET', `/v1/connections/${c.connectionId}/jobs`, { devKey: t.devKey, session })).json().jobs;
        assert.equal(jobs.length, 2);
      });
    }

    it('institution down: retried with backoff, then INSTITUTION_DOWN', async () => {
      const c = await api.create('down', login());
      for (let i = 0; i < 3; i++) {
        await waitFor(async () => {
          const jobs = (await h.call('GET', `/v1/connections/${c.connectionId}/jobs`, { devKey: t.devKey, session })).json().jobs;
          return jobs[0].attempts === i + 1 && jobs[0].status === 'queued' ? true : undefined;
        }, `attempt ${i + 1}`);
        assert.equal((await api.get(c.connectionId)).state, 'PROCESSING', 'still trying');
        h.time.advance(30_000 * 2 ** i);
      }
      const down = await api.waitForState(c.connectionId, ['INSTITUTION_DOWN']);
      assert.equal(down.nextAction, 'refresh');
    });

    it('a slow institution keeps the connection PROCESSING, then connects', async () => {
      const c = await api.create('slow', login());
      assert.equal((await api.get(c.connectionId)).state, 'PROCESSING');
      await api.waitForState(c.connectionId, ['CONNECTED'], 15_000);
    });

    it('a tax-document job (seed 002) fetches the tax document', async () => {
      const c = await api.create('mfa_question', login());
      await driveToEnd(c.connectionId);
      const r = await h.call('POST', `/v1/connections/${c.connectionId}/refresh`, { devKey: t.devKey, session, body: { kind: 'tax_documents' } });
      assert.equal(r.statusCode, 202, r.body);
      assert.equal((await driveToEnd(c.connectionId)).state, 'CONNECTED');
      const accountsBefore = (await h.call('GET', `/v1/connections/${c.connectionId}/accounts`, { devKey: t.devKey, session })).json().accounts;
      const docs = (await h.call('GET', `/v1/connections/${c.connectionId}/documents`, { devKey: t.devKey, session })).json().documents;
      assert.equal(docs.length, 1);
      assert.match(docs[0].name, /1099/);
      const jobs = (await h.call('GET', `/v1/connections/${c.connectionId}/jobs`, { devKey: t.devKey, session })).json().jobs;
      assert.deepEqual(jobs.map((j: any) => `${j.kind}:${j.status}`), ['aggregate:succeeded', 'tax_documents:succeeded']);
      await h.call('POST', `/v1/connections/${c.connectionId}/refresh`, { devKey: t.devKey, session, body: {} });
      await driveToEnd(c.connectionId);
      const accountsAfter = (await h.call('GET', `/v1/connections/${c.connectionId}/accounts`, { devKey: t.devKey, session })).json().accounts;
      assert.deepEqual(accountsAfter.map((a: any) => a.accountId).sort(), accountsBefore.map((a: any) => a.accountId).sort(), 'account IDs survive a refresh');
    });
  });
}
