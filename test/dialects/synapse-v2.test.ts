import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../support/backends.ts';
import { assertV2Error, FAKE, form, openSynapseSuite, V2, type SynapseSuite } from './synapse-support.ts';

/**
 * Seed 003, Synapse "Best Practices: bank/login", paragraph by paragraph, against the
 * v2 flat-param API (`bank/login`, `bank/mfa`, `oauth_consumer_key`).
 */
for (const backend of BACKENDS) {
  describe(`Synapse v2 bank/login (seed 003) [${backend}]`, () => {
    let s: SynapseSuite;
    let key: string;
    before(async () => {
      s = await openSynapseSuite(backend);
      key = (await s.newUser()).oauthKey;
    });
    after(() => s.h.close());

    const login = (username: string, extra: Record<string, string> = {}, password: string = FAKE.bank_pw) =>
      s.h.call('POST', `${V2}/bank/login`, { body: { username, password, bank: FAKE.bank_name, oauth_consumer_key: key, ...extra } });
    const mfa = (accessToken: string, answer: string | string[], bank: string = FAKE.bank_name) =>
      s.h.call('POST', `${V2}/bank/mfa`, { body: { access_token: accessToken, bank, mfa: answer, oauth_consumer_key: key } });

    /** The seed's own mapping snippet, in TypeScript: what a v2 client shows the user. */
    function mapResponse(payload: any): string {
      if (!payload.success) return 'error';
      if (!payload.is_mfa) return 'bank linked! You are good to go';
      return payload.response.type === 'questions' ? payload.response.mfa[0].question : payload.response.mfa.message;
    }

    test('"The first step is pretty straightforward: post the online banking credentials and wait for the response"', async () => {
      const r = await login('synapse_nomfa');
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().success, true);
    });

    test('1) No MFA: "The response sends back the array of linked banks", with "is_mfa": false', async () => {
      const r = await login('synapse_nomfa');
      const body = r.json();
      assert.equal(body.is_mfa, false);
      assert.equal(body.success, true);
      assert.equal(body.banks.length, 2);
      const checking = body.banks.find((b: any) => b.account_class === 1);
      assert.equal(checking.account_number_string, '********6239');
      assert.equal(checking.balance, '800.75');
      assert.equal(checking.bank_name, 'Synapse Sandbox Bank');
      assert.equal(checking.resource_uri, `${V2}/bank/${checking.id}`);
      assert.equal(checking.mfa_verifed, false);
      assert.match(checking.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
      assert.equal(mapResponse(body), 'bank linked! You are good to go');
      const shown = await s.h.call('POST', `${V2}/bank/show`, { body: { oauth_consumer_key: key } });
      assert.equal(shown.statusCode, 200, shown.body);
      assert.deepEqual(shown.json().banks.map((b: any) => b.id).sort(), body.banks.map((b: any) => b.id).sort());
    });

    test('2) Question based MFA: "is_mfa":true, "type":"questions", an access_token; "Supply access_token and user\'s response to this question in bank/mfa"', async () => {
      const r = await login('synapse_good');
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.equal(body.is_mfa, true);
      assert.equal(body.success, true);
      assert.equal(body.response.type, 'questions');
      assert.equal(typeof body.response.access_token, 'string');
      assert.deepEqual(body.response.mfa, [{ question: 'I heard you like questions so we put a question in your question?' }]);
      assert.equal(mapResponse(body), 'I heard you like questions so we put a question in your question?');
      const answered = await mfa(body.response.access_token, FAKE.answer);
      assert.equal(answered.statusCode, 200, answered.body);
      assert.equal(answered.json().is_mfa, false);
      assert.equal(answered.json().banks.length, 2);
      assert.equal(answered.json().banks[0].mfa_verifed, true);
    });

    test('3) Code based MFA: "type":"device" with mfa.message, answered in bank/mfa (form-encoded, as the SDKs send it)', async () => {
      const f = form({ username: 'synapse_code', password: FAKE.bank_pw, bank: FAKE.bank_name, oauth_consumer_key: key });
      const r = await s.h.call('POST', `${V2}/bank/login`, f);
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.equal(body.is_mfa, true);
      assert.equal(body.response.type, 'device');
      assert.equal(body.response.mfa.message, 'Enter the code sent to your device');
      assert.equal(body.response.cookies, '');
      assert.equal(body.response.form_extra, '');
      assert.equal(mapResponse(body), 'Enter the code sent to your device');
      const a = form({ access_token: body.response.access_token, bank: FAKE.bank_name, mfa: FAKE.answer, oauth_consumer_key: key });
      const answered = await s.h.call('POST', `${V2}/bank/mfa`, a);
      assert.equal(answered.statusCode, 200, answered.body);
      assert.equal(answered.json().banks.length, 2);
    });

    test('"This access_token is for one time use only and expires after the bank is linked": a used access_token is refused', async () => {
      const { response } = (await login('synapse_good')).json();
      assert.equal((await mfa(response.access_token, FAKE.answer)).statusCode, 200);
      assert.match(assertV2Error(await mfa(response.access_token, FAKE.answer), 400).reason, /used or expired/);
    });

    test('an access_token not used in time is refused', async () => {
      const { response } = (await login('synapse_code')).json();
      s.h.time.advance(16 * 60_000);
      assert.match(assertV2Error(await mfa(response.access_token, FAKE.answer), 400).reason, /used or expired/);
    });

    test('"If another question is returned, follow the same steps": three rounds of questions, then banks', async () => {
      let body = (await login('ana', { bank: 'latchkey_sandbox' }, 'mfa_questions_3_1')).json();
      const questions: string[] = [];
      while (body.is_mfa) {
        assert.equal(body.response.type, 'questions');
        questions.push(mapResponse(body));
        const r = await mfa(body.response.access_token, 'correct', 'latchkey_sandbox');
        assert.equal(r.statusCode, 200, r.body);
        body = r.json();
      }
      assert.equal(questions.length, 3);
      assert.equal(body.success, true);
      assert.ok(body.banks.length > 0);
    });

    test('a wrong answer: 400 with success false, and another question to follow the same steps with', async () => {
      const { response } = (await login('synapse_good')).json();
      const wrong = await mfa(response.access_token, 'not the answer');
      const body = assertV2Error(wrong, 400);
      assert.equal(body.is_mfa, true);
      assert.equal(body.response.type, 'questions');
      assert.notEqual(body.response.access_token, response.access_token);
      const right = await mfa(body.response.access_token, FAKE.answer);
      assert.equal(right.statusCode, 200, right.body);
      assert.equal(right.json().banks.length, 2);
    });

    test('each round\'s access_token answers once: a token of an earlier round is refused', async () => {
      let body = (await login('bo', { bank: 'latchkey_sandbox' }, 'mfa_questions_2_1')).json();
      const first = body.response.access_token;
      body = (await mfa(first, 'correct', 'latchkey_sandbox')).json();
      assert.equal(body.is_mfa, true);
      assertV2Error(await mfa(first, 'correct', 'latchkey_sandbox'), 400);
      assert.equal((await mfa(body.response.access_token, 'correct', 'latchkey_sandbox')).json().is_mfa, false);
    });

    test('bank errors: wrong password, locked, no accounts', async () => {
      assertV2Error(await login('synapse_good', {}, 'wrong'), 400);
      assertV2Error(await login('synapse_bank_request'), 402);
      assertV2Error(await login('synapse_no_accounts'), 402);
    });

    test('malformed requests are answered in Synapse\'s shape', async () => {
      assertV2Error(await s.h.call('POST', `${V2}/bank/login`, { body: { username: 'synapse_good', password: 'x', bank: 'fake' } }), 400);
      assertV2Error(await s.h.call('POST', `${V2}/bank/login`, { body: { username: 'synapse_good', password: 'x', bank: 'fake', oauth_consumer_key: 'oauth_nope' } }), 401);
      assertV2Error(await login('synapse_good', { bank: 'Bank of Nowhere' }), 400);
      assertV2Error(await mfa('no-such-token', FAKE.answer), 400);
      assertV2Error(await mfa('con_X.no-such-token', FAKE.answer), 400);
      assertV2Error(await s.h.call('POST', `${V2}/bank/mfa`, { body: { access_token: 'x', mfa: 7, oauth_consumer_key: key } }), 400);
      assertV2Error(await s.h.call('POST', `${V2}/bank/login`, { body: '{"username":', headers: { 'content-type': 'application/json' } }), 400);
      assertV2Error(await s.h.call('POST', `${V2}/bank/login`, { body: 'x', headers: { 'content-type': 'text/plain' } }), 400);
      assertV2Error(await s.h.call('POST', `${V2}/bank/login`), 400);
      assertV2Error(await s.h.call('GET', `${V2}/bank/nothing`), 404);
    });
  });
}
