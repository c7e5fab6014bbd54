import type { ChallengeSpec, StepOutcome, ConnectorState } from '../../ports/institution.ts';
import type { ConnectionStore } from '../../ports/connection-store.ts';
import type { ConnectionDeps } from './deps.ts';
import type { Account, Connection, ConnectionEvent, ConnectionJob, InstitutionChallenge, InstitutionDocument } from './model.ts';
import { canTransition, STATE_GROUP, type ConnectionState } from './connection-state.ts';
import { newId } from '../ids.ts';
import { MINUTE_MS } from '../limits.ts';
import { recordTransition } from './events.ts';
import { sealJson } from './sealed.ts';
import { transact } from './connections.ts';

export interface Fetched {
  accounts: Account[];
  documents: InstitutionDocument[];
}

function challengeRecords(deps: ConnectionDeps, c: Connection, job: ConnectionJob, round: number, specs: ChallengeSpec[]): InstitutionChallenge[] {
  const now = deps.clock.now();
  const ttl = deps.limits.institutionChallengeMinutes * MINUTE_MS;
  return specs.map((s, position) => ({
    id: newId(deps.random, 'chg_', 28), connectionId: c.id, jobId: job.id, round, position, key: s.key, type: s.type, label: s.label,
    options: (s.options ?? []).map((o) => ({ ...o, id: newId(deps.random, 'opt_', 28) })),
    image: s.image ?? null, medium: s.medium ?? null, status: 'pending', answerEnc: null,
    expiresAt: now + Math.min(ttl, (s.expiresInSeconds ?? Infinity) * 1000), createdAt: now,
  }));
}

/** Polls a prompt again soon: phones take seconds to minutes to approve. */
const FIRST_POLL_MS = 2_000;

/**
 * Applies what the institution answered, in one transaction: the connection's
 * transition (guarded on the state the step started from, so a concurrent change wins
 * cleanly), its event and webhook deliveries, challenges, data, and the job's next step.
 */
