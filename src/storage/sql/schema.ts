/** Row types as Kysely sees them through CamelCasePlugin (columns are snake_case in the database). */
export interface OrganizationRow {
  id: string; name: string; mfaRequired: number; allowEmailFactor: number; sessionIdleMinutes: number;
  rememberDeviceDays: number; allowedOrigins: string; partnerKeyId: string | null; createdAt: number;
}
export interface UserRow {
  id: string; orgId: string; username: string; passwordHash: string; email: string | null; phone: string | null;
  failedAttempts: number; lockedUntil: number | null; createdAt: number;
}
export interface DevKeyRow { id: string; keyHash: string; orgId: string; name: string; partner: number; createdAt: number; revokedAt: number | null }
export interface SessionRow {
  id: string; tokenHash: string; kind: string; userId: string; orgId: string; devKeyId: string; scope: string;
  createdAt: number; lastSeenAt: number; expiresAt: number | null; idleMinutes: number | null; trustedAt: number | null;
  trustMethod: string | null; endedAt: number | null; name: string | null;
}
export interface FactorRow {
  id: string; userId: string; orgId: string; type: string; status: string; label: string; destination: string | null;
  secretEnc: string | null; lastUsedStep: number | null; createdAt: number; activatedAt: number | null;
}
export interface BackupCodeRow { factorId: string; userId: string; codeHash: string; usedAt: number | null }
export interface ChallengeRow {
  id: string; userId: string; orgId: string; sessionId: string; factorId: string; purpose: string; codeHash: string | null;
  attempts: number; maxAttempts: number; sends: number; createdAt: number; expiresAt: number; completedAt: number | null;
}
export interface DeviceRow {
  id: string; tokenHash: string; userId: string; orgId: string; deviceName: string; createdAt: number; expiresAt: number;
  lastUsedAt: number | null; revokedAt: number | null;
}
export interface CounterRow { key: string; windowStart: number; count: number }
export interface AuditRow { id: string; orgId: string | null; userId: string | null; type: string; at: number; ip: string | null; data: string }
export interface OutboxRow {
  id: string; orgId: string; userId: string | null; channel: string; destination: string; subject: string | null; body: string; createdAt: number;
}
export interface ProtectedRequestRow { id: string; orgId: string; userId: string; operation: string; payload: string; createdAt: number }
export interface SettingRow { key: string; value: string }

export interface Database {
  organizations: OrganizationRow;
  users: UserRow;
  devKeys: DevKeyRow;
  sessions: SessionRow;
  factors: FactorRow;
  backupCodes: BackupCodeRow;
  challenges: ChallengeRow;
  rememberedDevices: DeviceRow;
  counters: CounterRow;
  auditEvents: AuditRow;
  outbox: OutboxRow;
  protectedRequests: ProtectedRequestRow;
  settings: SettingRow;
}

export interface ConnectionRow {
  id: string; orgId: string; userId: string; institutionCode: string; loginDigest: string; credentialsEnc: string; state: string;
  round: number; statusMessage: string | null; holdReason: string | null; holdUrl: string | null; credentialFailures: number;
  isAuthenticated: number; activeJobId: string | null; aggregatedAt: number | null; successfullyAggregatedAt: number | null;
  eventSeq: number; createdAt: number; updatedAt: number;
}
export interface JobRow {
  id: string; connectionId: string; kind: string; interactive: number; status: string; phase: string; fromState: string; ordinal: number; connectorStateEnc: string | null;
  attempts: number; runAt: number; leaseUntil: number | null; createdAt: number; startedAt: number | null; finishedAt: number | null; error: string | null;
}
export interface InstitutionChallengeRow {
  id: string; connectionId: string; jobId: string; round: number; position: number; key: string; type: string; label: string; options: string;
  image: string | null; medium: string | null; status: string; answerEnc: string | null; expiresAt: number; createdAt: number;
}
export interface ResumeRow { connectionId: string; idempotencyKey: string; result: string; createdAt: number }
export interface AnswerTokenRow { tokenHash: string; connectionId: string; expiresAt: number; usedAt: number | null; createdAt: number }
export interface EventRow { id: string; connectionId: string; orgId: string; seq: number; type: string; data: string; at: number }
export interface AccountRow {
  id: string; connectionId: string; externalId: string; name: string; type: string; mask: string; balance: number; currency: string; updatedAt: number;
}
export interface DocumentRow { id: string; connectionId: string; externalId: string; kind: string; name: string; year: number; createdAt: number }
export interface WebhookEndpointRow { id: string; orgId: string; url: string; secretEnc: string; createdAt: number; disabledAt: number | null }
export interface WebhookDeliveryRow {
  id: string; endpointId: string; eventId: string; connectionId: string; seq: number; status: string; attempts: number; nextAttemptAt: number;
  leaseUntil: number | null; lastError: string | null; deliveredAt: number | null; createdAt: number;
}

export interface ConnectionDatabase {
  connections: ConnectionRow;
  connectionJobs: JobRow;
  institutionChallenges: InstitutionChallengeRow;
  resumeRequests: ResumeRow;
  answerTokens: AnswerTokenRow;
  connectionEvents: EventRow;
  accounts: AccountRow;
  documents: DocumentRow;
  webhookEndpoints: WebhookEndpointRow;
  webhookDeliveries: WebhookDeliveryRow;
}
