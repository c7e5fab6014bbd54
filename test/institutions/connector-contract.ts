import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AccountData, ChallengeSpec, ConnectorState, DocumentData, InstitutionConnector, StepOutcome, StepResult,
} from '../../src/ports/institution.ts';

/**
 * The contract every institution connector passes (src/ports/institution.ts). The engine
 * persists connector state as JSON between steps and may retry a step after a crash, so
 * state is round-tripped through JSON and frozen before every call.
 */
export type Credentials = Readonly<Record<string, string>>;

export interface ChallengePath {
  name: string;
  credentials: Credentials;
  /** The right answer to one challenge (for options: the value of the right option). */
  answer(challenge: ChallengeSpec): string;
  /** A wrong answer (default: no option's value, or a string no institution accepts). */
  wrong?(challenge: ChallengeSpec): string;
}

export interface ConnectorScripts {
  /** Credentials that log in without MFA. */
  noMfa: Credentials;
  /** Credentials that log in to MFA which the right answers get through. */
  challenges: readonly ChallengePath[];
  /** Credentials the institution refuses, if it has such test credentials. */
  badCredentials?: Credentials;
}

const CHALLENGE_TYPES = ['question', 'options', 'code_sent', 'code_generated', 'image_data', 'image_options', 'prompt'];
const MEDIUM_TYPES = ['sms', 'email', 'phone_call', 'mobile_app', 'device'];
const HOLD_REASONS = [
  'account_issue_accept_toc', 'account_issue_verify_identity', 'account_issue_update_password',
  'account_issue_enable_mfa', 'account_issue_payment_required', 'account_issue_contact_institution',
];
const ACCOUNT_TYPES = ['checking', 'savings', 'credit_card', 'loan', 'utility', 'investment'];
const MAX_STEPS = 40;

export function defaultWrong(c: ChallengeSpec): string {
  return c.options ? 'not-one-of-the-options' : 'definitely-wrong-0000';
}

// ---------------------------------------------------------------------------------------
// Driving a login

type Call = 'login' | 'answer' | 'poll';
export interface Step { call: Call; answered: ChallengeSpec[]; wrong: boolean; result: StepResult }

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** What the engine stores and hands back: JSON, and nothing else. */
export function persisted(state: ConnectorState): ConnectorState {
  const copy = JSON.parse(JSON.stringify(state)) as ConnectorState;
  assert.deepEqual(copy, state, 'connector state must survive JSON unchanged');
  return deepFreeze(copy);
}

function isChallenge(o: StepOutcome): o is Extract<StepOutcome, { kind: 'challenge' }> {
  return o.kind === 'challenge';
}

function answerable(o: StepOutcome): ChallengeSpec[] {
  return isChallenge(o) ? o.challenges.filter((c) => c.type !== 'prompt') : [];
}

/**
 * Logs in and follows the outcome until the login ends: answers every round through
 * `pick` (round index, counting rejected re-challenges as the same round) and polls
 * prompts. Every step is validated.
 */
export async function drive(
  connector: InstitutionConnector, credentials: Credentials,
  pick: (c: ChallengeSpec, round: number, attempt: number) => { value: string; wrong: boolean },
  maxSteps = MAX_STEPS,
): Promise<Step[]> {
  const steps: Step[] = [];
  let result = await connector.login({ credentials, state: {} });
  steps.push({ call: 'login', answered: [], wrong: false, result });
  let round = 0;
  let attempt = 0;
  while (steps.length < maxSteps) {
    assertOutcome(result.outcome);
    const o = result.outcome;
    const state = persisted(result.state);
    const toAnswer = answerable(o);
    if (toAnswer.length > 0) {
      const picks = toAnswer.map((c) => ({ c, ...pick(c, round, attempt) }));
      result = await connector.answer({ credentials, state, answers: picks.map((p) => ({ key: p.c.key, value: p.value })) });
      steps.push({ call: 'answer', answered: toAnswer, wrong: picks.some((p) => p.wrong), result });
    } else if (isChallenge(o) || o.kind === 'awaiting_approval') {
      result = await connector.poll({ credentials, state });
      steps.push({ call: 'poll', answered: [], wrong: false, result });
    } else {
      return steps;
    }
    const next = result.outcome;
    if (isChallenge(next) && next.rejected) attempt += 1;
    else if (isChallenge(next)) { round += 1; attempt = 0; }
  }
  assertOutcome(result.outcome);
  return steps;
}

