import assert from 'node:assert/strict';
import { createHarness, waitFor, type Harness } from '../support/harness.ts';
import { createTenant, signIn, type Tenant } from '../support/fixtures.ts';
import type { Backend } from '../support/backends.ts';

export interface ConnectionApi {
  create(password: string, username?: string, institutionCode?: string): Promise<any>;
  get(id: string): Promise<any>;
  waitForState(id: string, states: string[], timeoutMs?: number): Promise<any>;
  resume(id: string, challenges: { challengeId: string; value: string }[], headers?: Record<string, string>): Promise<any>;
  /** Answers every pending challenge of the round with `value` (for options: the option whose value is `value`, else the first). */
  answerAll(id: string, value: string): Promise<any>;
}

/** A small client for the connection API as a test's user, over the real HTTP stack. */
export function connectionApi(h: Harness, t: Tenant, session: string): ConnectionApi {
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>) =>
    h.call(method, url, { devKey: t.devKey, session, body, headers });
  const api: ConnectionApi = {
    async create(password, username = 'ana', institutionCode = 'latchkey_sandbox') {
      const r = await call('POST', '/v1/connections', { institutionCode, credentials: { username, password } });
      assert.ok(r.statusCode === 201 || r.statusCode === 200, r.body);
      return r.json();
    },
    async get(id) {
      const r = await call('GET', `/v1/connections/${id}`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json();
    },
    waitForState(id, states, timeoutMs) {
      return waitFor(async () => {
        const c = await api.get(id);
        return states.includes(c.state) ? c : undefined;
      }, `connection ${id} to be ${states.join('|')}`, timeoutMs);
    },
    async resume(id, challenges, headers) {
      return call('PUT', `/v1/connections/${id}/resume`, { challenges }, headers);
    },
    async answerAll(id, value) {
      const c = await api.get(id);
      const answers = c.challenges.filter((x: any) => x.needsAnswer).map((x: any) => ({
        challengeId: x.challengeId,
        value: x.options.length ? (x.options.find((o: any) => o.value === value) ?? x.options[0]).optionId : value,
      }));
      return api.resume(id, answers);
    },
  };
  return api;
}

export interface ConnectionSuite {
  h: Harness;
  t: Tenant;
  session: string;
  api: ConnectionApi;
}

/** A server on `backend`, a tenant, its signed-in user and a connection client for them. */
export async function openConnectionSuite(backend: Backend): Promise<ConnectionSuite> {
  const h = await createHarness(backend);
  const t = await createTenant(h);
  const session = await signIn(h, t);
  return { h, t, session, api: connectionApi(h, t, session) };
}
