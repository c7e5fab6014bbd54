import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChallengeSpec, StepOutcome, StepResult } from '../../src/ports/institution.ts';
import { createSandboxInstitution, sandboxInstitution, SANDBOX_TAX_YEAR } from '../../src/institutions/sandbox/sandbox-institution.ts';
import {
  LOCK_AFTER_WRONG_ANSWERS, PHONES, PROMPT_POLLS_BEFORE_DECISION, SANDBOX_NAME, SHORT_EXPIRY_SECONDS,
} from '../../src/institutions/sandbox/sandbox-scripts.ts';
import { HOLD_REASONS } from '../../src/institutions/scripted/holds.ts';
import { DEFAULT_SLOW_LOGIN_MS } from '../../src/institutions/scripted/scripted-institution.ts';
import { persisted } from './connector-contract.ts';

/** Every magic password of the sandbox bank does what docs/institutions.md says. */
const POLL_AFTER_MS = 250;
const SLOW_MS = 60;
const bank = createSandboxInstitution({ slowLoginMs: SLOW_MS, pollAfterMs: POLL_AFTER_MS });

function creds(password: string) {
  return { username: 'sandbox-user', password };
}

async function login(password: string): Promise<StepResult> {
  return bank.login({ credentials: creds(password), state: {} });
}

async function answer(password: string, prev: StepResult, values: Record<string, string> | string): Promise<StepResult> {
  const answers = typeof values === 'string'
    ? challenges(prev.outcome).map((c) => ({ key: c.key, value: values }))
    : Object.entries(values).map(([key, value]) => ({ key, value }));
  return bank.answer({ credentials: creds(password), state: persisted(prev.state), answers });
}

async function poll(password: string, prev: StepResult): Promise<StepResult> {
  return bank.poll({ credentials: creds(password), state: persisted(prev.state) });
}

function challenges(o: StepOutcome): ChallengeSpec[] {
  assert.equal(o.kind, 'challenge', JSON.stringify(o));
  return (o as Extract<StepOutcome, { kind: 'challenge' }>).challenges;
}

function rejected(o: StepOutcome): boolean {
  return o.kind === 'challenge' && o.rejected === true;
}

