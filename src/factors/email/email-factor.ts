import type { FactorDefinition } from '../../core/factor/factor-definition.ts';
import { checkSentCode, sendCode } from '../../core/factor/code-delivery.ts';
import { fail } from '../../core/errors.ts';
import { assertEmail } from '../../core/account/user-rules.ts';
import { maskEmail } from '../mask.ts';

/** A six-digit code sent by email. Not out-of-band under NIST SP 800-63B rev 4; organizations may refuse it. */
export const emailFactor: FactorDefinition = {
  type: 'email',
  delivers: true,
  checkInput(input) {
    if (typeof input.email === 'string') assertEmail(input.email);
  },
  async enroll(input, { user }) {
    const email = typeof input.email === 'string' ? input.email : user.email;
    if (!email) fail('LK_ERR_VALIDATION', { field: 'email', detail: 'An email address is required: the user has none on file.' });
    assertEmail(email);
    return { label: maskEmail(email), destination: email, secret: null, activeAtOnce: false, reveal: {} };
  },
  issue: (factor, challengeId, ctx) => sendCode(factor, challengeId, ctx, 'email'),
  check: async (_factor, challenge, code, ctx) => checkSentCode(challenge, code, ctx),
  mask: (factor) => maskEmail(factor.destination ?? ''),
};
