import type { Latchkey } from '../../registry.ts';
import type { RequestMeta } from '../../core/deps.ts';
import type { SessionContext } from '../../core/session/sessions.ts';
import type { Account, Connection } from '../../core/connection/model.ts';
import type { ChallengeView } from '../../core/connection/views.ts';
import type { InstitutionConnector } from '../../ports/institution.ts';
import { createConnection, getOwnConnection, reauthenticate, viewConnection } from '../../core/connection/connections.ts';
import { createAnswerToken, resumeWithToken, type Answer } from '../../core/connection/resume.ts';
import { STATE_GROUP } from '../../core/connection/connection-state.ts';
import { fail, LatchkeyError } from '../../core/errors.ts';
import { SynapseError } from './errors.ts';
import { settle } from './settle.ts';

/**
 * The bank-login flow both versions share: a bank login is an institution connection,
 * an access_token is the core's single-use answer token, and each call waits for the
 * job to finish its step, as Synapse answers only once the bank has.
 */

/** How long a call waits for the bank (Synapse recommends a 100 s client timeout). */
export const SETTLE_TIMEOUT_MS = 30_000;

/** Synapse's sandbox bank is `fake`; Latchkey's code for it is synapse_fake. */
const BANK_ALIASES: Readonly<Record<string, string>> = { fake: 'synapse_fake' };

/** ACH-US links checking and savings accounts only. */
const ACH_TYPES: ReadonlySet<string> = new Set(['checking', 'savings']);

export interface BankLogin {
  bankName: string;
  bankId: string;
  bankPassword: string;
}

export type LoginOutcome =
  | { kind: 'linked'; connection: Connection; accounts: Account[] }
  /** `rejected`: the last answer was wrong and the bank asks again. */
  | { kind: 'mfa'; connection: Connection; accessToken: string; challenges: ChallengeView[]; rejected: boolean };

/** An institution by bank code (`fake` included), Latchkey code or name. */
function connectorFor(lk: Latchkey, bankName: string): InstitutionConnector {
  const name = bankName.trim().toLowerCase();
  const registry = lk.connectionDeps.institutions;
  const found = registry.get(BANK_ALIASES[name] ?? name) ?? [...registry.values()].find((c) => c.name.toLowerCase() === name);
  if (!found || found.credentialFields.length !== 2) fail('LK_ERR_VALIDATION', { field: 'bank_name', detail: `The institution "${bankName}" is not supported.` });
  return found;
}

/** bank_id and bank_pw are the institution's two credential fields, in order. */
function credentialsFor(connector: InstitutionConnector, login: BankLogin): Record<string, string> {
  const [id, pw] = connector.credentialFields;
  return { [id!.name]: login.bankId, [pw!.name]: login.bankPassword };
}

/** A job is at work, or waits for the user's answers. */
const inProgress = (c: Connection) =>
  STATE_GROUP[c.state] === 'processing' || ((c.state === 'CHALLENGED' || c.state === 'REJECTED') && c.activeJobId !== null);

/** The access_token: the connection's ID and the core's answer token, so the token alone finds its connection. */
const accessTokenOf = (connectionId: string, token: string) => `${connectionId}.${token}`;

function parseAccessToken(accessToken: string): { connectionId: string; token: string } {
  const at = accessToken.indexOf('.');
  if (at <= 0) fail('LK_ERR_ANSWER_TOKEN_INVALID');
  return { connectionId: accessToken.slice(0, at), token: accessToken.slice(at + 1) };
}

/** How each settled state that is neither linked nor asking is told to the client. */
function failureOf(c: Connection): SynapseError {
  const message = (fallback: string) => c.statusMessage ?? fallback;
  switch (c.state) {
    case 'LOCKED':
      return new SynapseError(402, '500', message('The account is locked at the bank.'));
    case 'HOLD':
      return new SynapseError(402, '500', `${message('The bank needs the user\'s attention.')}${c.holdUrl ? ` ${c.holdUrl}` : ''}`);
    case 'INSTITUTION_DOWN':
      return new SynapseError(503, '503', message('Service unavailable due to bank maintenance.'));
    case 'REJECTED':
      return new SynapseError(400, '400', message('The request was refused in the bank\'s app.'));
    case 'CREATED': case 'PROCESSING': case 'RESUMED':
      return new SynapseError(504, '504', 'The bank is taking longer than usual. Submit the bank login again to get its answer.');
    default:
      return new SynapseError(400, '200', message('The bank did not accept these credentials.'));
  }
}

async function outcomeOf(lk: Latchkey, c: Connection | null): Promise<LoginOutcome> {
  if (!c) fail('LK_ERR_NOT_FOUND', { detail: 'This bank login was deleted.' });
  const d = lk.connectionDeps;
  if (c.state === 'CONNECTED') {
    const accounts = (await d.connections.accounts.listByConnection(c.id)).filter((a) => ACH_TYPES.has(a.type));
    if (accounts.length === 0) throw new SynapseError(402, '460', 'No ACH capable account found.');
    return { kind: 'linked', connection: c, accounts };
  }
  if (c.state === 'CHALLENGED' || c.state === 'REJECTED') {
    if (c.activeJobId !== null) {
      const { challenges } = await viewConnection(d, c);
      const { token } = await createAnswerToken(d, c);
      return { kind: 'mfa', connection: c, accessToken: accessTokenOf(c.id, token), challenges, rejected: c.state === 'REJECTED' };
    }
  }
  throw failureOf(c);
}

