import { setTimeout as sleep } from 'node:timers/promises';
import type {
  AccountData, ConnectorState, CredentialField, DocumentData, InstitutionConnector, StepInput, StepOutcome, StepResult,
} from '../../ports/institution.ts';
import type { AnswerRound, JudgeContext, PromptRound, Round, Script, Verdict } from './script.ts';
import { freshState, readState, toConnectorState, type ScriptState } from './state.ts';

/**
 * Builds a connector from a table of scripts: sandboxes and vendor test banks differ
 * only in which credentials select which script, so each connector is a table.
 */
export interface ScriptedInstitutionSpec {
  code: string;
  name: string;
  url: string;
  logoUrl?: string | null;
  credentialFields: readonly CredentialField[];
  /** The magic credentials, by script name; docs/institutions.md lists every one. */
  scripts: Readonly<Record<string, Script>>;
  /** Scripts named by a pattern (e.g. `mfa_questions_<n>_<m>`), for names not in `scripts`. */
  patternScript?: (name: string) => Script | undefined;
  /** What any other credentials get, by name (e.g. "connected", "unknown user"). */
  fallbacks?: Readonly<Record<string, Script>>;
  /** The script name these credentials select (from `scripts`, the pattern or `fallbacks`). */
  select(credentials: Readonly<Record<string, string>>): string;
  accounts: readonly AccountData[];
  documents: readonly DocumentData[];
}

export interface ScriptedInstitutionOptions {
  /** How long a `slow` script's login takes (default 1500 ms). */
  slowLoginMs?: number;
  /** What prompt polls ask the engine to wait (default 1000 ms). */
  pollAfterMs?: number;
}

type AnswerInput = Parameters<InstitutionConnector['answer']>[0];

export const DEFAULT_SLOW_LOGIN_MS = 1500;
export const DEFAULT_POLL_AFTER_MS = 1000;

/** A connector that also names its magic credentials, so a test can keep the docs honest. */
export interface ScriptedInstitution extends InstitutionConnector {
  readonly scriptNames: readonly string[];
}