export async function applyOutcome(
  deps: ConnectionDeps, job: ConnectionJob, before: Connection, outcome: StepOutcome, state: ConnectorState, fetched: Fetched | null,
): Promise<void> {
  const now = deps.clock.now();
  const sealedState = sealJson(deps.secrets, state);
  await transact(deps, async (tx) => {
    const events: ConnectionEvent[] = [];
    const move = async (to: ConnectionState, patch: Partial<Connection>, extra: Record<string, unknown> = {}) => {
      if (!canTransition(before.state, to)) throw new Error(`Illegal connection transition ${before.state} → ${to}`);
      const after = await tx.connections.transition(before.id, [before.state], { ...patch, state: to, updatedAt: now });
      if (after) events.push(...(await recordTransition(tx, deps, after, before.state, { jobId: job.id, jobKind: job.kind, ...extra })));
      return after;
    };
    const finishJob = (status: 'succeeded' | 'failed', error: string | null = null) =>
      tx.jobs.update(job.id, { status, finishedAt: now, leaseUntil: null, error, connectorStateEnc: sealedState });
    const endJob = { activeJobId: null };

    switch (outcome.kind) {
      case 'authenticated': {
        const after = await move('CONNECTED', { ...endJob, isAuthenticated: true, credentialFailures: 0, successfullyAggregatedAt: now, statusMessage: null });
        // Data is kept only for a connection that is still there and still ours.
        if (after && fetched) {
          await tx.accounts.replaceAll(before.id, fetched.accounts);
          await tx.documents.upsertMany(fetched.documents);
        }
        await finishJob(after ? 'succeeded' : 'failed', after ? null : 'superseded');
        const repaired = STATE_GROUP[job.fromState] === 'needs_user' || job.fromState === 'INSTITUTION_DOWN';
        if (after && repaired) {
          // The problem cleared (Plaid's LOGIN_REPAIRED): its own event, so apps can drop their "fix your bank" banners.
          const bumped = await tx.connections.transition(before.id, ['CONNECTED'], {});
          if (bumped) events.push(...(await recordTransition(tx, deps, bumped, job.fromState, { jobId: job.id }, 'connection.repaired')));
        }
        break;
      }
      case 'challenge': {
        if (!job.interactive) {
          // A background refresh must not wait for a user who is not there.
          await move('INTERACTIVE_REQUIRED', { ...endJob, statusMessage: 'The institution asked for verification: the user must reconnect.' });
          await finishJob('failed', 'interactive_required');
          break;
        }
        const round = before.round + 1;
        await expirePending(tx, before.id, 'answered', before.round);
        const records = challengeRecords(deps, before, job, round, outcome.challenges);
        await tx.challenges.insertMany(records);
        const to = outcome.rejected ? 'REJECTED' : 'CHALLENGED';
        await move(to, { round, statusMessage: outcome.rejected ? 'The answer was not accepted. Try again.' : null }, { challengeCount: records.length });
        const promptOnly = records.every((r) => r.type === 'prompt');
        // attempts counts consecutive tries of one step (retries of an institution that is down), so a step that got an answer restarts it.
        await tx.jobs.update(job.id, promptOnly
          ? { status: 'queued', phase: 'poll', runAt: now + FIRST_POLL_MS, leaseUntil: null, connectorStateEnc: sealedState, attempts: 0 }
          : { status: 'waiting', leaseUntil: null, connectorStateEnc: sealedState, attempts: 0 });
        break;
      }
      case 'awaiting_approval':
        await tx.jobs.update(job.id, { status: 'queued', phase: 'poll', runAt: now + outcome.pollAfterMs, leaseUntil: null, connectorStateEnc: sealedState, attempts: 0 });
        break;
      case 'approval_refused':
        await expirePending(tx, before.id, 'answered');
        await move('REJECTED', { ...endJob, statusMessage: 'The request was refused in the institution\'s app.' });
        await finishJob('failed', 'approval_refused');
        break;
      case 'bad_credentials': {
        const failures = before.credentialFailures + 1;
        const prevented = failures >= deps.limits.institutionCredentialFailures;
        await move(prevented ? 'PREVENTED' : 'DENIED', {
          ...endJob, credentialFailures: failures, isAuthenticated: false,
          statusMessage: prevented
            ? `Stopped after ${failures} refused logins to protect the account at the institution. Enter new credentials.`
            : outcome.message ?? 'The institution refused the credentials. Enter them again.',
        });
        await finishJob('failed', 'bad_credentials');
        break;
      }
      case 'locked':
        await move('LOCKED', { ...endJob, statusMessage: outcome.message ?? 'The institution has locked this login. Contact the institution.' });
        await finishJob('failed', 'locked');
        break;
      case 'hold':
        await move('HOLD', { ...endJob, holdReason: outcome.reason, holdUrl: outcome.url ?? null, statusMessage: outcome.message });
        await finishJob('failed', 'hold');
        break;
      case 'unavailable': {
        if (job.attempts <= deps.limits.institutionRetries) {
          const delay = deps.limits.institutionRetryBaseSeconds * 1000 * 2 ** (job.attempts - 1);
          await tx.jobs.update(job.id, { status: 'queued', runAt: now + delay, leaseUntil: null, error: outcome.message ?? 'unavailable', connectorStateEnc: sealedState });
          break;
        }
        await move('INSTITUTION_DOWN', { ...endJob, statusMessage: outcome.message ?? 'The institution is not answering. Try again later.' });
        await finishJob('failed', 'institution_down');
        break;
      }
    }
    return { result: undefined, events };
  });
}

async function expirePending(tx: ConnectionStore, connectionId: string, status: 'expired' | 'answered', round?: number): Promise<void> {
  for (const c of await tx.challenges.listByConnection(connectionId, round)) if (c.status === 'pending') await tx.challenges.update(c.id, { status });
}

/**
 * Ends connections whose challenge was not answered in time (EXPIRED), with their job.
 * Returns how many it expired.
 */
export async function expireChallenges(deps: ConnectionDeps, limit = 100): Promise<number> {
  const due = await deps.connections.challenges.dueForExpiry(deps.clock.now(), limit);
  let expired = 0;
  for (const connectionId of new Set(due.map((c) => c.connectionId))) {
    const round = due.find((c) => c.connectionId === connectionId)!.round;
    expired += await transact(deps, async (tx) => {
      const before = await tx.connections.get(connectionId);
      const now = deps.clock.now();
      // Only that round's challenges expire, and only if the connection still waits on that round.
      await expirePending(tx, connectionId, 'expired', round);
      if (!before) return { result: 0, events: [] };
      const after = await tx.connections.transition(connectionId, ['CHALLENGED', 'REJECTED'], {
        state: 'EXPIRED', activeJobId: null, updatedAt: now, statusMessage: 'The verification was not completed in time.',
      }, round);
      if (!after) return { result: 0, events: [] };
      if (before.activeJobId) await tx.jobs.update(before.activeJobId, { status: 'failed', finishedAt: now, leaseUntil: null, error: 'expired' });
      return { result: 1, events: await recordTransition(tx, deps, after, before.state, { jobId: before.activeJobId }) };
    });
  }
  return expired;
}
