import type { AccountData } from '../../ports/institution.ts';
import type { Script } from '../scripted/script.ts';
import { scriptedInstitution, type ScriptedInstitutionOptions } from '../scripted/scripted-institution.ts';
import { answerIs, fixedRound } from '../scripted/rounds.ts';

/**
 * Synapse's sandbox bank. Synapse calls it `fake` (`bank_name: "fake"`); Latchkey's code
 * is `synapse_fake` so it cannot be mistaken for a real bank code. Credentials follow
 * the SynapseFI SDK tests: bank ID `synapse_good` / `synapse_nomfa` / `synapse_code`,
 * password `test1234`, MFA answer `test_answer`.
 */
const NAME = 'Synapse Sandbox Bank';
const PASSWORD = 'test1234';
const ANSWER = 'test_answer';

const SCRIPTS: Readonly<Record<string, Script>> = {
  synapse_nomfa: {},
  synapse_good: {
    rounds: [fixedRound([{
      key: 'question', type: 'question', label: 'I heard you like questions so we put a question in your question?',
    }], answerIs(ANSWER))],
  },
  // v2 "device" MFA: a code sent to the phone or email the bank has on file.
  synapse_code: {
    rounds: [fixedRound([{
      key: 'device_code', type: 'code_sent', label: 'Enter the code sent to your device',
      medium: { type: 'device', label: 'the phone or email on file' },
    }], answerIs(ANSWER))],
  },
  // 402/460 "no accounts": the login works but finds nothing to link.
  synapse_no_accounts: { accounts: [] },
  synapse_bank_request: {
    outcome: { kind: 'locked', message: `${NAME} needs your attention: sign in to your bank before linking.` },
  },
  synapse_maintenance: { outcome: { kind: 'unavailable', message: `${NAME} is under maintenance. Try again later.` } },
};

const ACCOUNTS: readonly AccountData[] = [
  { externalId: 'syn-chk-6239', name: 'Fake Bank Checking', type: 'checking', mask: '6239', balance: 800.75, currency: 'USD' },
  { externalId: 'syn-sav-4417', name: 'Fake Bank Savings', type: 'savings', mask: '4417', balance: 3200.4, currency: 'USD' },
];

export function createSynapseFakeInstitution(options: ScriptedInstitutionOptions = {}) {
  return scriptedInstitution({
    code: 'synapse_fake',
    name: NAME,
    url: 'https://docs.synapsefi.com/docs/linking-an-ach-account-via-bank-logins',
    // Synapse's bank_id and bank_pw.
    credentialFields: [
      { name: 'username', label: 'Bank ID', type: 'text' },
      { name: 'password', label: 'Bank password', type: 'password' },
    ],
    scripts: SCRIPTS,
    fallbacks: {
      bad_login: { outcome: { kind: 'bad_credentials', message: `${NAME} did not accept this bank ID and password.` } },
    },
    select({ username = '', password }) {
      return password === PASSWORD && Object.hasOwn(SCRIPTS, username) ? username : 'bad_login';
    },
    accounts: ACCOUNTS,
    // Synapse links bank accounts only; it offers no documents.
    documents: [],
  }, options);
}

export const synapseFakeInstitution = createSynapseFakeInstitution();
