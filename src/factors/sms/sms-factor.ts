import type { FactorDefinition } from '../../core/factor/factor-definition.ts';
import { checkSentCode, sendCode } from '../../core/factor/code-delivery.ts';
import { fail } from '../../core/errors.ts';
import { assertPhone } from '../../core/account/user-rules.ts';
import { maskPhone } from '../mask.ts';

/** A six-digit code sent by text message to a phone the user registered. */
export const smsFactor: FactorDefinition = {
  type: 'sms',
  delivers: true,
  checkInput(input) {
    if (typeof input.phone === 'string') assertPhone(input.phone);
  },
  async enroll(input, { user }) {
    const phone = typeof input.phone === 'string' ? input.phone : user.phone;
    if (!phone) fail('LK_ERR_VALIDATION', { field: 'phone', detail: 'A phone number is required: the user has none on file.' });
    assertPhone(phone);
    return { label: maskPhone(phone), destination: phone, secret: null, activeAtOnce: false, reveal: {} };
  },
  issue: (factor, challengeId, ctx) => sendCode(factor, challengeId, ctx, 'sms'),
  check: async (_factor, challenge, code, ctx) => checkSentCode(challenge, code, ctx),
  mask: (factor) => maskPhone(factor.destination ?? ''),
};
