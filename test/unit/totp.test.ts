import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateHOTP } from '@oslojs/otp';
import { matchingStep, timeStep } from '../../src/factors/totp/totp.ts';

// RFC 6238 Appendix B, SHA-1 rows: the seed is the ASCII string "12345678901234567890", 8 digits, 30-second steps.
const SEED = new TextEncoder().encode('12345678901234567890');
const VECTORS: [seconds: number, totp: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  for (const [seconds, expected] of VECTORS) {
    it(`Appendix B: T=${seconds}s gives ${expected}`, () => {
      const step = timeStep(seconds * 1000);
      assert.equal(generateHOTP(SEED, BigInt(step), 8), expected);
      assert.equal(matchingStep(SEED, expected, seconds * 1000, 0, 8), step, 'verifies at its own time');
      assert.equal(matchingStep(SEED, expected, seconds * 1000 + 90_000, 1, 8), null, 'refused three steps later');
    });
  }

  it('accepts one step of drift either side and no more', () => {
    const now = 1_700_000_000_000;
    const step = timeStep(now);
    const prev = generateHOTP(SEED, BigInt(step - 1), 6);
    const next = generateHOTP(SEED, BigInt(step + 1), 6);
    const far = generateHOTP(SEED, BigInt(step + 2), 6);
    assert.equal(matchingStep(SEED, prev, now, 1), step - 1);
    assert.equal(matchingStep(SEED, next, now, 1), step + 1);
    assert.equal(matchingStep(SEED, far, now, 1), null);
  });

  it('refuses malformed codes without throwing', () => {
    assert.equal(matchingStep(SEED, '12345', 0, 1), null);
    assert.equal(matchingStep(SEED, 'abcdef', 0, 1), null);
    assert.equal(matchingStep(SEED, '', 0, 1), null);
  });
});