/**
 * Step 1: the bank login. A login already linked (or refused) logs in again with these
 * credentials; one still at work or asking is answered with its current state.
 */
export async function startBankLogin(lk: Latchkey, ctx: SessionContext, login: BankLogin, meta: RequestMeta, timeoutMs = SETTLE_TIMEOUT_MS): Promise<LoginOutcome> {
  const d = lk.connectionDeps;
  const connector = connectorFor(lk, login.bankName);
  const credentials = credentialsFor(connector, login);
  const { connection, created } = await createConnection(d, ctx.org, ctx.user, { institutionCode: connector.code, credentials }, meta);
  const started = created || inProgress(connection) ? connection : await reauthenticate(d, connection, credentials);
  return outcomeOf(lk, await settle(lk, started.id, timeoutMs));
}

/** An option is answered by its label, value or ID; the core takes its value. */
function answerOf(challenge: ChallengeView, value: string): string {
  const wanted = value.trim().toLowerCase();
  const option = challenge.options.find((o) => o.optionId === value || o.value === value || o.label.toLowerCase() === wanted);
  return option ? option.value : value;
}

/** The answers in the order of the round's questions; the core checks that they match. */
function answersFor(challenges: ChallengeView[], values: string[]): Answer[] {
  const open = challenges.filter((c) => c.needsAnswer);
  if (challenges.length > 0 && open.length === 0) {
    throw new SynapseError(400, '200', 'Approve the request in the bank\'s app, then submit the bank login again.');
  }
  return values.map((v, i) => {
    const c = open[i];
    return { challengeId: c?.challengeId ?? '', value: c ? answerOf(c, v) : v };
  });
}

async function ownConnection(lk: Latchkey, ctx: SessionContext, connectionId: string): Promise<Connection> {
  try {
    return await getOwnConnection(lk.connectionDeps, ctx.org.id, ctx.user.id, connectionId);
  } catch (err) {
    // A token of a connection that is gone, or someone else's, is just not a token.
    if (err instanceof LatchkeyError) fail('LK_ERR_ANSWER_TOKEN_INVALID');
    throw err;
  }
}

/** Step 2, repeated while the bank asks: the access_token and the answers. The token is spent by an answer that is applied. */
export async function answerBankLogin(
  lk: Latchkey, ctx: SessionContext, accessToken: string, answers: string[], idempotencyKey: string | undefined, timeoutMs = SETTLE_TIMEOUT_MS,
): Promise<LoginOutcome> {
  const d = lk.connectionDeps;
  const { connectionId, token } = parseAccessToken(accessToken);
  const c = await ownConnection(lk, ctx, connectionId);
  const { challenges } = await viewConnection(d, c);
  await resumeWithToken(d, c.id, token, answersFor(challenges, answers), idempotencyKey);
  return outcomeOf(lk, await settle(lk, c.id, timeoutMs));
}

/** A wrong answer: Synapse's "incorrect values supplied" (the response also carries the bank's next question). */
export const wrongAnswer = (o: Extract<LoginOutcome, { kind: 'mfa' }>) =>
  new SynapseError(400, '400', o.connection.statusMessage ?? 'The answer was not accepted. Try again.');

/** The v2 type of a round: `device` when every answer is a code sent or generated, else `questions`. */
export function mfaKindOf(challenges: ChallengeView[]): 'device' | 'questions' {
  const open = challenges.filter((c) => c.needsAnswer);
  return open.every((c) => c.type === 'code_sent' || c.type === 'code_generated') ? 'device' : 'questions';
}

/** A challenge as one line of text; options are listed, to be answered by label or value. */
export function promptOf(c: ChallengeView): string {
  return c.options.length ? `${c.label} Options: ${c.options.map((o) => o.label).join(' | ')}` : c.label;
}

/** The institution's name, for the views. */
export function institutionName(lk: Latchkey, c: Connection): string {
  return lk.connectionDeps.institutions.get(c.institutionCode)?.name ?? c.institutionCode;
}

/** Every linked ACH account of the user, with its connection. */
export async function linkedAccounts(lk: Latchkey, ctx: SessionContext): Promise<{ connection: Connection; account: Account }[]> {
  const d = lk.connectionDeps;
  const out: { connection: Connection; account: Account }[] = [];
  for (const connection of await d.connections.connections.listByUser(ctx.org.id, ctx.user.id)) {
    for (const account of await d.connections.accounts.listByConnection(connection.id)) {
      if (ACH_TYPES.has(account.type)) out.push({ connection, account });
    }
  }
  return out;
}
