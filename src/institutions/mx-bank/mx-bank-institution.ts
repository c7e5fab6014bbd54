import type { AccountData, ChallengeSpec, DocumentData } from '../../ports/institution.ts';
import type { EndOutcome, Script, Verdict } from '../scripted/script.ts';
import { scriptedInstitution, type ScriptedInstitutionOptions } from '../scripted/scripted-institution.ts';
import { svgDataUri } from '../scripted/images.ts';
import { anyOption, dynamicRound, fixedRound, options } from '../scripted/rounds.ts';

/**
 * MX Bank (`mxbank`), MX's test institution, as documented at
 * https://docs.mx.com/resources/test-platform/mxbank/ : username `mxuser`; the password
 * picks the path; answer `correct` passes, anything else is REJECTED. Answering
 * `challenge` to a text challenge passes it and asks a follow-up (Atrium guide), and the
 * server-error passwords also work as answers.
 */
const NAME = 'MX Bank';
const USERNAME = 'mxuser';

// MX documents these server-error passwords; others on its page are not modelled.
const SERVER_ERRORS: Readonly<Record<string, EndOutcome>> = {
  BAD_REQUEST: { kind: 'unavailable', message: 'You must fill out the username and password fields.' },
  UNAUTHORIZED: { kind: 'bad_credentials', message: `The username or password for ${NAME} is incorrect.` },
};

function judge(value: string): Verdict {
  const v = value.trim();
  if (Object.hasOwn(SERVER_ERRORS, v)) return { end: SERVER_ERRORS[v]! };
  return v === 'correct' ? 'pass' : 'fail';
}

const TEXT_LABELS = ['What city were you born in?', 'What is the name of your favorite teacher?', 'What was the make of your first car?'];

// Each follow-up is a new challenge, so it gets a new key.
const textRound = dynamicRound((ctx): ChallengeSpec[] => [{
  key: `text_${ctx.turn + 1}`, type: 'question', label: TEXT_LABELS[ctx.turn % TEXT_LABELS.length]!,
}], (_c, value) => (value.trim() === 'challenge' ? 'again' : judge(value)));

const PHONES = [['Text xxx-xxx-1234', 'xxx-xxx-1234'], ['Text xxx-xxx-5678', 'xxx-xxx-5678']] as const;

const SCRIPTS: Readonly<Record<string, Script>> = {
  challenge: { rounds: [textRound] },
  options: {
    rounds: [fixedRound([{
      key: 'options', type: 'options', label: 'Choose the correct option',
      options: options('option', [['correct', 'correct'], ['incorrect', 'incorrect']]),
    }], (_c, v) => judge(v))],
  },
  image: {
    rounds: [fixedRound([{ key: 'image', type: 'image_data', label: 'Enter the text in the image', image: svgDataUri('correct') }], (_c, v) => judge(v))],
  },
  // MX documents no password for the two-round "choose the phone, then enter the code"
  // of its MFA guide (seed 002); Latchkey adds `options_then_code` for it.
  options_then_code: {
    rounds: [
      fixedRound([{
        key: 'phone', type: 'options', label: 'Where should we send your one-time code?',
        options: options('phone', PHONES.map(([label, mask]) => [label, mask] as const)),
      }], anyOption()),
      dynamicRound((ctx) => {
        const mask = ctx.picks.phone ?? PHONES[0][1];
        return [{ key: 'token', type: 'code_sent', label: `Enter the code sent to ${mask}`, medium: { type: 'sms', label: mask } }];
      }, (_c, v) => judge(v)),
    ],
  },
  BAD_REQUEST: { outcome: SERVER_ERRORS.BAD_REQUEST! },
  UNAUTHORIZED: { outcome: SERVER_ERRORS.UNAUTHORIZED! },
};

const ACCOUNTS: readonly AccountData[] = [
  { externalId: 'mx-chk-1111', name: 'MX Bank Checking', type: 'checking', mask: '1111', balance: 1000.23, currency: 'USD' },
  { externalId: 'mx-sav-2222', name: 'MX Bank Savings', type: 'savings', mask: '2222', balance: 5000.5, currency: 'USD' },
  { externalId: 'mx-cc-3333', name: 'MX Bank Credit Card', type: 'credit_card', mask: '3333', balance: 250, currency: 'USD' },
];

const TAX_YEAR = 2025;
const DOCUMENTS: readonly DocumentData[] = [
  { externalId: `mx-1099int-${TAX_YEAR}`, kind: 'tax_document', name: `1099-INT ${TAX_YEAR}`, year: TAX_YEAR },
];

export function createMxBankInstitution(options: ScriptedInstitutionOptions = {}) {
  return scriptedInstitution({
    code: 'mxbank',
    name: NAME,
    url: 'https://docs.mx.com/resources/test-platform/mxbank/',
    credentialFields: [
      { name: 'username', label: 'Username', type: 'text' },
      { name: 'password', label: 'Password', type: 'password' },
    ],
    scripts: SCRIPTS,
    fallbacks: {
      connected: {},
      unknown_user: { outcome: { kind: 'bad_credentials', message: `The username or password for ${NAME} is incorrect.` } },
    },
    // Passwords are case sensitive at MX.
    select({ username, password = '' }) {
      if (username?.trim() !== USERNAME) return 'unknown_user';
      return Object.hasOwn(SCRIPTS, password) ? password : 'connected';
    },
    accounts: ACCOUNTS,
    documents: DOCUMENTS,
  }, options);
}

export const mxBankInstitution = createMxBankInstitution();
