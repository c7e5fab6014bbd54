import type { InstitutionConnector, StepInput, StepResult } from '../../ports/institution.ts';
import type { ConnectionDeps } from './deps.ts';
import type { Connection, ConnectionJob } from './model.ts';
import { newId } from '../ids.ts';
import { HOUR_MS } from '../limits.ts';
import { applyOutcome, type Fetched } from './outcomes.ts';
import { openCredentials, startJob, transact } from './connections.ts';
import { recordTransition } from './events.ts';
import { openJson, openText } from './sealed.ts';
import { LatchkeyError } from '../errors.ts';


/** The answers of the round the job is resuming, by the connector's own keys. */
async function answersOf(deps: ConnectionDeps, c: Connection): Promise<{ key: string; value: string }[]> {
  const round = await deps.connections.challenges.listByConnection(c.id, c.round);
  return round.filter((x) => x.status === 'answered' && x.answerEnc !== null)
    .map((x) => ({ key: x.key, value: openText(deps.secrets, x.answerEnc!) }));
}

async function step(deps: ConnectionDeps, connector: InstitutionConnector, job: ConnectionJob, c: Connection, input: StepInput): Promise<StepResult> {
  switch (job.phase) {
    case 'login': return connector.login(input);
    case 'answer': return connector.answer({ ...input, answers: await answersOf(deps, c) });
    case 'poll': return connector.poll(input);
  }
}

async function fetchData(deps: ConnectionDeps, connector: InstitutionConnector, job: ConnectionJob, input: StepInput): Promise<Fetched> {
  const now = deps.clock.now();
  const accounts = (await connector.fetchAccounts(input)).map((a) => ({
    id: newId(deps.random, 'acc_', 24), connectionId: job.connectionId, externalId: a.externalId, name: a.name, type: a.type,
    mask: a.mask, balance: a.balance, currency: a.currency, updatedAt: now,
  }));
  const documents = job.kind === 'tax_documents'
    ? (await connector.fetchDocuments(input)).map((d) => ({
      id: newId(deps.random, 'doc_', 24), connectionId: job.connectionId, externalId: d.externalId, kind: d.kind, name: d.name, year: d.year, createdAt: now,
    }))
    : [];
  return { accounts, documents };
}

/**
 * Runs one step of `job` against its institution and applies the outcome. A step
 * is at-least-once: if the process dies before the outcome is written, the job's
 * lease runs out and another worker runs the same step again from the saved state.
 */
export async function executeJob(deps: ConnectionDeps, job: ConnectionJob): Promise<void> {
  const c = await deps.connections.connections.get(job.connectionId);
  if (!c || c.activeJobId !== job.id) {
    await deps.connections.jobs.update(job.id, { status: 'failed', finishedAt: deps.clock.now(), leaseUntil: null, error: 'superseded' });
    return;
  }
  const connector = deps.institutions.get(c.institutionCode);
  const state = job.connectorStateEnc ? openJson<Record<string, unknown>>(deps.secrets, job.connectorStateEnc) : {};
  const input: StepInput = { credentials: openCredentials(deps, c.credentialsEnc), state };
  let result: StepResult;
  let fetched: Fetched | null = null;
  try {
    if (!connector) throw new Error(`institution ${c.institutionCode} is not installed`);
    result = await step(deps, connector, job, c, input);
    if (result.outcome.kind === 'authenticated') fetched = await fetchData(deps, connector, job, { ...input, state: result.state });
  } catch (err) {
    // A connector that throws is an institution that did not answer properly: retried, then INSTITUTION_DOWN.
    result = { outcome: { kind: 'unavailable', message: `${connector?.name ?? c.institutionCode} did not answer properly.` }, state };
    void err;
  }
  await applyOutcome(deps, job, c, result.outcome, result.state, fetched);
}

/** Leases one due job, or returns null when nothing is due. */
export async function claimNextJob(deps: ConnectionDeps): Promise<ConnectionJob | null> {
  const now = deps.clock.now();
  return deps.connections.jobs.claimDue(now, now + deps.limits.jobLeaseSeconds * 1000);
}

/**
 * Runs a claimed job. A job that breaks (not the institution: Latchkey itself, e.g. a
 * missing decryption key) is marked failed and its connection leaves PROCESSING, so
 * nothing waits forever on it.
 */
export async function runJob(deps: ConnectionDeps, job: ConnectionJob): Promise<void> {
  try {
    await executeJob(deps, job);
  } catch (err) {
    await abandon(deps, job);
    throw err;
  }
}

async function abandon(deps: ConnectionDeps, job: ConnectionJob): Promise<void> {
  const now = deps.clock.now();
  await transact(deps, async (tx) => {
    await tx.jobs.update(job.id, { status: 'failed', finishedAt: now, leaseUntil: null, error: 'internal_error' });
    const before = await tx.connections.get(job.connectionId);
    if (!before || before.activeJobId !== job.id) return { result: undefined, events: [] };
    const after = await tx.connections.transition(before.id, ['PROCESSING', 'RESUMED', 'CHALLENGED', 'REJECTED'], {
      state: 'INSTITUTION_DOWN', activeJobId: null, updatedAt: now, statusMessage: 'The connection could not be updated. Try again later.',
    });
    return { result: undefined, events: after ? await recordTransition(tx, deps, after, before.state, { jobId: job.id }) : [] };
  });
}

/** Claims one due job and runs it. Returns false when nothing was due. */
export async function runNextJob(deps: ConnectionDeps): Promise<boolean> {
  const job = await claimNextJob(deps);
  if (job) await runJob(deps, job);
  return job !== null;
}

/** Starts background refreshes (not interactive: MFA ends them in INTERACTIVE_REQUIRED) of connections that are due. */
export async function scheduleRefreshes(deps: ConnectionDeps, limit = 50): Promise<number> {
  const before = deps.clock.now() - deps.limits.refreshIntervalHours * HOUR_MS;
  let started = 0;
  for (const c of await deps.connections.connections.dueForRefresh(before, limit)) {
    started += await transact(deps, async (tx) => {
      try {
        const r = await startJob(deps, tx, c, 'refresh', false, ['CONNECTED']);
        return { result: 1, events: r.events };
      } catch (err) {
        // Someone started a job meanwhile: nothing to refresh.
        if (err instanceof LatchkeyError) return { result: 0, events: [] };
        throw err;
      }
    });
  }
  return started;
}
