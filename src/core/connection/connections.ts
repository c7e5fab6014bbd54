import type { Organization, User } from '../model.ts';
import type { RequestMeta } from '../deps.ts';
import type { ConnectionStore } from '../../ports/connection-store.ts';
import type { InstitutionConnector } from '../../ports/institution.ts';
import type { ConnectionDeps } from './deps.ts';
import type { Connection, ConnectionEvent, ConnectionJob, JobKind } from './model.ts';
import type { ConnectionState } from './connection-state.ts';
import { CONNECTION_STATES, isBusy } from './connection-state.ts';
import { fail } from '../errors.ts';
import { newId } from '../ids.ts';
import { recordTransition } from './events.ts';
import { openJson, sealJson } from './sealed.ts';
import { describeState, viewChallenge, type ConnectionView } from './views.ts';

export function connectorOf(deps: ConnectionDeps, code: string): InstitutionConnector {
  const connector = deps.institutions.get(code);
  if (!connector) fail('LK_ERR_NOT_FOUND', { field: 'institutionCode', detail: `No institution "${code}".` });
  return connector;
}

/** Checks the credentials against the institution's declared fields: every field, nothing else, all strings. */
export function checkCredentials(connector: InstitutionConnector, credentials: Record<string, unknown>): Record<string, string> {
  const names = new Set(connector.credentialFields.map((f) => f.name));
  for (const key of Object.keys(credentials)) {
    if (!names.has(key)) fail('LK_ERR_VALIDATION', { field: `credentials.${key}`, detail: `${connector.name} has no credential field "${key}".` });
  }
  for (const f of connector.credentialFields) {
    const v = credentials[f.name];
    if (typeof v !== 'string' || v.length === 0) fail('LK_ERR_VALIDATION', { field: `credentials.${f.name}`, detail: `${f.label} is required.` });
    if (v.length > 500) fail('LK_ERR_VALIDATION', { field: `credentials.${f.name}`, detail: `${f.label} is too long.` });
  }
  return credentials as Record<string, string>;
}

export function sealCredentials(deps: ConnectionDeps, credentials: Record<string, string>): string {
  return sealJson(deps.secrets, credentials);
}

export function openCredentials(deps: ConnectionDeps, sealed: string): Record<string, string> {
  return openJson<Record<string, string>>(deps.secrets, sealed);
}

/** States from which a new job may start: everything but a job already at work or waiting on the user's answers. */
const STARTABLE = CONNECTION_STATES.filter((s) => !isBusy(s));

/** A REJECTED connection whose job ended (a prompt refused in the app) waits for nothing: a new job may start. */
function startableFrom(c: Connection): readonly ConnectionState[] {
  return c.state === 'REJECTED' && c.activeJobId === null ? [...STARTABLE, 'REJECTED'] : STARTABLE;
}

/**
 * Starts a job: the connection goes to PROCESSING and the job is queued, in one
 * transaction. Refused with LK_ERR_CONNECTION_BUSY while another job is at work.
 */
export async function startJob(
  deps: ConnectionDeps, tx: ConnectionStore, connection: Connection, kind: JobKind, interactive: boolean,
  from: readonly ConnectionState[] = startableFrom(connection), patch: Partial<Connection> = {},
): Promise<{ connection: Connection; events: ConnectionEvent[] }> {
  const now = deps.clock.now();
  const job: ConnectionJob = {
    id: newId(deps.random, 'job_', 24), connectionId: connection.id, kind, interactive, status: 'queued', phase: 'login',
    fromState: connection.state, ordinal: 0, connectorStateEnc: null, attempts: 0, runAt: now, leaseUntil: null,
    createdAt: now, startedAt: null, finishedAt: null, error: null,
  };
  const after = await tx.connections.transition(connection.id, from, {
    ...patch, state: 'PROCESSING', activeJobId: job.id, isAuthenticated: false, statusMessage: null, holdReason: null, holdUrl: null,
    aggregatedAt: now, updatedAt: now,
  });
  if (!after) {
    const current = await tx.connections.get(connection.id);
    if (current && isBusy(current.state)) fail('LK_ERR_CONNECTION_BUSY');
    fail('LK_ERR_CONNECTION_STATE', { detail: `A ${kind} job cannot start from ${current?.state ?? 'this state'}.` });
  }
  await tx.jobs.insert({ ...job, ordinal: after.eventSeq });
  const events = await recordTransition(tx, deps, after, connection.state, { jobId: job.id, jobKind: kind, interactive });
  return { connection: after, events };
}

export async function transact<T>(deps: ConnectionDeps, fn: (tx: ConnectionStore) => Promise<{ result: T; events: ConnectionEvent[] }>): Promise<T> {
  const { result, events } = await deps.connections.transaction(fn);
  for (const e of events) deps.publish(e);
  return result;
}

