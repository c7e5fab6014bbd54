import type { FactorDefinition } from '../../core/factor/factor-definition.ts';
import { checkSentCode, sendCode } from '../../core/factor/code-delivery.ts';
import { fail } from '../../core/errors.ts';
import { maskPhone } from '../mask.ts';

/** E.164: a plus sign and 8 to 15 digits. */
export const E164_PATTERN = '^\\+[1-9][0-9]{7,14}$';
const E164 = new RegExp(E164_PATTERN);

/** A six-digit code sent by text message to a phone the user registered. */
export const smsFactor: FactorDefinition = {
  type: 'sms',
  delivers: true,
  async enroll(input, { user }) {
    const phone = typeof input.phone === 'string' ? input.phone : user.phone;
    if (!phone) fail('LK_ERR_VALIDATION', { field: 'phone', detail: 'A phone number is required: the user has none on file.' });
    if (!E164.test(phone)) fail('LK_ERR_VALIDATION', { field: 'phone', detail: 'The phone number must be in E.164 form, such as +14155550100.' });
    return { label: maskPhone(phone), destination: phone, secret: null, activeAtOnce: false, reveal: {} };
  },
  issue: (factor, challengeId, ctx) => sendCode(factor, challengeId, ctx, 'sms'),
  check: async (_factor, challenge, code, ctx) => checkSentCode(challenge, code, ctx),
  mask: (factor) => maskPhone(factor.destination ?? ''),
};
