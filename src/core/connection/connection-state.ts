/**
 * The one state machine every institution connection follows (diagram in
 * connection-state.mmd beside this file). Names follow MX where MX has one.
 */
export const CONNECTION_STATES = [
  'CREATED', 'PROCESSING', 'CHALLENGED', 'RESUMED', 'CONNECTED', 'REJECTED', 'EXPIRED',
  'DENIED', 'PREVENTED', 'LOCKED', 'HOLD', 'INSTITUTION_DOWN', 'INTERACTIVE_REQUIRED',
] as const;

export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** processing: a job is working; needs_user: nothing moves until the user acts; finished: settled. */
export type StateGroup = 'processing' | 'needs_user' | 'finished';

export const STATE_GROUP: Readonly<Record<ConnectionState, StateGroup>> = Object.freeze({
  CREATED: 'processing',
  PROCESSING: 'processing',
  RESUMED: 'processing',
  CHALLENGED: 'needs_user',
  REJECTED: 'needs_user',
  EXPIRED: 'needs_user',
  DENIED: 'needs_user',
  PREVENTED: 'needs_user',
  LOCKED: 'needs_user',
  HOLD: 'needs_user',
  INTERACTIVE_REQUIRED: 'needs_user',
  CONNECTED: 'finished',
  INSTITUTION_DOWN: 'finished',
});

/** What the user must do next in each state that needs them (shown to end users). */
export const NEXT_ACTION: Readonly<Partial<Record<ConnectionState, string>>> = Object.freeze({
  CHALLENGED: 'answer_challenges',
  REJECTED: 'answer_challenges',
  EXPIRED: 'refresh',
  DENIED: 'reauthenticate',
  PREVENTED: 'reauthenticate',
  LOCKED: 'contact_institution',
  HOLD: 'fix_hold',
  INTERACTIVE_REQUIRED: 'refresh',
  INSTITUTION_DOWN: 'refresh',
});

/** Allowed transitions; anything else is a bug and throws. */
const TRANSITIONS: Readonly<Record<ConnectionState, readonly ConnectionState[]>> = {
  CREATED: ['PROCESSING'],
  PROCESSING: ['CHALLENGED', 'CONNECTED', 'DENIED', 'PREVENTED', 'LOCKED', 'HOLD', 'INSTITUTION_DOWN', 'INTERACTIVE_REQUIRED', 'PROCESSING'],
  // A prompt is approved (or refused) in the institution's app while the connection shows CHALLENGED.
  CHALLENGED: ['RESUMED', 'EXPIRED', 'PROCESSING', 'CONNECTED', 'REJECTED', 'DENIED', 'PREVENTED', 'LOCKED', 'HOLD', 'INSTITUTION_DOWN', 'CHALLENGED'],
  RESUMED: ['CHALLENGED', 'REJECTED', 'CONNECTED', 'DENIED', 'PREVENTED', 'LOCKED', 'HOLD', 'INSTITUTION_DOWN', 'EXPIRED', 'PROCESSING'],
  REJECTED: ['RESUMED', 'PROCESSING', 'EXPIRED', 'CONNECTED', 'DENIED', 'PREVENTED', 'LOCKED', 'HOLD', 'INSTITUTION_DOWN', 'REJECTED'],
  EXPIRED: ['PROCESSING'],
  DENIED: ['PROCESSING'],
  PREVENTED: ['PROCESSING'],
  LOCKED: ['PROCESSING'],
  HOLD: ['PROCESSING'],
  INSTITUTION_DOWN: ['PROCESSING'],
  INTERACTIVE_REQUIRED: ['PROCESSING'],
  CONNECTED: ['PROCESSING'],
};

export function canTransition(from: ConnectionState, to: ConnectionState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A job is at work or waits on the user's answers: no other job may start. */
export function isBusy(state: ConnectionState): boolean {
  return STATE_GROUP[state] === 'processing' || state === 'CHALLENGED' || state === 'REJECTED';
}

/** MX's meaning: a job is running (RESUMED and CHALLENGED included: the job waits, it has not ended). */
export function isBeingAggregated(state: ConnectionState): boolean {
  return state === 'CREATED' || state === 'PROCESSING' || state === 'RESUMED' || state === 'CHALLENGED' || state === 'REJECTED';
}
