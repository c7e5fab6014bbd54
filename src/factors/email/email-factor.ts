import type { FactorDefinition } from '../../core/factor/factor-definition.ts';
import { checkSentCode, sendCode } from '../../core/factor/code-delivery.ts';
import { fail } from '../../core/errors.ts';
import { maskEmail } from '../mask.ts';

/** One plain mailbox: no display names, lists, quotes or comments (they would redirect the code). */
export const EMAIL_PATTERN = '^[^\\s@<>,;:"()\\[\\]\\\\]{1,64}@[^\\s@<>,;:"()\\[\\]\\\\]{1,255}\\.[^\\s@<>,;:"()\\[\\]\\\\]{2,}$';
const EMAIL = new RegExp(EMAIL_PATTERN);

/** A six-digit code sent by email. Not out-of-band under NIST SP 800-63B rev 4; organizations may refuse it. */
export const emailFactor: FactorDefinition = {
  type: 'email',
  delivers: true,
  async enroll(input, { user }) {
    const email = typeof input.email === 'string' ? input.email : user.email;
    if (!email) fail('LK_ERR_VALIDATION', { field: 'email', detail: 'An email address is required: the user has none on file.' });
    if (!EMAIL.test(email)) fail('LK_ERR_VALIDATION', { field: 'email', detail: 'The email address is not valid.' });
    return { label: maskEmail(email), destination: email, secret: null, activeAtOnce: false, reveal: {} };
  },
  issue: (factor, challengeId, ctx) => sendCode(factor, challengeId, ctx, 'email'),
  check: async (_factor, challenge, code, ctx) => checkSentCode(challenge, code, ctx),
  mask: (factor) => maskEmail(factor.destination ?? ''),
};