export interface NewConnection {
  institutionCode: string;
  credentials: Record<string, unknown>;
}

/**
 * Creates a connection and starts its first job. One connection per user,
 * institution and login: creating a duplicate returns the existing one untouched.
 */
export async function createConnection(
  deps: ConnectionDeps, org: Organization, user: User, input: NewConnection, _meta: RequestMeta,
): Promise<{ connection: Connection; created: boolean }> {
  const connector = connectorOf(deps, input.institutionCode);
  const credentials = checkCredentials(connector, input.credentials);
  const login = (credentials[connector.credentialFields[0]!.name] ?? '').trim().toLowerCase();
  const now = deps.clock.now();
  const draft: Connection = {
    id: newId(deps.random, 'con_', 24), orgId: org.id, userId: user.id, institutionCode: connector.code,
    loginDigest: deps.secrets.mac('connection-login', `${org.id}\n${user.id}\n${connector.code}\n${login}`),
    credentialsEnc: sealCredentials(deps, credentials), state: 'CREATED', round: 0, statusMessage: null, holdReason: null, holdUrl: null,
    credentialFailures: 0, isAuthenticated: false, activeJobId: null, aggregatedAt: null, successfullyAggregatedAt: null,
    eventSeq: 0, createdAt: now, updatedAt: now,
  };
  return transact<{ connection: Connection; created: boolean }>(deps, async (tx) => {
    const { connection, created } = await tx.connections.insertOrGet(draft);
    if (!created) return { result: { connection, created }, events: [] };
    const started = await startJob(deps, tx, connection, 'aggregate', true, ['CREATED']);
    return { result: { connection: started.connection, created }, events: started.events };
  });
}

/** A connection of this user; another user's or organization's looks exactly like a missing one. */
export async function getOwnConnection(deps: ConnectionDeps, orgId: string, userId: string, id: string): Promise<Connection> {
  const c = await deps.connections.connections.get(id);
  if (!c || c.orgId !== orgId || c.userId !== userId) fail('LK_ERR_NOT_FOUND', { field: 'connectionId' });
  return c;
}

/** The connection as the API shows it; `store` may be a transaction's. */
export async function viewConnection(deps: ConnectionDeps, c: Connection, store: ConnectionStore = deps.connections): Promise<ConnectionView> {
  const connector = deps.institutions.get(c.institutionCode);
  const waiting = c.state === 'CHALLENGED' || c.state === 'REJECTED';
  const challenges = waiting ? (await store.challenges.listByConnection(c.id, c.round)).filter((x) => x.status === 'pending') : [];
  return {
    ...describeState(c),
    institution: { code: c.institutionCode, name: connector?.name ?? c.institutionCode },
    challenges: challenges.map(viewChallenge),
    aggregatedAt: c.aggregatedAt, successfullyAggregatedAt: c.successfullyAggregatedAt, createdAt: c.createdAt, updatedAt: c.updatedAt,
  };
}

/**
 * New credentials after DENIED or PREVENTED (the Auth object's `authenticate`). The
 * count of refused logins carries on until one succeeds, so repeated bad attempts end
 * in PREVENTED and never lock the user out at the institution.
 */
export async function reauthenticate(deps: ConnectionDeps, c: Connection, credentialsIn: Record<string, unknown>): Promise<Connection> {
  const connector = connectorOf(deps, c.institutionCode);
  const credentials = checkCredentials(connector, credentialsIn);
  return transact(deps, async (tx) => {
    const r = await startJob(deps, tx, c, 'aggregate', true, startableFrom(c), { credentialsEnc: sealCredentials(deps, credentials) });
    return { result: r.connection, events: r.events };
  });
}

/** The user did what the institution asked (accepted terms, verified identity…): run the job again. */
export async function fixHold(deps: ConnectionDeps, c: Connection): Promise<Connection> {
  if (c.state !== 'HOLD') fail('LK_ERR_CONNECTION_STATE', { detail: 'The connection is not on hold.' });
  return transact(deps, async (tx) => {
    const r = await startJob(deps, tx, c, 'aggregate', true, ['HOLD']);
    return { result: r.connection, events: r.events };
  });
}

/** Starts a job the user asked for (interactive: MFA may be answered). */
export async function refresh(deps: ConnectionDeps, c: Connection, kind: JobKind): Promise<Connection> {
  if (c.state === 'PREVENTED' || c.state === 'DENIED') fail('LK_ERR_CONNECTION_STATE', { detail: 'The credentials were refused: reauthenticate with new ones.' });
  return transact(deps, async (tx) => {
    const r = await startJob(deps, tx, c, kind, true);
    return { result: r.connection, events: r.events };
  });
}

export async function deleteConnection(deps: ConnectionDeps, c: Connection): Promise<void> {
  await deps.connections.connections.delete(c.id);
}
