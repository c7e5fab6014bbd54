import type { AccountData, DocumentData } from '../../ports/institution.ts';
import type { Script } from '../scripted/script.ts';
import { holdOutcome } from '../scripted/holds.ts';
import { answerIs, anyOption, dynamicRound, fixedRound, options, promptRound } from '../scripted/rounds.ts';
import { scriptedInstitution, type ScriptedInstitutionOptions } from '../scripted/scripted-institution.ts';

/**
 * Q2 Biller Direct (formerly Unbill) sandbox biller, "MFA Company 1". Its sandbox picks
 * the auth status from a `status` login input; Latchkey takes that status from the
 * username (any password), and also accepts the legacy test usernames (`testmfacode`…,
 * with or without `@test.test`). Anything else is `verified`. Answers: `correct`.
 */
const NAME = 'Q2 Sandbox Biller';
const URL = 'https://sb-connect.q2open.io';
const right = answerIs('correct');

// Keys and option values are Q2's own identifiers, as in its documented payloads.
const DELIVERY = [
  { identifier: 'SkbkEP4ekW', label: 'Text: xxx-xxx-1234', medium: { type: 'sms', label: 'xxx-xxx-1234' } },
  { identifier: 'Hk4bkE4xkZ', label: 'Email: j***@example.com', medium: { type: 'email', label: 'j***@example.com' } },
] as const;

const SCRIPTS: Readonly<Record<string, Script>> = {
  verified: {},
  authenticate: { outcome: { kind: 'bad_credentials', message: `${NAME} did not accept these credentials. Sign in again.` } },
  hold: { outcome: holdOutcome(NAME, 'account_issue_accept_toc', `${URL}/account/terms`) },
  'mfa-required-questions': {
    rounds: [fixedRound([
      { key: '1j5k2l1', type: 'question', label: 'What city did you grow up in?' },
      { key: '3buw78h3', type: 'question', label: 'What is your favorite food?' },
    ], right)],
  },
  'mfa-required-code': {
    rounds: [
      fixedRound([{
        key: 'delivery', type: 'options', label: 'Where should we send your code?',
        options: options('delivery', DELIVERY.map((d) => [d.label, d.identifier] as const)),
      }], anyOption()),
      dynamicRound((ctx) => {
        const d = DELIVERY.find((x) => x.identifier === ctx.picks.delivery) ?? DELIVERY[0];
        return [{ key: 'code', type: 'code_sent', label: `Enter the code sent to ${d.medium.label}`, medium: { ...d.medium } }];
      }, right),
    ],
  },
  'mfa-required-prompt': {
    rounds: [promptRound({
      key: 'prompt', type: 'prompt', label: `Approve the sign-in to ${NAME} on your device`,
      medium: { type: 'mobile_app', label: `${NAME} app` },
    }, 'approved', 1)],
  },
};

// Legacy (unbill/slate) test usernames, by the status they stand for.
const LEGACY: Readonly<Record<string, string>> = {
  test: 'verified',
  testfail: 'authenticate',
  testhold: 'hold',
  testmfaquestion: 'mfa-required-questions',
  testmfaquestions: 'mfa-required-questions',
  testmfacode: 'mfa-required-code',
  testmfaprompt: 'mfa-required-prompt',
};

export function q2Status(username: string): string {
  const u = username.trim().toLowerCase().replace(/@test\.test$/, '');
  if (Object.hasOwn(SCRIPTS, u)) return u;
  return LEGACY[u] ?? 'verified';
}

const ACCOUNTS: readonly AccountData[] = [
  { externalId: 'q2-util-7781', name: 'Electric service', type: 'utility', mask: '7781', balance: 84.21, currency: 'USD' },
];

const STATEMENT_YEAR = 2025;
const DOCUMENTS: readonly DocumentData[] = [
  { externalId: `q2-stmt-${STATEMENT_YEAR}-12`, kind: 'statement', name: `December ${STATEMENT_YEAR} bill`, year: STATEMENT_YEAR },
];

export function createQ2SandboxInstitution(options: ScriptedInstitutionOptions = {}) {
  return scriptedInstitution({
    code: 'q2_sandbox',
    name: NAME,
    url: URL,
    credentialFields: [
      { name: 'username', label: 'Username', type: 'text' },
      { name: 'password', label: 'Password', type: 'password' },
    ],
    scripts: SCRIPTS,
    select: ({ username = '' }) => q2Status(username),
    accounts: ACCOUNTS,
    documents: DOCUMENTS,
  }, options);
}

export const q2SandboxInstitution = createQ2SandboxInstitution();
