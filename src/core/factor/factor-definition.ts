import type { Challenge, Factor, FactorType, Organization, User } from '../model.ts';
import type { CoreDeps } from '../deps.ts';

/** What a factor needs to do its job: the core's ports, and whom it serves. */
export interface FactorContext {
  deps: CoreDeps;
  user: User;
  org: Organization;
}

export interface Enrollment {
  label: string;
  /** Phone number or email address, for factors that deliver a code. */
  destination: string | null;
  /** Secret to store encrypted (TOTP seed). */
  secret: Uint8Array | null;
  /** Active at once (backup codes, which the user has just been shown), or only after a verified challenge. */
  activeAtOnce: boolean;
  /** Shown to the user once, never again: otpauth URI and QR code, backup codes. */
  reveal: Record<string, unknown>;
  /** Runs after the factor row exists (backup codes store their hashes). */
  afterInsert?: (factor: Factor) => Promise<void>;
}

/**
 * One MFA factor: a folder under src/factors/ plus one line in src/factors/index.ts.
 * A factor sees ports, never the HTTP request.
 */
export interface FactorDefinition {
  readonly type: FactorType;
  /** Whether a challenge sends something (and so can be resent). */
  readonly delivers: boolean;
  /**
   * Refuses set-up input that could never succeed, before the caller's right to change factors is
   * checked. Cheap and about the request alone: nothing stored, nothing generated, nothing about the user.
   */
  checkInput?(input: Record<string, unknown>): void;
  enroll(input: Record<string, unknown>, ctx: FactorContext): Promise<Enrollment>;
  /** Called when a challenge is created or resent; returns the stored digest of any code it sent. */
  issue(factor: Factor, challengeId: string, ctx: FactorContext): Promise<{ codeHash: string | null }>;
  /** Whether `code` answers the challenge. Must be constant-time and single-use where the factor allows replay. */
  check(factor: Factor, challenge: Challenge, code: string, ctx: FactorContext): Promise<boolean>;
  /** Where the code goes, masked for display (`•••• 1234`), or null. */
  mask(factor: Factor): string | null;
}

export type FactorRegistry = ReadonlyMap<FactorType, FactorDefinition>;
