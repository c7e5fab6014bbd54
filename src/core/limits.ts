/**
 * Every limit Latchkey enforces, with its default and where the default comes from.
 * Override any of them with an environment variable (see README, "Configuration");
 * per-organization values live on the organization record.
 */
export interface Limits {
  /** Idle timeout of an API session. BILL's documented 35 minutes; ASVS 3.3.2 (L2) asks for 30. */
  sessionIdleMinutes: number;
  /** Absolute lifetime of an API session, however active. */
  sessionAbsoluteHours: number;
  /** The sliding idle timer is written back at most this often (lucia's trick: no write per request). */
  sessionTouchIntervalSeconds: number;
  /** How long a remembered device stays trusted. Seed 000: 180 days. */
  rememberDeviceDays: number;
  /** A challenge's lifetime. */
  challengeTtlMinutes: number;
  /** Wrong codes one challenge accepts before it is dead. */
  challengeMaxAttempts: number;
  /** Codes sent to one user per hour (new SMS/email challenges and resends); challenges that send nothing have a budget of the same size. */
  challengesPerUserPerHour: number;
  /** Consecutive failures (sign-in and MFA together) before an account locks. PCI DSS v4 8.3.4: at most 10. */
  lockoutThreshold: number;
  /** How long a lock lasts. PCI DSS v4 8.3.4: at least 30 minutes or until an admin clears it. */
  lockoutMinutes: number;
  /** Failed sign-ins per account in the window before 429. */
  signInFailuresPerAccount: number;
  /** Failed sign-ins per client address in the window before 429. */
  signInFailuresPerAddress: number;
  /** The window of the two counters above. */
  signInFailureWindowMinutes: number;
  /** Accepted clock drift for TOTP, in 30-second steps either side (RFC 6238 §5.2). */
  totpDriftSteps: number;
  /** Backup codes issued per set. */
  backupCodeCount: number;
  /** Step-up age used by built-in sensitive operations such as adding a factor. */
  stepUpMinutes: number;
  /** How long an institution's challenge waits for an answer (prompts included: allow minutes). */
  institutionChallengeMinutes: number;
  /** Consecutive credential failures before a connection stops trying (MX stops after 3: PREVENTED). */
  institutionCredentialFailures: number;
  /** Retries of an institution that is down, with exponential backoff from the base below. */
  institutionRetries: number;
  institutionRetryBaseSeconds: number;
  /** A job whose worker vanished is taken over after this lease. */
  jobLeaseSeconds: number;
  /** A connected connection is refreshed in the background after this long. */
  refreshIntervalHours: number;
  /** Lifetime of a single-use answer token for an end-user page. */
  answerTokenMinutes: number;
  /** Webhook delivery attempts before a delivery is marked failed (MX: 12 over about a day). */
  webhookAttempts: number;
  webhookRetryBaseSeconds: number;
  /** Ended sessions, expired challenges, devices and answer tokens, and outbox messages are deleted this long after they stopped counting. The audit log is kept. */
  retentionDays: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  sessionIdleMinutes: 35,
  sessionAbsoluteHours: 12,
  sessionTouchIntervalSeconds: 60,
  rememberDeviceDays: 180,
  challengeTtlMinutes: 10,
  challengeMaxAttempts: 5,
  challengesPerUserPerHour: 10,
  lockoutThreshold: 10,
  lockoutMinutes: 30,
  signInFailuresPerAccount: 5,
  signInFailuresPerAddress: 50,
  signInFailureWindowMinutes: 15,
  totpDriftSteps: 1,
  backupCodeCount: 10,
  stepUpMinutes: 10,
  institutionChallengeMinutes: 10,
  institutionCredentialFailures: 3,
  institutionRetries: 3,
  institutionRetryBaseSeconds: 30,
  jobLeaseSeconds: 60,
  refreshIntervalHours: 24,
  answerTokenMinutes: 15,
  webhookAttempts: 12,
  webhookRetryBaseSeconds: 10,
  retentionDays: 30,
});

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
