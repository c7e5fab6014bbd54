import type { ConnectorState } from '../../ports/institution.ts';

/**
 * Where a scripted login stands. The engine persists it between steps (as JSON), so
 * it holds only plain values; connectors keep nothing in memory.
 */
export interface ScriptState {
  /** Name of the script the credentials selected at login. */
  script: string;
  /** Index of the current round. */
  round: number;
  /** Rounds accepted so far (follow-ups included). */
  turn: number;
  /** Answer calls made in the current round. */
  attempts: number;
  /** Wrong answers over the whole login. */
  wrong: number;
  /** Polls made on the current prompt round. */
  polls: number;
  /** Options chosen in earlier rounds, by challenge key (typed answers are not kept). */
  picks: Record<string, string>;
  authenticated: boolean;
}

export function freshState(script: string): ScriptState {
  return { script, round: 0, turn: 0, attempts: 0, wrong: 0, polls: 0, picks: {}, authenticated: false };
}

const COUNTERS = ['round', 'turn', 'attempts', 'wrong', 'polls'] as const;

/** The engine hands state back to the connector that made it; anything else is a bug. */
export function readState(state: ConnectorState, code: string): ScriptState {
  const s = state as Partial<ScriptState>;
  const ok = typeof s.script === 'string'
    && COUNTERS.every((k) => Number.isInteger(s[k]) && (s[k] as number) >= 0)
    && typeof s.authenticated === 'boolean'
    && typeof s.picks === 'object' && s.picks !== null
    && Object.values(s.picks).every((v) => typeof v === 'string');
  if (!ok) throw new Error(`${code}: connector state was not made by this connector's login`);
  return s as ScriptState;
}

/** A copy, so the caller's (possibly frozen) state is never mutated. */
export function toConnectorState(s: ScriptState): ConnectorState {
  return { ...s, picks: { ...s.picks } };
}