function last(steps: Step[]): StepOutcome {
  return steps.at(-1)!.result.outcome;
}

/** Answering a code never makes the institution send another (only a rejection repeats it). */
function assertNoCodeResent(steps: Step[]): void {
  const shown = new Set<string>();
  steps.forEach((step, i) => {
    const o = step.result.outcome;
    if (!isChallenge(o) || o.rejected) return;
    for (const c of o.challenges.filter((x) => x.type === 'code_sent')) {
      assert.ok(!shown.has(c.key), `step ${i}: code challenge ${c.key} was sent again`);
      shown.add(c.key);
    }
    if (step.call === 'answer' && step.answered.some((c) => c.type === 'code_sent')) {
      assert.ok(!o.challenges.some((c) => c.type === 'code_sent'), `step ${i}: answering a code sent a new code`);
    }
  });
}

// ---------------------------------------------------------------------------------------
// Shapes

function assertDataUri(uri: unknown, what: string): void {
  assert.equal(typeof uri, 'string', `${what} needs an image`);
  assert.match(uri as string, /^data:image\/[a-z0-9.+-]+(;base64)?,./, `${what} must be a data: URI`);
}

function assertUnique(values: string[], what: string): void {
  assert.equal(new Set(values).size, values.length, `${what} must be unique: ${values.join(', ')}`);
}

export function assertChallenge(c: ChallengeSpec): void {
  assert.ok(c.key, 'a challenge needs a key');
  assert.ok(CHALLENGE_TYPES.includes(c.type), `unknown challenge type ${c.type}`);
  assert.ok(c.label.trim(), `challenge ${c.key} needs a label`);
  if (c.type === 'options' || c.type === 'image_options') {
    assert.ok(c.options && c.options.length >= 2, `${c.type} challenge ${c.key} needs two or more options`);
    assertUnique(c.options.map((o) => o.key), `option keys of ${c.key}`);
    assertUnique(c.options.map((o) => o.value), `option values of ${c.key}`);
    for (const o of c.options) {
      assert.ok(o.key && o.label.trim() && o.value, `option of ${c.key} needs key, label and value`);
      if (c.type === 'image_options') assertDataUri(o.image, `image option ${o.key}`);
    }
  } else {
    assert.equal(c.options, undefined, `${c.type} challenge ${c.key} takes no options`);
  }
  if (c.type === 'image_data') assertDataUri(c.image, `image challenge ${c.key}`);
  if (c.type === 'code_sent' || c.type === 'prompt') {
    assert.ok(c.medium && MEDIUM_TYPES.includes(c.medium.type) && c.medium.label.trim(), `${c.type} challenge ${c.key} must say where (medium)`);
  }
  if (c.expiresInSeconds !== undefined) {
    assert.ok(Number.isInteger(c.expiresInSeconds) && c.expiresInSeconds > 0, 'expiresInSeconds must be a positive integer');
  }
}