export function scriptedInstitution(spec: ScriptedInstitutionSpec, options: ScriptedInstitutionOptions = {}): ScriptedInstitution {
  const slowLoginMs = options.slowLoginMs ?? DEFAULT_SLOW_LOGIN_MS;
  const pollAfterMs = options.pollAfterMs ?? DEFAULT_POLL_AFTER_MS;
  const { code } = spec;

  function scriptNamed(name: string): Script {
    const script = Object.hasOwn(spec.scripts, name) ? spec.scripts[name]
      : spec.fallbacks && Object.hasOwn(spec.fallbacks, name) ? spec.fallbacks[name]
        : spec.patternScript?.(name);
    if (!script) throw new Error(`${code}: no script named ${JSON.stringify(name)}`);
    return script;
  }

  // Outcomes are copied so the engine can never alter the script table.
  function result(outcome: StepOutcome, s: ScriptState): StepResult {
    return { outcome: structuredClone(outcome), state: toConnectorState(s) };
  }

  /** Shows the current round, or ends the login when no round is left. */
  function present(script: Script, s: ScriptState, rejected = false): StepResult {
    const round = script.rounds?.[s.round];
    if (!round) {
      const outcome = script.outcome ?? { kind: 'authenticated' };
      return result(outcome, { ...s, authenticated: outcome.kind === 'authenticated' });
    }
    const challenges = round.kind === 'prompt' ? [round.challenge] : round.challenges(s);
    return result({ kind: 'challenge', challenges, ...(rejected ? { rejected: true } : {}) }, s);
  }

  function nextRound(script: Script, s: ScriptState, picks: Record<string, string>): StepResult {
    return present(script, { ...s, round: s.round + 1, turn: s.turn + 1, attempts: 0, polls: 0, picks });
  }

  function current(state: ConnectorState, step: string): { s: ScriptState; script: Script; round: Round } {
    const s = readState(state, code);
    const script = scriptNamed(s.script);
    const round = script.rounds?.[s.round];
    if (s.authenticated || !round) throw new Error(`${code}: ${step} called with no MFA round pending`);
    return { s, script, round };
  }

  function pollRound(script: Script, s: ScriptState, round: PromptRound): StepResult {
    const polls = s.polls + 1;
    const waiting = round.decision === 'never' || polls <= round.pollsBeforeDecision;
    if (waiting) return result({ kind: 'awaiting_approval', pollAfterMs }, { ...s, polls });
    if (round.decision === 'refused') return result({ kind: 'approval_refused' }, { ...s, polls });
    return nextRound(script, s, s.picks);
  }

  function answerRound(
    script: Script, s: ScriptState, round: AnswerRound, answers: ReadonlyArray<{ key: string; value: string }>,
  ): StepResult {
    const given = new Map(answers.map((a) => [a.key, a.value]));
    const challenges = round.challenges(s);
    const ctx: JudgeContext = { picks: s.picks, turn: s.turn, attempts: s.attempts };
    // An unanswered challenge is a wrong answer, not misuse: users leave fields blank.
    const verdicts: Verdict[] = challenges.map((c) => {
      const value = given.get(c.key);
      return value === undefined ? 'fail' : round.judge(c, value, ctx);
    });
    const end = verdicts.find((v) => typeof v === 'object');
    if (end) return result(end.end, { ...s, attempts: s.attempts + 1 });
    if (verdicts.includes('fail')) {
      const wrong = s.wrong + 1;
      const after = { ...s, attempts: s.attempts + 1, wrong };
      if (script.lockAfterWrongAnswers !== undefined && wrong >= script.lockAfterWrongAnswers) {
        return result({ kind: 'locked', message: `${spec.name} locked this login after ${wrong} wrong answers.` }, after);
      }
      return present(script, after, true);
    }
    // Keep choices (which phone) for later rounds; never keep typed secrets in state.
    const picks = { ...s.picks };
    for (const c of challenges) if (c.options) picks[c.key] = given.get(c.key)!.trim();
    if (verdicts.includes('again')) {
      return present(script, { ...s, turn: s.turn + 1, attempts: 0, picks });
    }
    return nextRound(script, s, picks);
  }

  function requireAuthenticated(input: StepInput, what: string): Script {
    const s = readState(input.state, code);
    if (!s.authenticated) throw new Error(`${code}: ${what} before the login was authenticated`);
    return scriptNamed(s.script);
  }

  return Object.freeze({
    code,
    name: spec.name,
    url: spec.url,
    logoUrl: spec.logoUrl ?? null,
    credentialFields: Object.freeze(spec.credentialFields.map((f) => Object.freeze({ ...f }))),
    scriptNames: Object.freeze(Object.keys(spec.scripts)),

    async login(input: StepInput): Promise<StepResult> {
      const name = spec.select(input.credentials);
      const script = scriptNamed(name);
      if (script.slow) await sleep(slowLoginMs);
      return present(script, freshState(name));
    },

    async answer(input: AnswerInput): Promise<StepResult> {
      const { s, script, round } = current(input.state, 'answer');
      // A prompt takes no input: answering it is checking on it.
      if (round.kind === 'prompt') return pollRound(script, s, round);
      return answerRound(script, s, round, input.answers);
    },

    async poll(input: StepInput): Promise<StepResult> {
      const { s, script, round } = current(input.state, 'poll');
      if (round.kind !== 'prompt') throw new Error(`${code}: poll called while a challenge awaits answers`);
      return pollRound(script, s, round);
    },

    async fetchAccounts(input: StepInput): Promise<AccountData[]> {
      const script = requireAuthenticated(input, 'fetchAccounts');
      return structuredClone([...(script.accounts ?? spec.accounts)]);
    },

    async fetchDocuments(input: StepInput): Promise<DocumentData[]> {
      requireAuthenticated(input, 'fetchDocuments');
      return structuredClone([...spec.documents]);
    },
  });
}
