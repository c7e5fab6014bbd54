import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { InstitutionConnector, StepOutcome, StepResult } from '../../src/ports/institution.ts';
import { mxBankInstitution as mx } from '../../src/institutions/mx-bank/mx-bank-institution.ts';
import { synapseFakeInstitution as synapse } from '../../src/institutions/synapse-fake/synapse-fake-institution.ts';
import { q2SandboxInstitution as q2, q2Status } from '../../src/institutions/q2-sandbox/q2-sandbox-institution.ts';
import { persisted } from './connector-contract.ts';

/** The vendor test banks behave as their vendors document (sources in each connector's header). */
type Creds = Record<string, string>;

async function answerAll(c: InstitutionConnector, credentials: Creds, prev: StepResult, value: string) {
  const o = prev.outcome as Extract<StepOutcome, { kind: 'challenge' }>;
  return c.answer({ credentials, state: persisted(prev.state), answers: o.challenges.map((ch) => ({ key: ch.key, value })) });
}

function kind(r: StepResult) {
  return r.outcome.kind;
}

describe('MX Bank (mxbank)', () => {
  const as = (password: string) => ({ username: 'mxuser', password });

  it('mxuser with any undocumented password connects without MFA; another username is denied', async () => {
    assert.equal(kind(await mx.login({ credentials: as('hunter2'), state: {} })), 'authenticated');
    assert.equal(kind(await mx.login({ credentials: { username: 'other', password: 'challenge' }, state: {} })), 'bad_credentials');
  });

  it('passwords are case sensitive: `Challenge` is not `challenge`', async () => {
    assert.equal(kind(await mx.login({ credentials: as('Challenge'), state: {} })), 'authenticated');
    assert.equal(kind(await mx.login({ credentials: as('challenge'), state: {} })), 'challenge');
  });

  it('challenge: answering `challenge` passes and asks a follow-up with a new key; `correct` finishes', async () => {
    const first = await mx.login({ credentials: as('challenge'), state: {} });
    const follow = await answerAll(mx, as('challenge'), first, 'challenge');
    assert.equal(kind(follow), 'challenge');
    const [a, b] = [first, follow].map((r) => (r.outcome as Extract<StepOutcome, { kind: 'challenge' }>).challenges[0]!);
    assert.notEqual(a!.key, b!.key);
    assert.ok(!(follow.outcome as { rejected?: boolean }).rejected);
    assert.equal(kind(await answerAll(mx, as('challenge'), follow, 'correct')), 'authenticated');
  });

  it('server-error passwords end the login, at login or as an MFA answer', async () => {
    assert.equal(kind(await mx.login({ credentials: as('BAD_REQUEST'), state: {} })), 'unavailable');
    assert.equal(kind(await mx.login({ credentials: as('UNAUTHORIZED'), state: {} })), 'bad_credentials');
    for (const [answer, outcome] of [['BAD_REQUEST', 'unavailable'], ['UNAUTHORIZED', 'bad_credentials']] as const) {
      const first = await mx.login({ credentials: as('image'), state: {} });
      assert.equal(kind(await answerAll(mx, as('image'), first, answer)), outcome);
    }
  });

  it('options: pick the option whose value is `correct`; `incorrect` is REJECTED', async () => {
    const first = await mx.login({ credentials: as('options'), state: {} });
    const wrong = await answerAll(mx, as('options'), first, 'incorrect');
    assert.deepEqual([wrong.outcome.kind, (wrong.outcome as { rejected?: boolean }).rejected], ['challenge', true]);
    assert.equal(kind(await answerAll(mx, as('options'), first, 'correct')), 'authenticated');
  });

  it('options_then_code: the code challenge names the phone chosen (seed 002)', async () => {
    const first = await mx.login({ credentials: as('options_then_code'), state: {} });
    const choice = (first.outcome as Extract<StepOutcome, { kind: 'challenge' }>).challenges[0]!;
    const phone = choice.options![1]!.value;
    const code = await answerAll(mx, as('options_then_code'), first, phone);
    const token = (code.outcome as Extract<StepOutcome, { kind: 'challenge' }>).challenges[0]!;
    assert.equal(token.type, 'code_sent');
    assert.equal(token.medium?.label, phone);
  });
});

