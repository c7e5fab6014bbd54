import QRCode from 'qrcode';
import type { FactorDefinition } from '../../core/factor/factor-definition.ts';
import { keyURI, matchingStep, TOTP_SECRET_BYTES } from './totp.ts';

/**
 * An authenticator app (RFC 6238). A code, once accepted, is refused for the rest of
 * its time window and every earlier one (RFC 6238 §5.2), by an atomic claim on the step.
 */
export const totpFactor: FactorDefinition = {
  type: 'totp',
  delivers: false,
  async enroll(input, { deps, user, org }) {
    const secret = deps.random.bytes(TOTP_SECRET_BYTES);
    const label = typeof input.label === 'string' && input.label ? input.label : 'Authenticator app';
    const otpauthUri = keyURI(org.name, user.username, secret);
    const qrCode = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
    return { label, destination: null, secret, activeAtOnce: false, reveal: { otpauthUri, qrCode } };
  },
  issue: async () => ({ codeHash: null }),
  async check(factor, _challenge, code, { deps }) {
    if (!factor.secretEnc) return false;
    const step = matchingStep(deps.secrets.decrypt(factor.secretEnc), code, deps.clock.now(), deps.limits.totpDriftSteps);
    return step !== null && deps.store.factors.claimTotpStep(factor.id, step);
  },
  mask: () => null,
};
