import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createHarness, type Harness, type HarnessOptions } from '../support/harness.ts';
import { createTenant, type Tenant } from '../support/fixtures.ts';
import type { Backend } from '../support/backends.ts';
import { resolveDevKey } from '../../src/core/session/sessions.ts';
import { runNextJob } from '../../src/core/connection/job-runner.ts';

export const MX_ACCEPT = 'application/vnd.mx.api.v1+json';

export const basic = (clientId: string, apiKey: string) => `Basic ${Buffer.from(`${clientId}:${apiKey}`).toString('base64')}`;

export interface MxCallOptions {
  body?: unknown;
  /** Replaces the Authorization header; null sends none. */
  authorization?: string | null;
  /** Replaces the Accept header; null sends none. */
  accept?: string | null;
  headers?: Record<string, string>;
}

export interface MxSuite {
  h: Harness;
  t: Tenant;
  clientId: string;
  apiKey: string;
  /** A request to /mx<path>, as MX's docs show it: Basic auth, MX's Accept header, JSON. */
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, opts?: MxCallOptions): Promise<LightMyRequestResponse>;
  /** Creates an MX user and returns its guid. */
  newUser(id?: string): Promise<string>;
  /** Creates a member with `institution_code` and the institution's credential guids. */
  newMember(userGuid: string, username: string, password: string, institutionCode?: string): Promise<any>;
  status(userGuid: string, memberGuid: string): Promise<any>;
  /** Runs every due connection job (the suites run without the background worker, so each step is observed). */
  settle(): Promise<void>;
}

let n = 0;

/** A server on `backend`, a tenant and its developer key as MX client credentials. */
export async function openMxSuite(backend: Backend, opts: HarnessOptions = { worker: false }): Promise<MxSuite> {
  const h = await createHarness(backend, opts);
  const t = await createTenant(h);
  const clientId = (await resolveDevKey(h.lk.deps, t.devKey)).id;
  const apiKey = t.devKey;
  const call: MxSuite['call'] = (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    const authorization = o.authorization === undefined ? basic(clientId, apiKey) : o.authorization;
    if (authorization !== null) headers.authorization = authorization;
    const accept = o.accept === undefined ? MX_ACCEPT : o.accept;
    if (accept !== null) headers.accept = accept;
    return h.call(method, `/mx${path}`, { body: o.body, headers });
  };
  const suite: MxSuite = {
    h, t, clientId, apiKey, call,
    async newUser(id = `mx-user-${++n}`) {
      const r = await call('POST', '/users', { body: { user: { id, email: `${id}@example.com` } } });
      assert.equal(r.statusCode, 200, r.body);
      return r.json().user.guid;
    },
    async newMember(userGuid, username, password, institutionCode = 'mxbank') {
      const creds = await call('GET', `/institutions/${institutionCode}/credentials`);
      assert.equal(creds.statusCode, 200, creds.body);
      const [login, secret] = creds.json().credentials as { guid: string }[];
      const r = await call('POST', `/users/${userGuid}/members`, {
        body: { member: { institution_code: institutionCode, credentials: [{ guid: login!.guid, value: username }, { guid: secret!.guid, value: password }] } },
      });
      assert.equal(r.statusCode, 202, r.body);
      return r.json().member;
    },
    async status(userGuid, memberGuid) {
      const r = await call('GET', `/users/${userGuid}/members/${memberGuid}/status`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json().member;
    },
    async settle() {
      while (await runNextJob(h.lk.connectionDeps));
    },
  };
  return suite;
}

/** The MX error object. */
export function assertMxError(r: LightMyRequestResponse, status: number, message?: RegExp): void {
  assert.equal(r.statusCode, status, r.body);
  const body = r.json();
  assert.deepEqual(Object.keys(body), ['error'], r.body);
  assert.deepEqual(Object.keys(body.error), ['message'], r.body);
  assert.equal(typeof body.error.message, 'string');
  if (message) assert.match(body.error.message, message);
}