describe('sandbox bank: plain logins and failures', () => {
  it('good: authenticated, with checking, savings and credit card accounts and a 1099-INT', async () => {
    const r = await login('good');
    assert.deepEqual(r.outcome, { kind: 'authenticated' });
    const input = { credentials: creds('good'), state: persisted(r.state) };
    const accounts = await bank.fetchAccounts(input);
    assert.deepEqual(accounts.map((a) => a.type), ['checking', 'savings', 'credit_card']);
    assert.ok(accounts.every((a) => a.balance > 0 && a.currency === 'USD'));
    const [doc, ...rest] = await bank.fetchDocuments(input);
    assert.deepEqual(rest, []);
    assert.equal(doc?.kind, 'tax_document');
    assert.equal(doc?.year, SANDBOX_TAX_YEAR);
    assert.match(doc!.name, /1099-INT/);
  });

  it('fetching before authentication is a bug, and says so', async () => {
    const r = await login('mfa_question');
    await assert.rejects(bank.fetchAccounts({ credentials: creds('mfa_question'), state: r.state }), /before the login was authenticated/);
    await assert.rejects(bank.fetchDocuments({ credentials: creds('mfa_question'), state: {} }), /not made by this connector/);
  });

  for (const password of ['bad_password', 'an-unknown-password', '', 'mfa_questions_0_1', 'GOOD']) {
    it(`${JSON.stringify(password)}: bad credentials`, async () => {
      const r = await login(password);
      assert.equal(r.outcome.kind, 'bad_credentials');
    });
  }

  it('a blank username is a bad login', async () => {
    const r = await bank.login({ credentials: { username: ' ', password: 'good' }, state: {} });
    assert.equal(r.outcome.kind, 'bad_credentials');
  });

  it('locked: locked, with a message naming the bank', async () => {
    const { outcome } = await login('locked');
    assert.equal(outcome.kind, 'locked');
    assert.match((outcome as { message: string }).message, new RegExp(SANDBOX_NAME));
  });

  for (const reason of HOLD_REASONS) {
    it(`hold_${reason}: a hold with that reason, a message naming the bank and a URL`, async () => {
      const { outcome } = await login(`hold_${reason}`);
      assert.equal(outcome.kind, 'hold');
      const hold = outcome as Extract<StepOutcome, { kind: 'hold' }>;
      assert.equal(hold.reason, reason);
      assert.ok(hold.message.includes(SANDBOX_NAME));
      assert.match(hold.url ?? '', /^https:\/\//);
    });
  }

  it('down: unavailable', async () => {
    assert.equal((await login('down')).outcome.kind, 'unavailable');
  });

  it('slow: authenticated after a real delay, set by the constructor (default 1–2 s)', async () => {
    const started = performance.now();
    const r = await login('slow');
    assert.ok(performance.now() - started >= SLOW_MS - 5);
    assert.equal(r.outcome.kind, 'authenticated');
    assert.ok(DEFAULT_SLOW_LOGIN_MS >= 1000 && DEFAULT_SLOW_LOGIN_MS <= 2000);
    const fast = performance.now();
    await login('good');
    assert.ok(performance.now() - fast < SLOW_MS, 'only `slow` waits');
  });
});

describe('sandbox bank: questions', () => {
  it('mfa_question: one question; a wrong answer re-challenges (rejected, same key); correct passes', async () => {
    const first = await login('mfa_question');
    const [q] = challenges(first.outcome);
    assert.equal(q?.type, 'question');
    const wrong = await answer('mfa_question', first, 'Chicago');
    assert.ok(rejected(wrong.outcome));
    assert.deepEqual(challenges(wrong.outcome).map((c) => c.key), [q!.key]);
    const ok = await answer('mfa_question', wrong, 'correct');
    assert.equal(ok.outcome.kind, 'authenticated');
  });

  it('answers are trimmed, but otherwise exact', async () => {
    const first = await login('mfa_question');
    assert.equal((await answer('mfa_question', first, '  correct ')).outcome.kind, 'authenticated');
    assert.ok(rejected((await answer('mfa_question', first, 'Correct')).outcome));
  });

  it('mfa_questions_2_3: two rounds of three questions, distinct keys, all must be right', async () => {
    const first = await login('mfa_questions_2_3');
    const round1 = challenges(first.outcome);
    assert.equal(round1.length, 3);
    const oneWrong = await answer('mfa_questions_2_3', first, { [round1[0]!.key]: 'correct', [round1[1]!.key]: 'nope', [round1[2]!.key]: 'correct' });
    assert.ok(rejected(oneWrong.outcome));
    const second = await answer('mfa_questions_2_3', first, 'correct');
    const round2 = challenges(second.outcome);
    assert.equal(round2.length, 3);
    assert.ok(!rejected(second.outcome));
    assert.equal(new Set([...round1, ...round2].map((c) => c.key)).size, 6);
    assert.equal((await answer('mfa_questions_2_3', second, 'correct')).outcome.kind, 'authenticated');
  });

  it('mfa_questions_9_9 is the largest; 10 rounds is not a magic password', async () => {
    assert.equal(challenges((await login('mfa_questions_9_9')).outcome).length, 9);
    assert.equal((await login('mfa_questions_10_1')).outcome.kind, 'bad_credentials');
  });

  it('mfa_reject_then_pass: the first answer is rejected even when right; the next `correct` passes', async () => {
    const first = await login('mfa_reject_then_pass');
    const again = await answer('mfa_reject_then_pass', first, 'correct');
    assert.ok(rejected(again.outcome));
    assert.equal((await answer('mfa_reject_then_pass', again, 'correct')).outcome.kind, 'authenticated');
  });

  it(`mfa_lock_after_3: wrong answers re-challenge until the ${LOCK_AFTER_WRONG_ANSWERS}rd, which locks`, async () => {
    let r = await login('mfa_lock_after_3');
    for (let i = 1; i < LOCK_AFTER_WRONG_ANSWERS; i++) {
      r = await answer('mfa_lock_after_3', r, 'wrong');
      assert.ok(rejected(r.outcome));
    }
    r = await answer('mfa_lock_after_3', r, 'wrong');
    assert.equal(r.outcome.kind, 'locked');
  });

  it('mfa_question_short_expiry: the institution sets its own deadline', async () => {
    const [q] = challenges((await login('mfa_question_short_expiry')).outcome);
    assert.equal(q?.expiresInSeconds, SHORT_EXPIRY_SECONDS);
  });
});

describe('sandbox bank: codes and images', () => {
  it('mfa_phone: choose a phone, then enter the code texted to that phone', async () => {
    const first = await login('mfa_phone');
    const [choice] = challenges(first.outcome);
    assert.equal(choice?.type, 'options');
    assert.deepEqual(choice.options?.map((o) => o.value), PHONES.map((p) => p.value));
    const chosen = PHONES[1];
    const codeRound = await answer('mfa_phone', first, { [choice.key]: chosen.value });
    const [code] = challenges(codeRound.outcome);
    assert.equal(code?.type, 'code_sent');
    assert.deepEqual(code.medium, { type: 'sms', label: chosen.mask });
    assert.ok(code.label.includes(chosen.mask));
    // A wrong code repeats the same challenge as a rejection: no new code is sent.
    const wrongCode = await answer('mfa_phone', codeRound, '000000');
    assert.ok(rejected(wrongCode.outcome));
    assert.deepEqual(challenges(wrongCode.outcome), [code]);
    assert.equal((await answer('mfa_phone', wrongCode, 'correct')).outcome.kind, 'authenticated');
  });

  it('mfa_phone: a value that is no phone re-asks the choice', async () => {
    const first = await login('mfa_phone');
    const r = await answer('mfa_phone', first, 'phone_9999');
    assert.ok(rejected(r.outcome));
    assert.equal(challenges(r.outcome)[0]?.type, 'options');
  });

  it('mfa_authenticator: a code from the user\'s authenticator', async () => {
    const first = await login('mfa_authenticator');
    assert.equal(challenges(first.outcome)[0]?.type, 'code_generated');
    assert.equal((await answer('mfa_authenticator', first, 'correct')).outcome.kind, 'authenticated');
  });

  it('mfa_image: an SVG data: URI showing the answer', async () => {
    const first = await login('mfa_image');
    const [img] = challenges(first.outcome);
    assert.equal(img?.type, 'image_data');
    const [, base64] = img.image!.split('data:image/svg+xml;base64,');
    const svg = Buffer.from(base64!, 'base64').toString('utf8');
    assert.match(svg, /^<svg [^>]*>.*>correct<\/text><\/svg>$/s);
    assert.equal((await answer('mfa_image', first, 'correct')).outcome.kind, 'authenticated');
  });

  it('mfa_image_options: choose the image whose value is `correct`; another image is rejected', async () => {
    const first = await login('mfa_image_options');
    const [pick] = challenges(first.outcome);
    assert.equal(pick?.type, 'image_options');
    assert.ok(pick.options!.every((o) => o.image?.startsWith('data:image/svg+xml;base64,')));
    const other = pick.options!.find((o) => o.value !== 'correct')!;
    assert.ok(rejected((await answer('mfa_image_options', first, { [pick.key]: other.value })).outcome));
    assert.equal((await answer('mfa_image_options', first, { [pick.key]: 'correct' })).outcome.kind, 'authenticated');
  });
});

describe('sandbox bank: app prompts', () => {
  async function pollUntilDecided(password: string, maxPolls: number) {
    let r = await login(password);
    const [prompt] = challenges(r.outcome);
    assert.equal(prompt?.type, 'prompt');
    assert.equal(prompt.medium?.type, 'mobile_app');
    const waits: StepOutcome[] = [];
    for (let i = 0; i < maxPolls; i++) {
      r = await poll(password, r);
      if (r.outcome.kind !== 'awaiting_approval') break;
      waits.push(r.outcome);
    }
    return { waits, last: r };
  }

  it(`mfa_prompt_approve: waiting for ${PROMPT_POLLS_BEFORE_DECISION} polls, then authenticated`, async () => {
    const { waits, last } = await pollUntilDecided('mfa_prompt_approve', 10);
    assert.deepEqual(waits, Array(PROMPT_POLLS_BEFORE_DECISION).fill({ kind: 'awaiting_approval', pollAfterMs: POLL_AFTER_MS }));
    assert.equal(last.outcome.kind, 'authenticated');
  });

  it('mfa_prompt_refuse: waiting, then approval_refused', async () => {
    const { waits, last } = await pollUntilDecided('mfa_prompt_refuse', 10);
    assert.equal(waits.length, PROMPT_POLLS_BEFORE_DECISION);
    assert.equal(last.outcome.kind, 'approval_refused');
  });

  it('mfa_prompt_never: waits forever (the engine expires it)', async () => {
    const { waits, last } = await pollUntilDecided('mfa_prompt_never', 50);
    assert.equal(waits.length, 50);
    assert.equal(last.outcome.kind, 'awaiting_approval');
  });

  it('answering a prompt checks on it, like a poll', async () => {
    const first = await login('mfa_prompt_approve');
    const viaAnswer = await answer('mfa_prompt_approve', first, {});
    assert.deepEqual(viaAnswer, await poll('mfa_prompt_approve', first));
  });

  it('polling while a question awaits answers is a bug, and says so', async () => {
    const first = await login('mfa_question');
    await assert.rejects(poll('mfa_question', first), /poll called while a challenge awaits answers/);
  });

  it('answering after authentication is a bug, and says so', async () => {
    const done = await login('good');
    await assert.rejects(answer('good', done, { question: 'correct' }), /no MFA round pending/);
  });
});

describe('sandbox bank: state', () => {
  it('the state names the path and round, and is all the bank needs (no memory between steps)', async () => {
    const first = await login('mfa_questions_2_1');
    assert.equal(first.state.script, 'mfa_questions_2_1');
    assert.equal(first.state.round, 0);
    // A second connector instance continues the login from the persisted state alone.
    const other = createSandboxInstitution();
    const next = await other.answer({ credentials: creds('ignored'), state: persisted(first.state), answers: [{ key: 'question_1_1', value: 'correct' }] });
    assert.equal(next.state.round, 1);
    assert.equal(challenges(next.outcome)[0]?.key, 'question_2_1');
  });

  it('the registered sandbox is the default configuration', () => {
    assert.equal(sandboxInstitution.code, 'latchkey_sandbox');
    assert.equal(sandboxInstitution.name, SANDBOX_NAME);
  });
});
