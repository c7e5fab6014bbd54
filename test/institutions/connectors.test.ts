import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChallengeSpec } from '../../src/ports/institution.ts';
import { institutionRegistry } from '../../src/institutions/index.ts';
import { runConnectorContract, type ChallengePath, type ConnectorScripts } from './connector-contract.ts';

/** Answer `word`; for options, the option whose value is `word`, else the first (e.g. any phone). */
function answers(word: string) {
  return (c: ChallengeSpec): string => (c.options ? (c.options.find((o) => o.value === word) ?? c.options[0]!).value : word);
}

function paths(answer: (c: ChallengeSpec) => string, list: Array<[name: string, credentials: Record<string, string>]>): ChallengePath[] {
  return list.map(([name, credentials]) => ({ name, credentials, answer }));
}

const sandbox = (password: string) => ({ username: 'sandbox-user', password });
const mx = (password: string) => ({ username: 'mxuser', password });
const synapse = (username: string) => ({ username, password: 'test1234' });
const q2 = (username: string) => ({ username, password: 'anything' });

/** Contract scripts for every registered connector, by code. */
const SCRIPTS: Readonly<Record<string, ConnectorScripts>> = {
  latchkey_sandbox: {
    noMfa: sandbox('good'),
    badCredentials: sandbox('bad_password'),
    challenges: paths(answers('correct'), [
      'mfa_question', 'mfa_questions_2_3', 'mfa_questions_3_1', 'mfa_phone', 'mfa_authenticator', 'mfa_image',
      'mfa_image_options', 'mfa_prompt_approve', 'mfa_reject_then_pass', 'mfa_lock_after_3', 'mfa_question_short_expiry',
    ].map((p) => [p, sandbox(p)])),
  },
  mxbank: {
    noMfa: mx('password'),
    badCredentials: { username: 'someone', password: 'password' },
    challenges: [
      ...paths(answers('correct'), [['challenge', mx('challenge')], ['image', mx('image')], ['options_then_code', mx('options_then_code')]]),
      // A valid but wrong option, as a user would pick.
      { name: 'options', credentials: mx('options'), answer: answers('correct'), wrong: () => 'incorrect' },
      // `challenge` passes the first text challenge and asks a follow-up; `correct` finishes.
      { name: 'challenge, then follow-up', credentials: mx('challenge'), answer: (c) => (c.key === 'text_1' ? 'challenge' : 'correct') },
    ],
  },
  synapse_fake: {
    noMfa: synapse('synapse_nomfa'),
    badCredentials: { username: 'synapse_good', password: 'wrong' },
    challenges: paths(answers('test_answer'), [['synapse_good', synapse('synapse_good')], ['synapse_code', synapse('synapse_code')]]),
  },
  q2_sandbox: {
    noMfa: q2('verified'),
    badCredentials: q2('authenticate'),
    challenges: paths(answers('correct'), [
      ['mfa-required-questions', q2('mfa-required-questions')],
      ['mfa-required-code', q2('mfa-required-code')],
      ['mfa-required-prompt', q2('mfa-required-prompt')],
      ['legacy testmfacode@test.test', q2('testmfacode@test.test')],
    ]),
  },
};

describe('institution registry', () => {
  it('every registered connector has contract scripts, and every script a connector', () => {
    assert.deepEqual([...institutionRegistry.keys()].sort(), Object.keys(SCRIPTS).sort());
  });

  it('is keyed by each connector\'s own code', () => {
    for (const [code, connector] of institutionRegistry) assert.equal(connector.code, code);
  });
});

for (const [code, connector] of institutionRegistry) {
  const scripts = SCRIPTS[code];
  if (scripts) runConnectorContract(connector, scripts);
}
