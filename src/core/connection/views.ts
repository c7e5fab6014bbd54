import type { Connection, InstitutionChallenge } from './model.ts';
import { isBeingAggregated, NEXT_ACTION, STATE_GROUP, type ConnectionState, type StateGroup } from './connection-state.ts';

export interface StateView {
  connectionId: string;
  userId: string;
  institutionCode: string;
  state: ConnectionState;
  group: StateGroup;
  nextAction: string | null;
  round: number;
  isBeingAggregated: boolean;
  /** MX's meaning: the credentials were accepted by the institution (RESUMED is not yet authenticated). */
  isAuthenticated: boolean;
  statusMessage: string | null;
  hold: { reason: string; message: string | null; url: string | null } | null;
}

/** The state part of a connection, as events and the API show it. */
export function describeState(c: Connection): StateView {
  return {
    connectionId: c.id,
    userId: c.userId,
    institutionCode: c.institutionCode,
    state: c.state,
    group: STATE_GROUP[c.state],
    // A refused prompt leaves REJECTED with nothing to answer: only a new job helps.
    nextAction: c.state === 'REJECTED' && c.activeJobId === null ? 'refresh' : NEXT_ACTION[c.state] ?? null,
    round: c.round,
    isBeingAggregated: isBeingAggregated(c.state) && c.activeJobId !== null,
    isAuthenticated: c.isAuthenticated,
    statusMessage: c.statusMessage,
    hold: c.holdReason ? { reason: c.holdReason, message: c.statusMessage, url: c.holdUrl } : null,
  };
}

export interface ChallengeView {
  challengeId: string;
  round: number;
  type: InstitutionChallenge['type'];
  label: string;
  options: { optionId: string; label: string; value: string; image: string | null }[];
  image: string | null;
  medium: { type: string; label: string } | null;
  expiresAt: number;
  /** A prompt needs no answer: approve it in the institution's app. */
  needsAnswer: boolean;
}

export function viewChallenge(c: InstitutionChallenge): ChallengeView {
  return {
    challengeId: c.id,
    round: c.round,
    type: c.type,
    label: c.label,
    options: c.options.map((o) => ({ optionId: o.id, label: o.label, value: o.value, image: o.image ?? null })),
    image: c.image,
    medium: c.medium,
    expiresAt: c.expiresAt,
    needsAnswer: c.type !== 'prompt',
  };
}

export interface ConnectionView extends StateView {
  institution: { code: string; name: string };
  challenges: ChallengeView[];
  aggregatedAt: number | null;
  successfullyAggregatedAt: number | null;
  createdAt: number;
  updatedAt: number;
}