describe('Synapse sandbox bank (synapse_fake)', () => {
  const as = (username: string, password = 'test1234') => ({ username, password });

  it('synapse_good asks Synapse\'s question; test_answer passes', async () => {
    const first = await synapse.login({ credentials: as('synapse_good'), state: {} });
    const q = (first.outcome as Extract<StepOutcome, { kind: 'challenge' }>).challenges[0]!;
    assert.match(q.label, /question in your question/);
    assert.equal(kind(await answerAll(synapse, as('synapse_good'), first, 'correct')), 'challenge');
    assert.equal(kind(await answerAll(synapse, as('synapse_good'), first, 'test_answer')), 'authenticated');
  });

  it('the password must be test1234', async () => {
    assert.equal(kind(await synapse.login({ credentials: as('synapse_nomfa', 'x'), state: {} })), 'bad_credentials');
    assert.equal(kind(await synapse.login({ credentials: as('someone_else'), state: {} })), 'bad_credentials');
  });

  it('synapse_no_accounts connects but finds no accounts; bank_request locks; maintenance is down', async () => {
    const r = await synapse.login({ credentials: as('synapse_no_accounts'), state: {} });
    assert.equal(kind(r), 'authenticated');
    assert.deepEqual(await synapse.fetchAccounts({ credentials: as('synapse_no_accounts'), state: persisted(r.state) }), []);
    assert.equal(kind(await synapse.login({ credentials: as('synapse_bank_request'), state: {} })), 'locked');
    assert.equal(kind(await synapse.login({ credentials: as('synapse_maintenance'), state: {} })), 'unavailable');
  });
});

describe('Q2 sandbox biller (q2_sandbox)', () => {
  const as = (username: string) => ({ username, password: 'whatever' });

  it('maps current statuses and legacy test usernames; anything else is verified', () => {
    assert.equal(q2Status('mfa-required-code'), 'mfa-required-code');
    assert.equal(q2Status('TestMfaQuestion@test.test'), 'mfa-required-questions');
    assert.equal(q2Status('testhold'), 'hold');
    assert.equal(q2Status('testfail'), 'authenticate');
    assert.equal(q2Status('jane@example.com'), 'verified');
  });

  it('hold: reason account_issue_accept_toc, with a message naming the biller', async () => {
    const { outcome } = await q2.login({ credentials: as('hold'), state: {} });
    assert.equal(outcome.kind, 'hold');
    const hold = outcome as Extract<StepOutcome, { kind: 'hold' }>;
    assert.equal(hold.reason, 'account_issue_accept_toc');
    assert.ok(hold.message.includes(q2.name));
  });

  it('mfa-required-questions: Q2\'s two documented questions, keyed by their identifiers', async () => {
    const first = await q2.login({ credentials: as('mfa-required-questions'), state: {} });
    const keys = (first.outcome as Extract<StepOutcome, { kind: 'challenge' }>).challenges.map((c) => c.key);
    assert.deepEqual(keys, ['1j5k2l1', '3buw78h3']);
  });

  it('mfa-required-code: choosing email sends the code by email', async () => {
    const first = await q2.login({ credentials: as('mfa-required-code'), state: {} });
    const choice = (first.outcome as Extract<StepOutcome, { kind: 'challenge' }>).challenges[0]!;
    const email = choice.options!.find((o) => o.label.startsWith('Email'))!;
    const code = await answerAll(q2, as('mfa-required-code'), first, email.value);
    assert.equal((code.outcome as Extract<StepOutcome, { kind: 'challenge' }>).challenges[0]!.medium?.type, 'email');
  });
});