export function assertOutcome(o: StepOutcome): void {
  assert.deepEqual(JSON.parse(JSON.stringify(o)), o, 'outcomes are stored as JSON');
  switch (o.kind) {
    case 'challenge':
      assert.ok(o.challenges.length > 0, 'a challenge outcome needs challenges');
      assertUnique(o.challenges.map((c) => c.key), 'challenge keys in a round');
      o.challenges.forEach(assertChallenge);
      // A prompt takes no input, so mixing it with questions would leave the engine guessing.
      if (o.challenges.some((c) => c.type === 'prompt')) assert.equal(o.challenges.length, 1, 'a prompt comes alone');
      break;
    case 'awaiting_approval':
      assert.ok(Number.isInteger(o.pollAfterMs) && o.pollAfterMs > 0, 'pollAfterMs must be a positive integer');
      break;
    case 'hold':
      assert.ok(HOLD_REASONS.includes(o.reason), `unknown hold reason ${o.reason}`);
      assert.ok(o.message.trim(), 'a hold needs a message');
      if (o.url !== undefined) assert.match(o.url, /^https:\/\//);
      break;
    case 'bad_credentials': case 'locked': case 'unavailable':
      if (o.message !== undefined) assert.ok(o.message.trim());
      break;
    case 'authenticated': case 'approval_refused':
      break;
    default:
      assert.fail(`unknown outcome ${JSON.stringify(o)}`);
  }
}

export function assertAccounts(accounts: AccountData[]): void {
  assert.ok(Array.isArray(accounts));
  assertUnique(accounts.map((a) => a.externalId), 'account externalIds');
  for (const a of accounts) {
    assert.ok(a.externalId && a.name.trim(), 'an account needs an externalId and a name');
    assert.ok(ACCOUNT_TYPES.includes(a.type), `unknown account type ${a.type}`);
    assert.match(a.mask, /^[0-9A-Za-z]{2,4}$/, 'a mask is the last few characters, never the number');
    assert.ok(Number.isFinite(a.balance), 'balance must be a finite number');
    assert.match(a.currency, /^[A-Z]{3}$/, 'currency is an ISO 4217 code');
  }
}

export function assertDocuments(documents: DocumentData[]): void {
  assert.ok(Array.isArray(documents));
  assertUnique(documents.map((d) => d.externalId), 'document externalIds');
  for (const d of documents) {
    assert.ok(d.externalId && d.name.trim(), 'a document needs an externalId and a name');
    assert.ok(d.kind === 'tax_document' || d.kind === 'statement', `unknown document kind ${d.kind}`);
    assert.ok(Number.isInteger(d.year) && d.year >= 1990 && d.year <= 2100, `implausible year ${d.year}`);
  }
}

async function assertFetches(connector: InstitutionConnector, credentials: Credentials, result: StepResult, atLeastOneAccount: boolean) {
  const state = persisted(result.state);
  const accounts = await connector.fetchAccounts({ credentials, state });
  assertAccounts(accounts);
  if (atLeastOneAccount) assert.ok(accounts.length > 0, 'a plain login should find accounts');
  assertDocuments(await connector.fetchDocuments({ credentials, state }));
}

// ---------------------------------------------------------------------------------------
// The suite

export function runConnectorContract(connector: InstitutionConnector, scripts: ConnectorScripts): void {
  describe(`institution connector ${connector.code}`, () => {
    it('describes itself: code, name, URLs and credential fields', () => {
      assert.match(connector.code, /^[a-z0-9_]+$/);
      assert.ok(connector.name.trim());
      assert.match(connector.url, /^https:\/\//);
      assert.ok(connector.logoUrl === null || /^(https:\/\/|data:image\/)/.test(connector.logoUrl));
      assert.ok(connector.credentialFields.length > 0, 'declare the credential fields');
      assertUnique(connector.credentialFields.map((f) => f.name), 'credential field names');
      for (const f of connector.credentialFields) {
        assert.ok(f.name && f.label.trim() && (f.type === 'text' || f.type === 'password'));
      }
      for (const creds of [scripts.noMfa, ...scripts.challenges.map((p) => p.credentials)]) {
        assert.deepEqual(Object.keys(creds).sort(), connector.credentialFields.map((f) => f.name).sort(),
          'test credentials fill exactly the declared fields');
      }
    });

    it('logs in without MFA, then fetches well-formed accounts and documents', async () => {
      const result = await connector.login({ credentials: scripts.noMfa, state: {} });
      assertOutcome(result.outcome);
      assert.equal(result.outcome.kind, 'authenticated');
      await assertFetches(connector, scripts.noMfa, result, true);
    });

    if (scripts.badCredentials) {
      const bad = scripts.badCredentials;
      it('refuses bad credentials', async () => {
        const result = await connector.login({ credentials: bad, state: {} });
        assert.equal(result.outcome.kind, 'bad_credentials');
      });
    }

    for (const path of scripts.challenges) {
      const wrong = path.wrong ?? defaultWrong;
      const rightly = (c: ChallengeSpec) => ({ value: path.answer(c), wrong: false });

      describe(`MFA path ${path.name}`, () => {
        it('logs in to a well-formed challenge', async () => {
          const { outcome } = await connector.login({ credentials: path.credentials, state: {} });
          assertOutcome(outcome);
          assert.equal(outcome.kind, 'challenge');
          assert.ok(!(outcome as { rejected?: boolean }).rejected, 'the first challenge is not a rejection');
        });

        it('the right answers authenticate; then accounts and documents are well-formed', async () => {
          const steps = await drive(connector, path.credentials, rightly);
          assert.equal(last(steps).kind, 'authenticated', JSON.stringify(steps.map((s) => s.result.outcome)));
          assertNoCodeResent(steps);
          await assertFetches(connector, path.credentials, steps.at(-1)!.result, false);
        });

        it('answering the same step twice gives the same result (the engine may retry)', async () => {
          const first = await connector.login({ credentials: path.credentials, state: {} });
          const state = persisted(first.state);
          const challenges = answerable(first.outcome);
          const step = () => challenges.length
            ? connector.answer({ credentials: path.credentials, state, answers: challenges.map((c) => ({ key: c.key, value: path.answer(c) })) })
            : connector.poll({ credentials: path.credentials, state });
          assert.deepEqual(await step(), await step());
        });

        it('wrong answers, in any round, never authenticate and come back as rejections', async () => {
          // The rounds that take answers, numbered as drive() numbers them.
          const rounds: number[] = [];
          let round = -1;
          for (const s of await drive(connector, path.credentials, rightly)) {
            const o = s.result.outcome;
            if (!isChallenge(o) || o.rejected) continue;
            round += 1;
            if (answerable(o).length) rounds.push(round);
          }
          for (const badRound of rounds) {
            // Right answers before the bad round, then only wrong ones.
            const steps = await drive(connector, path.credentials, (c, round) =>
              round < badRound ? rightly(c) : { value: wrong(c), wrong: true }, 12);
            for (const [i, s] of steps.entries()) {
              const o = s.result.outcome;
              assert.notEqual(o.kind, 'authenticated', `round ${badRound}: wrong answers authenticated at step ${i}`);
              if (s.wrong && isChallenge(o)) assert.equal(o.rejected, true, `round ${badRound}: a challenge after a wrong answer must be flagged rejected`);
            }
            assertNoCodeResent(steps);
          }
        });

        it('missing answers are wrong answers, not errors', async () => {
          const first = await connector.login({ credentials: path.credentials, state: {} });
          if (!answerable(first.outcome).length) return;
          const state = persisted(first.state);
          for (const answers of [[], [{ key: 'no-such-challenge', value: 'correct' }]]) {
            const { outcome } = await connector.answer({ credentials: path.credentials, state, answers });
            assertOutcome(outcome);
            assert.notEqual(outcome.kind, 'authenticated');
            if (isChallenge(outcome)) assert.equal(outcome.rejected, true);
          }
        });

        it('never mutates the state it is given', async () => {
          // persisted() freezes state, so a mutating connector throws in the runs above; check login too.
          const input = deepFreeze({ credentials: { ...path.credentials }, state: {} });
          await connector.login(input);
          assert.deepEqual(input.state, {});
        });
      });
    }
  });
}
