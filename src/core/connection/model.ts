import type { ChallengeOptionSpec, HoldReason, InstitutionChallengeType } from '../../ports/institution.ts';
import type { ConnectionState } from './connection-state.ts';

/** Records of the institution side. Times are epoch milliseconds from the injected Clock. */

export type JobKind = 'aggregate' | 'tax_documents' | 'refresh';
export type JobStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed';
/** What the job does when it next runs. */
export type JobPhase = 'login' | 'answer' | 'poll';

export interface Connection {
  id: string;
  orgId: string;
  userId: string;
  institutionCode: string;
  /** Digest of institution + user + login name: one connection per login. */
  loginDigest: string;
  credentialsEnc: string;
  state: ConnectionState;
  round: number;
  statusMessage: string | null;
  holdReason: HoldReason | null;
  holdUrl: string | null;
  credentialFailures: number;
  isAuthenticated: boolean;
  activeJobId: string | null;
  aggregatedAt: number | null;
  successfullyAggregatedAt: number | null;
  eventSeq: number;
  createdAt: number;
  updatedAt: number;
}

export interface ConnectionJob {
  id: string;
  connectionId: string;
  kind: JobKind;
  /** A user is present to answer MFA; a scheduled refresh is not. */
  interactive: boolean;
  status: JobStatus;
  phase: JobPhase;
  /** The connection's state when the job was started: a job that ends CONNECTED from a problem state repairs it. */
  fromState: ConnectionState;
  /** The connection's event sequence number when the job started: orders a connection's jobs. */
  ordinal: number;
  connectorStateEnc: string | null;
  /** Claims of the current step in a row: a crash or an institution that is down adds one; an answer restarts it. */
  attempts: number;
  runAt: number;
  leaseUntil: number | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  error: string | null;
}

export interface ChallengeOption extends ChallengeOptionSpec {
  id: string;
}

export interface InstitutionChallenge {
  id: string;
  connectionId: string;
  jobId: string;
  round: number;
  /** The institution's order within the round. */
  position: number;
  key: string;
  type: InstitutionChallengeType;
  label: string;
  options: ChallengeOption[];
  image: string | null;
  medium: { type: string; label: string } | null;
  status: 'pending' | 'answered' | 'expired';
  answerEnc: string | null;
  expiresAt: number;
  createdAt: number;
}

export interface ConnectionEvent {
  id: string;
  connectionId: string;
  orgId: string;
  seq: number;
  type: string;
  data: Record<string, unknown>;
  at: number;
}

export interface Account {
  id: string;
  connectionId: string;
  externalId: string;
  name: string;
  type: string;
  mask: string;
  balance: number;
  currency: string;
  updatedAt: number;
}

export interface InstitutionDocument {
  id: string;
  connectionId: string;
  externalId: string;
  kind: string;
  name: string;
  year: number;
  createdAt: number;
}

export interface WebhookEndpoint {
  id: string;
  orgId: string;
  url: string;
  secretEnc: string;
  createdAt: number;
  disabledAt: number | null;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  connectionId: string;
  seq: number;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  lastError: string | null;
  deliveredAt: number | null;
  createdAt: number;
}
