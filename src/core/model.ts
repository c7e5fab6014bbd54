/** Domain records. Times are epoch milliseconds from the injected Clock. */

export type MfaStatus = 'CHALLENGE' | 'COMPLETE' | 'DISABLED' | 'SETUP';
export type FactorType = 'sms' | 'email' | 'totp' | 'backup_codes';
export type SessionKind = 'user' | 'partner' | 'api_token';
export type TokenScope = 'read' | 'write';

export interface Organization {
  id: string;
  name: string;
  mfaRequired: boolean;
  /** NIST SP 800-63B rev 4 does not count email as out-of-band; an org may refuse it. */
  allowEmailFactor: boolean;
  sessionIdleMinutes: number;
  rememberDeviceDays: number;
  /** Origins allowed to call the API from a browser (CORS); '*' allows any. */
  allowedOrigins: string[];
  /** The partner developer key that created the organization, if any. */
  partnerKeyId: string | null;
  createdAt: number;
}

export interface User {
  id: string;
  orgId: string;
  username: string;
  passwordHash: string;
  email: string | null;
  phone: string | null;
  /** Consecutive failures, sign-in and MFA together; reset by a success. */
  failedAttempts: number;
  lockedUntil: number | null;
  createdAt: number;
}

export interface DevKey {
  id: string;
  keyHash: string;
  orgId: string;
  name: string;
  partner: boolean;
  createdAt: number;
  revokedAt: number | null;
}

export interface Session {
  id: string;
  tokenHash: string;
  kind: SessionKind;
  userId: string;
  orgId: string;
  devKeyId: string;
  scope: TokenScope;
  createdAt: number;
  lastSeenAt: number;
  /** Absolute end; null for API tokens, which live until revoked. */
  expiresAt: number | null;
  /** Idle timeout in minutes captured from the organization at sign-in; null: none. */
  idleMinutes: number | null;
  trustedAt: number | null;
  trustMethod: string | null;
  endedAt: number | null;
  name: string | null;
}

export interface Factor {
  id: string;
  userId: string;
  orgId: string;
  type: FactorType;
  status: 'pending' | 'active';
  label: string;
  /** Phone number or email address, for factors that deliver a code. */
  destination: string | null;
  /** Encrypted factor secret (TOTP seed). */
  secretEnc: string | null;
  /** Last accepted TOTP time step: a code is refused for the rest of its window (RFC 6238 §5.2). */
  lastUsedStep: number | null;
  createdAt: number;
  activatedAt: number | null;
}

export type ChallengePurpose = 'sign_in' | 'enroll';

export interface Challenge {
  id: string;
  userId: string;
  orgId: string;
  sessionId: string;
  factorId: string;
  purpose: ChallengePurpose;
  codeHash: string | null;
  attempts: number;
  maxAttempts: number;
  sends: number;
  createdAt: number;
  expiresAt: number;
  completedAt: number | null;
}

export interface RememberedDevice {
  id: string;
  tokenHash: string;
  userId: string;
  orgId: string;
  deviceName: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface AuditEvent {
  id: string;
  orgId: string | null;
  userId: string | null;
  type: string;
  at: number;
  ip: string | null;
  data: Record<string, unknown>;
}

export interface OutboxMessage {
  id: string;
  orgId: string;
  userId: string | null;
  channel: 'sms' | 'email';
  destination: string;
  subject: string | null;
  body: string;
  createdAt: number;
}

export interface ProtectedRequest {
  id: string;
  orgId: string;
  userId: string;
  operation: string;
  payload: Record<string, unknown>;
  createdAt: number;
}
