import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { authenticateSessionToken } from '../../src/core/session/platform-key.ts';
import { startBankLogin } from '../../src/dialects/synapse/bank-login.ts';
import type { SynapseError } from '../../src/dialects/synapse/errors.ts';
import { assertV31Error, FAKE, openSynapseSuite, V31, type SynapseSuite } from './synapse-support.ts';

/**
 * Synapse v3.1 "Link with Bank Logins" (POST /users/:user_id/nodes, 202 with `mfa`
 * until 200 with `nodes`) and seed 003's paragraphs in their v3.1 form; users and OAuth.
 */
for (const backend of BACKENDS) {
  describe(`Synapse v3.1 users, OAuth and bank logins [${backend}]`, () => {
    let s: SynapseSuite;
    let user: { userId: string; oauthKey: string; refreshToken: string };
    before(async () => {
      s = await openSynapseSuite(backend);
      user = await s.newUser();
    });
    after(() => s.h.close());

    const nodesUrl = () => `${V31}/users/${user.userId}/nodes`;
    const bankLogin = (bankId: string, bankPw: string = FAKE.bank_pw, bankName: string = FAKE.bank_name) =>
      s.h.call('POST', nodesUrl(), { headers: s.headers(user.oauthKey), body: { type: 'ACH-US', info: { bank_id: bankId, bank_pw: bankPw, bank_name: bankName } } });
    const answer = (accessToken: string, mfaAnswer: string | string[], headers: Record<string, string> = {}) =>
      s.h.call('POST', nodesUrl(), { headers: { ...s.headers(user.oauthKey), ...headers }, body: { access_token: accessToken, mfa_answer: mfaAnswer } });

    describe('users and OAuth', () => {
      test('POST /users creates a user whose refresh_token opens an oauth_key; GET /users/:id shows it', async () => {
        const created = await s.h.call('POST', `${V31}/users`, { headers: s.headers(), body: { logins: [{ email: 'ana@example.com' }], phone_numbers: ['901.111.1111'], legal_names: ['Ana'] } });
        assert.equal(created.statusCode, 200, created.body);
        const u = created.json();
        assert.deepEqual(u.logins, [{ email: 'ana@example.com', scope: 'READ_AND_WRITE' }]);
        assert.deepEqual(u.client, { id: s.t.orgId, name: u.client.name });
        assert.match(u.refresh_token, /^refresh_/);
        const got = await s.h.call('GET', `${V31}/users/${u._id}?full_dehydrate=no`, { headers: s.headers() });
        assert.equal(got.statusCode, 200, got.body);
        assert.equal(got.json().refresh_token, u.refresh_token);
        const oauth = await s.h.call('POST', `${V31}/oauth/${u._id}`, { headers: s.headers(), body: { refresh_token: u.refresh_token } });
        assert.equal(oauth.statusCode, 200, oauth.body);
        assert.match(oauth.json().oauth_key, /^oauth_/);
        assert.equal(oauth.json().user_id, u._id);
        assert.equal(oauth.json().client_id, s.t.orgId);
        assert.ok(Number(oauth.json().expires_in) > 0);
      });

      test('the gateway must be the organization and the partner key that created it', async () => {
        const body = { logins: [{ email: 'x@example.com' }] };
        assertV31Error(await s.h.call('POST', `${V31}/users`, { body }), 401, '100');
        assertV31Error(await s.h.call('POST', `${V31}/users`, { headers: { 'x-sp-gateway': `${s.t.orgId}|nope` }, body }), 401, '100');
        assertV31Error(await s.h.call('POST', `${V31}/users`, { headers: { 'x-sp-gateway': `${s.t.orgId}|${s.t.devKey}` }, body }), 401, '100');
        assertV31Error(await s.h.call('POST', `${V31}/users`, { headers: { 'x-sp-gateway': `008NOPE|${s.t.partnerKey}` }, body }), 401, '100');
        assertV31Error(await s.h.call('GET', `${V31}/users/${user.userId}`, { headers: { 'x-sp-gateway': s.t.partnerKey } }), 401, '100');
      });

      test('a refresh_token opens only its own user; unknown users are 404', async () => {
        const other = await s.newUser();
        assertV31Error(await s.h.call('POST', `${V31}/oauth/${user.userId}`, { headers: s.headers(), body: { refresh_token: other.refreshToken } }), 401, '110');
        assertV31Error(await s.h.call('POST', `${V31}/oauth/${user.userId}`, { headers: s.headers(), body: {} }), 400, '200');
        assertV31Error(await s.h.call('GET', `${V31}/users/006NOSUCHUSER00000`, { headers: s.headers() }), 404, '404');
        assertV31Error(await s.h.call('POST', `${V31}/oauth/006NOSUCHUSER00000`, { headers: s.headers(), body: { refresh_token: other.refreshToken } }), 404, '404');
      });

      test('malformed user bodies and a taken login are Synapse errors', async () => {
        assertV31Error(await s.h.call('POST', `${V31}/users`, { headers: s.headers(), body: { logins: [] } }), 400, '200');
        assertV31Error(await s.h.call('POST', `${V31}/users`, { headers: s.headers(), body: { logins: [{ email: 'not an email' }] } }), 400, '200');
        assertV31Error(await s.h.call('POST', `${V31}/users`, { headers: { ...s.headers(), 'content-type': 'application/json' }, body: '{"logins":' }), 400, '200');
        assertV31Error(await s.h.call('POST', `${V31}/users`, { headers: s.headers(), body: { logins: [{ email: 'ana@example.com' }] } }), 409, '400');
      });
    });

    describe('bank logins (seed 003 in v3.1)', () => {
      test('no MFA: 200 with error_code "0" and the linked nodes', async () => {
        const r = await bankLogin('synapse_nomfa');
        assert.equal(r.statusCode, 200, r.body);
        const body = r.json();
        assert.equal(body.error_code, '0');
        assert.equal(body.http_code, '200');
        assert.equal(body.success, true);
        assert.equal(body.nodes.length, 2);
        const checking = body.nodes.find((n: any) => n.info.class === 'CHECKING');
        assert.equal(checking.type, 'ACH-US');
        assert.equal(checking.allowed, 'CREDIT-AND-DEBIT');
        assert.equal(checking.is_active, true);
        assert.equal(checking.info.account_num, '6239');
        assert.equal(checking.info.bank_long_name, 'Synapse Sandbox Bank');
        assert.deepEqual({ amount: checking.info.balance.amount, currency: checking.info.balance.currency }, { amount: 800.75, currency: 'USD' });
        assert.equal(checking.extra.supp_id, '');
        const listed = await s.h.call('GET', nodesUrl(), { headers: s.headers(user.oauthKey) });
        assert.equal(listed.statusCode, 200, listed.body);
        assert.ok(listed.json().nodes.some((n: any) => n._id === checking._id));
        const one = await s.h.call('GET', `${nodesUrl()}/${checking._id}`, { headers: s.headers(user.oauthKey) });
        assert.equal(one.json()._id, checking._id);
        assertV31Error(await s.h.call('GET', `${nodesUrl()}/acc_nope`, { headers: s.headers(user.oauthKey) }), 404, '404');
      });

      test('question MFA: 202, error_code "10", mfa {access_token, message, type}; answered with {access_token, mfa_answer}: 200 nodes', async () => {
        const r = await bankLogin('synapse_good');
        assert.equal(r.statusCode, 202, r.body);
        const body = r.json();
        assert.equal(body.error_code, '10');
        assert.equal(body.http_code, '202');
        assert.equal(body.success, true);
        assert.equal(body.mfa.message, 'I heard you like questions so we put a question in your question?');
        assert.equal(body.mfa.type, 'question');
        const done = await answer(body.mfa.access_token, FAKE.answer);
        assert.equal(done.statusCode, 200, done.body);
        assert.equal(done.json().error_code, '0');
        assert.equal(done.json().nodes.length, 2);
      });

      test('code (device) MFA: the message says where the code went', async () => {
        const r = await bankLogin('synapse_code');
        assert.equal(r.statusCode, 202, r.body);
        assert.equal(r.json().mfa.type, 'device');
        assert.equal(r.json().mfa.message, 'Enter the code sent to your device');
        assert.equal((await answer(r.json().mfa.access_token, FAKE.answer)).statusCode, 200);
      });

      test('"always check for 202 until 200": several rounds, each with a fresh access_token', async () => {
        let r = await bankLogin('ana', 'mfa_questions_3_1', 'latchkey_sandbox');
        const tokens = new Set<string>();
        while (r.statusCode === 202) {
          tokens.add(r.json().mfa.access_token);
          r = await answer(r.json().mfa.access_token, 'correct');
        }
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(tokens.size, 3);
      });

      test('a round of several questions: one answer per question, in order', async () => {
        const r = await bankLogin('bo', 'mfa_questions_1_2', 'latchkey_sandbox');
        assert.equal(r.json().mfa.message.split('\n').length, 2);
        assertV31Error(await answer(r.json().mfa.access_token, 'correct'), 400, '200');
        assert.equal((await answer(r.json().mfa.access_token, ['correct', 'correct'])).statusCode, 200);
      });

      test('an options question lists its options and is answered by label', async () => {
        const r = await bankLogin('cy', 'mfa_phone', 'latchkey_sandbox');
        assert.match(r.json().mfa.message, / Options: .+ \| /);
        const label = r.json().mfa.message.split(' Options: ')[1].split(' | ')[0];
        const code = await answer(r.json().mfa.access_token, label);
        assert.equal(code.statusCode, 202, code.body);
        assert.equal(code.json().mfa.type, 'device');
        assert.equal((await answer(code.json().mfa.access_token, 'correct')).statusCode, 200);
      });

      test('a wrong answer: HTTP 400, error_code "400", success false, with a new mfa to answer', async () => {
        const r = await bankLogin('synapse_good');
        const wrong = assertV31Error(await answer(r.json().mfa.access_token, 'nope'), 400, '400');
        assert.equal(typeof wrong.mfa.access_token, 'string');
        assert.equal(wrong.mfa.message, r.json().mfa.message);
        assert.equal((await answer(wrong.mfa.access_token, FAKE.answer)).statusCode, 200);
      });

      test('a used access_token is refused, as is another user\'s; an expired one too', async () => {
        const r = await bankLogin('synapse_good');
        const token = r.json().mfa.access_token;
        assert.equal((await answer(token, FAKE.answer)).statusCode, 200);
        assert.match(assertV31Error(await answer(token, FAKE.answer), 400, '200').error.en, /used or expired/);
        const theirs = (await bankLogin('eve', 'mfa_question', 'latchkey_sandbox')).json().mfa.access_token;
        const other = await s.newUser();
        const stolen = await s.h.call('POST', `${V31}/users/${other.userId}/nodes`, { headers: s.headers(other.oauthKey), body: { access_token: theirs, mfa_answer: FAKE.answer } });
        assert.match(assertV31Error(stolen, 400, '200').error.en, /used or expired/);
        const again = await bankLogin('synapse_code');
        s.h.time.advance(16 * 60_000);
        assert.match(assertV31Error(await answer(again.json().mfa.access_token, FAKE.answer), 400, '200').error.en, /used or expired/);
      });

      test('X-SP-IDEMPOTENCY-KEY: a repeated answer gets the first one\'s result', async () => {
        const r = await bankLogin('synapse_good');
        const key = { 'x-sp-idempotency-key': 'answer-1' };
        const first = await answer(r.json().mfa.access_token, FAKE.answer, key);
        const repeat = await answer(r.json().mfa.access_token, FAKE.answer, key);
        assert.equal(first.statusCode, 200, first.body);
        assert.equal(repeat.statusCode, 200, repeat.body);
      });

      test('a bank login posted again while the bank asks gets the same question with a new access_token', async () => {
        const r = await bankLogin('dee', 'mfa_question', 'latchkey_sandbox');
        const again = await bankLogin('dee', 'mfa_question', 'latchkey_sandbox');
        assert.equal(again.statusCode, 202, again.body);
        assert.equal(again.json().mfa.message, r.json().mfa.message);
        assert.notEqual(again.json().mfa.access_token, r.json().mfa.access_token);
        assert.equal((await answer(again.json().mfa.access_token, 'correct')).statusCode, 200);
      });

      test('a bank still working when the wait ends: 504/504; posted again, the login answers with its state', async () => {
        const ctx = await authenticateSessionToken(s.h.lk.deps, user.oauthKey.slice('oauth_'.length));
        const login = { bankName: 'latchkey_sandbox', bankId: 'fay', bankPassword: 'slow' };
        await assert.rejects(startBankLogin(s.h.lk, ctx, login, { ip: null }, 50), (e: SynapseError) => e.status === 504 && e.code === '504');
        const r = await bankLogin('fay', 'slow', 'latchkey_sandbox');
        assert.equal(r.statusCode, 200, r.body);
      });

      test('the sandbox\'s documented bank errors: 400/200, 402/460, 402/500, 503/503', async () => {
        assertV31Error(await bankLogin('synapse_good', 'wrong'), 400, '200');
        assertV31Error(await bankLogin('synapse_no_accounts'), 402, '460');
        assertV31Error(await bankLogin('synapse_bank_request'), 402, '500');
        assertV31Error(await bankLogin('synapse_maintenance'), 503, '503');
        assertV31Error(await bankLogin('synapse_good', FAKE.bank_pw, 'capone'), 400, '200');
      });

      test('an oauth_key opens only its own user\'s nodes; no oauth_key is 401/110', async () => {
        const other = await s.newUser();
        assertV31Error(await s.h.call('GET', nodesUrl(), { headers: s.headers(other.oauthKey) }), 401, '110');
        assertV31Error(await s.h.call('GET', nodesUrl(), { headers: s.headers() }), 401, '110');
        assertV31Error(await s.h.call('GET', nodesUrl(), { headers: { ...s.headers(user.oauthKey), 'x-sp-gateway': `${s.t.orgId}|nope` } }), 401, '100');
        // Synapse's own examples send only X-SP-USER on node calls.
        const bare = await s.h.call('GET', nodesUrl(), { headers: { 'x-sp-user': `${user.oauthKey}|${'fp'}` } });
        assert.equal(bare.statusCode, 200, bare.body);
      });

      test('malformed node bodies and unknown paths are Synapse errors', async () => {
        const post = (body: unknown, headers: Record<string, string> = {}) => s.h.call('POST', nodesUrl(), { headers: { ...s.headers(user.oauthKey), ...headers }, body: body as string });
        assertV31Error(await post({ type: 'ACH-US' }), 400, '200');
        assertV31Error(await post({ type: 'ACH-US', info: { bank_id: 'synapse_good', bank_pw: 'test1234' } }), 400, '200');
        assertV31Error(await post({ type: 'CARD-US', info: { bank_id: 'a', bank_pw: 'b', bank_name: 'fake' } }), 400, '200');
        assertV31Error(await post({ access_token: 'x' }), 400, '200');
        assertV31Error(await post({ access_token: 'x', mfa_answer: 'y' }), 400, '200');
        assertV31Error(await post({ access_token: 'x', mfa_answer: { a: 1 } }), 400, '200');
        assertV31Error(await post('{"type":', { 'content-type': 'application/json' }), 400, '200');
        assertV31Error(await post('type=ACH-US', { 'content-type': 'application/x-www-form-urlencoded' }), 400, '200');
        assertV31Error(await post([1, 2]), 400, '200');
        assertV31Error(await s.h.call('POST', nodesUrl(), { headers: s.headers(user.oauthKey) }), 400, '200');
        assertV31Error(await s.h.call('GET', `${V31}/nothing`), 404, '404');
        assertV31Error(await s.h.call('DELETE', `${V31}/users/${user.userId}`), 404, '404');
        assertV31Error(await s.h.call('GET', '/synapse/elsewhere'), 404, '404');
      });
    });
  });
}
