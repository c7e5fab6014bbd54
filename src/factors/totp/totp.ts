import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';

/** RFC 6238 defaults that every authenticator app understands. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** 160-bit seeds, as RFC 4226 §4 recommends. */
export const TOTP_SECRET_BYTES = 20;

/** The RFC 6238 time step of `nowMs`. Time is passed in, never read here. */
export function timeStep(nowMs: number, periodInSeconds = TOTP_PERIOD_SECONDS): number {
  return Math.floor(nowMs / 1000 / periodInSeconds);
}

/** The step within ±`driftSteps` of `nowMs` whose code equals `code`, or null. */
export function matchingStep(key: Uint8Array, code: string, nowMs: number, driftSteps: number, digits = TOTP_DIGITS): number | null {
  if (code.length !== digits || !/^\d+$/.test(code)) return null;
  const now = timeStep(nowMs);
  let found: number | null = null;
  // Check every candidate so the work done does not depend on which one matches.
  for (let d = -driftSteps; d <= driftSteps; d++) {
    if (verifyHOTP(key, BigInt(now + d), digits, code) && found === null) found = now + d;
  }
  return found;
}

export function keyURI(issuer: string, accountName: string, key: Uint8Array): string {
  return createTOTPKeyURI(issuer, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}
