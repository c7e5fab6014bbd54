import type { ConnectionState } from '../../core/connection/connection-state.ts';
import type { InstitutionChallengeType } from '../../ports/institution.ts';

/**
 * MX's member `connection_status` names with the integer ids of MX's own Connect
 * widget (mxenabled/connect-widget src/const/Statuses.js).
 */
export const MX_CONNECTION_STATUS_IDS = {
  CREATED: 0, PREVENTED: 1, DENIED: 2, CHALLENGED: 3, REJECTED: 4, LOCKED: 5, CONNECTED: 6, IMPEDED: 7,
  RECONNECTED: 8, DEGRADED: 9, DISCONNECTED: 10, DISCONTINUED: 11, CLOSED: 12, DELAYED: 13, FAILED: 14,
  UPDATED: 15, DISABLED: 16, IMPORTED: 17, RESUMED: 18, EXPIRED: 19, IMPAIRED: 20, PENDING: 21,
} as const;

export type MxConnectionStatus = keyof typeof MX_CONNECTION_STATUS_IDS;

/** Latchkey's settled states in MX's names (PROCESSING depends on where its job started). */
const BY_STATE: Readonly<Record<Exclude<ConnectionState, 'PROCESSING'>, MxConnectionStatus>> = {
  CREATED: 'CREATED',
  CHALLENGED: 'CHALLENGED',
  RESUMED: 'RESUMED',
  CONNECTED: 'CONNECTED',
  REJECTED: 'REJECTED',
  EXPIRED: 'EXPIRED',
  DENIED: 'DENIED',
  PREVENTED: 'PREVENTED',
  LOCKED: 'LOCKED',
  // The user must act at the institution's site (MX's IMPEDED), then aggregate again.
  HOLD: 'IMPEDED',
  // MX Bank's BAD_REQUEST password ends in FAILED at MX; retries are exhausted here.
  INSTITUTION_DOWN: 'FAILED',
  // MX: MFA met by a background aggregation ends unanswered (EXPIRED); aggregate again with the user present.
  INTERACTIVE_REQUIRED: 'EXPIRED',
};

/**
 * A job at work shows where it started, as MX does: a new member stays CREATED, a
 * connected one stays CONNECTED (with is_being_aggregated), any other was UPDATED.
 */
function working(jobFrom: ConnectionState | null): MxConnectionStatus {
  if (jobFrom === 'CREATED') return 'CREATED';
  if (jobFrom === 'CONNECTED') return 'CONNECTED';
  return 'UPDATED';
}

/**
 * `promptOnly`: the institution waits for approval in its app. MX has no such
 * challenge, so the member looks like an aggregation at work (nothing to answer).
 */
export function mxStatusOf(state: ConnectionState, jobFrom: ConnectionState | null, promptOnly: boolean): MxConnectionStatus {
  if (state === 'PROCESSING' || (state === 'CHALLENGED' && promptOnly)) return working(jobFrom);
  return BY_STATE[state];
}

/** MX's challenge types (ChallengeResponse.type); a prompt is not one of them. */
export const MX_CHALLENGE_TYPES: Readonly<Record<Exclude<InstitutionChallengeType, 'prompt'>, string>> = {
  question: 'TEXT',
  options: 'OPTIONS',
  code_sent: 'TOKEN',
  code_generated: 'TOKEN',
  image_data: 'IMAGE_DATA',
  image_options: 'IMAGE_OPTIONS',
};

export const isAnswerable = (type: InstitutionChallengeType): type is Exclude<InstitutionChallengeType, 'prompt'> => type !== 'prompt';
