import type { ChallengeSpec } from '../../ports/institution.ts';
import type { Script } from '../scripted/script.ts';
import { HOLD_REASONS, holdOutcome } from '../scripted/holds.ts';
import { svgDataUri } from '../scripted/images.ts';
import { answerIs, anyOption, dynamicRound, fixedRound, options, promptRound } from '../scripted/rounds.ts';

/**
 * The Latchkey sandbox bank's magic passwords (any non-empty username). Every
 * question, code and image takes the answer `correct`; options take the option whose
 * value is `correct`. docs/institutions.md has the table.
 */
export const SANDBOX_NAME = 'Latchkey Sandbox Bank';
export const SANDBOX_URL = 'https://latchkey-sandbox-bank.example';
export const CORRECT = 'correct';
/** Largest n and m of `mfa_questions_<n>_<m>`. */
export const MAX_QUESTION_ROUNDS = 9;
export const MAX_QUESTIONS_PER_ROUND = 9;
/** Polls a `mfa_prompt_*` prompt stays waiting before it is approved or refused. */
export const PROMPT_POLLS_BEFORE_DECISION = 2;
export const LOCK_AFTER_WRONG_ANSWERS = 3;
export const SHORT_EXPIRY_SECONDS = 30;

const right = answerIs(CORRECT);

const QUESTIONS = [
  'What was the name of your first pet?', 'In what city were you born?', 'What was your first car?',
  'What is your favorite food?', 'What street did you grow up on?', 'What was your childhood nickname?',
  'What was the name of your first school?', 'What is your oldest cousin\'s first name?', 'What was your first job?',
];

function question(key: string, n: number, extra: Partial<ChallengeSpec> = {}): ChallengeSpec {
  return { key, type: 'question', label: QUESTIONS[n % QUESTIONS.length]!, ...extra };
}

export const PHONES = [
  { value: 'phone_0101', mask: 'xxx-xxx-0101' },
  { value: 'phone_0102', mask: 'xxx-xxx-0102' },
  { value: 'phone_0103', mask: 'xxx-xxx-0103' },
] as const;

const choosePhone = fixedRound([{
  key: 'phone',
  type: 'options',
  label: 'Which phone should we text a code to?',
  options: options('phone', PHONES.map((p) => [`Text ${p.mask}`, p.value] as const)),
}], anyOption());

// The code goes to the phone chosen in round 1; the medium says which.
const enterTextedCode = dynamicRound((ctx) => {
  const mask = PHONES.find((p) => p.value === ctx.picks.phone)?.mask ?? PHONES[0].mask;
  return [{ key: 'sms_code', type: 'code_sent', label: `Enter the code we texted to ${mask}`, medium: { type: 'sms', label: mask } }];
}, right);

const appPrompt: ChallengeSpec = {
  key: 'app_approval',
  type: 'prompt',
  label: `Approve this sign-in in the ${SANDBOX_NAME} app`,
  medium: { type: 'mobile_app', label: `${SANDBOX_NAME} app` },
};

/** `mfa_questions_<n>_<m>`: n rounds of m questions (Plaid's scheme), 1 ≤ n, m ≤ 9. */
export function questionsScript(name: string): Script | undefined {
  const match = /^mfa_questions_(\d)_(\d)$/.exec(name);
  if (!match) return undefined;
  const rounds = Number(match[1]);
  const perRound = Number(match[2]);
  if (rounds < 1 || rounds > MAX_QUESTION_ROUNDS || perRound < 1 || perRound > MAX_QUESTIONS_PER_ROUND) return undefined;
  return {
    rounds: Array.from({ length: rounds }, (_, r) => fixedRound(
      Array.from({ length: perRound }, (_, q) => question(`question_${r + 1}_${q + 1}`, r * perRound + q)), right)),
  };
}

const holds: Record<string, Script> = Object.fromEntries(HOLD_REASONS.map((reason) =>
  [`hold_${reason}`, { outcome: holdOutcome(SANDBOX_NAME, reason, `${SANDBOX_URL}/account/${reason}`) }]));

export const SANDBOX_SCRIPTS: Readonly<Record<string, Script>> = {
  good: {},
  mfa_question: { rounds: [fixedRound([question('question', 0)], right)] },
  mfa_phone: { rounds: [choosePhone, enterTextedCode] },
  mfa_authenticator: {
    rounds: [fixedRound([{ key: 'totp', type: 'code_generated', label: 'Enter the 6-digit code from your authenticator app' }], right)],
  },
  mfa_image: {
    rounds: [fixedRound([{ key: 'captcha', type: 'image_data', label: 'Type the word in the picture', image: svgDataUri(CORRECT) }], right)],
  },
  mfa_image_options: {
    rounds: [fixedRound([{
      key: 'security_image',
      type: 'image_options',
      label: 'Choose your security image',
      options: options('image', [
        ['Harbor', 'harbor', svgDataUri('harbor', '#2e7d32')],
        ['Sunrise', CORRECT, svgDataUri(CORRECT, '#ef6c00')],
        ['Forest', 'forest', svgDataUri('forest', '#6a1b9a')],
      ]),
    }], right)],
  },
  mfa_prompt_approve: { rounds: [promptRound(appPrompt, 'approved', PROMPT_POLLS_BEFORE_DECISION)] },
  mfa_prompt_refuse: { rounds: [promptRound(appPrompt, 'refused', PROMPT_POLLS_BEFORE_DECISION)] },
  mfa_prompt_never: { rounds: [promptRound(appPrompt, 'never', 0)] },
  // The first answer is rejected whatever it is, so a re-challenge needs no typo.
  mfa_reject_then_pass: {
    rounds: [fixedRound([question('question', 1)], (c, v, ctx) => (ctx.attempts === 0 ? 'fail' : right(c, v, ctx)))],
  },
  mfa_lock_after_3: { rounds: [fixedRound([question('question', 2)], right)], lockAfterWrongAnswers: LOCK_AFTER_WRONG_ANSWERS },
  mfa_question_short_expiry: {
    rounds: [fixedRound([question('question', 3, { expiresInSeconds: SHORT_EXPIRY_SECONDS })], right)],
  },
  bad_password: { outcome: { kind: 'bad_credentials', message: `${SANDBOX_NAME} did not accept this username and password.` } },
  locked: {
    outcome: { kind: 'locked', message: `${SANDBOX_NAME} has locked this login after too many failed attempts. Contact ${SANDBOX_NAME} to unlock it.` },
  },
  ...holds,
  down: { outcome: { kind: 'unavailable', message: `${SANDBOX_NAME} is not responding. Try again later.` } },
  slow: { slow: true },
};

/** Unknown passwords, and blank fields, are a bad login (as at a real bank). */
export const SANDBOX_FALLBACKS: Readonly<Record<string, Script>> = {
  unknown_password: {
    outcome: { kind: 'bad_credentials', message: `${SANDBOX_NAME} did not accept this username and password (see docs/institutions.md for the test passwords).` },
  },
};
