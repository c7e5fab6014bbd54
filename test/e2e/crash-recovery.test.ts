/**
 * Failure: the server is killed (SIGKILL, no goodbye) while a connection waits on a
 * prompt, while a job is in the middle of a login, and right after answers arrive.
 * After a restart each flow completes and no challenge or answer is lost.
 */
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKENDS, createTestDatabase } from '../support/backends.ts';
import { serve, stop, type Served } from '../support/serve.ts';

const LEASE_SECONDS = '2';

for (const backend of BACKENDS) {
  describe(`crash recovery with SIGKILL [${backend}]`, () => {
    let dataDir: string;
    let env: Record<string, string>;
    let drop: (() => Promise<void>) | undefined;
    let server: Served | null = null;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'latchkey-crash-'));
      env = { LATCHKEY_DATA_DIR: dataDir, LATCHKEY_JOB_LEASE_SECONDS: LEASE_SECONDS };
      if (backend === 'postgres') {
        const db = await createTestDatabase();
        drop = db.drop;
        env.DATABASE_URL = db.url;
      }
    });
    afterEach(async () => {
      if (server) await stop(server.child);
      server = null;
    });
    after(async () => {
      await drop?.();
      rmSync(dataDir, { recursive: true, force: true });
    });

    /** Starts the server and signs the sandbox user in; returns a small client. */
    async function start() {
      server = await serve(env);
      const creds = JSON.parse(readFileSync(join(dataDir, 'sandbox.json'), 'utf8'));
      const base = { 'content-type': 'application/json', 'x-dev-key': creds.devKey };
      const signIn = await fetch(`${server.url}/v1/sessions`, {
        method: 'POST', headers: base, body: JSON.stringify({ organizationId: creds.organizationId, username: creds.user.username, password: creds.user.password }),
      });
      const headers = { ...base, authorization: `Bearer ${(await signIn.json()).sessionId}` };
      const url = server.url;
      const call = async (method: string, path: string, body?: unknown) => {
        const r = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: r.status, json: await r.json().catch(() => null) };
      };
      const waitFor = async (id: string, state: string, timeoutMs = 20_000) => {
        const until = Date.now() + timeoutMs;
        for (;;) {
          const c = (await call('GET', `/v1/connections/${id}`)).json;
          if (c.state === state) return c;
          if (Date.now() > until) throw new Error(`connection stayed ${c.state}, wanted ${state}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      return { call, waitFor };
    }

    async function crash(): Promise<void> {
      await stop(server!.child, 'SIGKILL');
      server = null;
    }

    it('killed while a connection waits on a prompt: after restart the job polls on and connects', async () => {
      let api = await start();
      const c = (await api.call('POST', '/v1/connections', { institutionCode: 'latchkey_sandbox', credentials: { username: 'prompt', password: 'mfa_prompt_approve' } })).json;
      const waiting = await api.waitFor(c.connectionId, 'CHALLENGED');
      assert.equal(waiting.challenges[0].type, 'prompt');
      await crash();
      api = await start();
      const done = await api.waitFor(c.connectionId, 'CONNECTED');
      assert.equal(done.isAuthenticated, true);
    });

    it('killed in the middle of a login: after restart the job runs again and connects', async () => {
      let api = await start();
      const c = (await api.call('POST', '/v1/connections', { institutionCode: 'latchkey_sandbox', credentials: { username: 'slowpoke', password: 'slow' } })).json;
      await new Promise((r) => setTimeout(r, 400));
      assert.equal((await api.call('GET', `/v1/connections/${c.connectionId}`)).json.state, 'PROCESSING', 'the login is under way');
      await crash();
      api = await start();
      await api.waitFor(c.connectionId, 'CONNECTED');
      const jobs = (await api.call('GET', `/v1/connections/${c.connectionId}/jobs`)).json.jobs;
      assert.equal(jobs.length, 1, 'the same job, taken over');
      assert.equal(jobs[0].attempts, 2);
    });

    it('killed right after the answers arrive: the answers are kept and the flow completes', async () => {
      let api = await start();
      const c = (await api.call('POST', '/v1/connections', { institutionCode: 'latchkey_sandbox', credentials: { username: 'answers', password: 'mfa_questions_2_2' } })).json;
      const round1 = await api.waitFor(c.connectionId, 'CHALLENGED');
      const r = await api.call('PUT', `/v1/connections/${c.connectionId}/resume`, { challenges: round1.challenges.map((x: any) => ({ challengeId: x.challengeId, value: 'correct' })) });
      assert.equal(r.status, 202);
      await crash();
      api = await start();
      const until = Date.now() + 20_000;
      let round2: any;
      do {
        round2 = (await api.call('GET', `/v1/connections/${c.connectionId}`)).json;
        await new Promise((res) => setTimeout(res, 50));
      } while (!(round2.state === 'CHALLENGED' && round2.round === 2) && Date.now() < until);
      assert.equal(round2.round, 2, 'round 1 was answered with the kept answers');
      await api.call('PUT', `/v1/connections/${c.connectionId}/resume`, { challenges: round2.challenges.map((x: any) => ({ challengeId: x.challengeId, value: 'correct' })) });
      await api.waitFor(c.connectionId, 'CONNECTED');
    });
  });
}
