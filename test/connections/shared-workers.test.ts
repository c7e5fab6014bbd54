/**
 * Scaled out on PostgreSQL: several server processes share one database and its
 * jobs. Every job runs once, every connection gets there, no event is doubled.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, waitFor, type Harness } from '../support/harness.ts';
import { createTestDatabase } from '../support/backends.ts';
import { createTenant, signIn } from '../support/fixtures.ts';
import { BACKENDS } from '../support/backends.ts';

const SERVERS = 3;
const CONNECTIONS = 24;

if (BACKENDS.includes('postgres')) {
  describe('several servers on one PostgreSQL database [postgres]', () => {
    const servers: Harness[] = [];
    let drop: () => Promise<void>;
    before(async () => {
      const db = await createTestDatabase();
      drop = db.drop;
      // Servers that share a database share its keys (from the environment in production).
      const env = { LATCHKEY_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}`, LATCHKEY_MAC_KEY: Buffer.alloc(32, 4).toString('base64') };
      for (let i = 0; i < SERVERS; i++) servers.push(await createHarness('postgres', { databaseUrl: db.url, env }));
    });
    after(async () => {
      for (const s of servers) await s.close();
      await drop();
    });

    it(`${CONNECTIONS} connections with two rounds each: every job runs once and every connection connects`, async () => {
      const [a] = servers;
      const t = await createTenant(a!);
      const session = await signIn(a!, t);
      const call = (i: number, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
        servers[i % SERVERS]!.call(method, url, { devKey: t.devKey, session, body });
      const ids: string[] = [];
      for (let i = 0; i < CONNECTIONS; i++) {
        const r = await call(i, 'POST', '/v1/connections', { institutionCode: 'latchkey_sandbox', credentials: { username: `shared${i}`, password: 'mfa_questions_2_1' } });
        assert.equal(r.statusCode, 201, r.body);
        ids.push(r.json().connectionId);
      }
      // Answer each round through a different server than the one that created the connection.
      for (const round of [1, 2]) {
        await Promise.all(ids.map(async (id, i) => {
          const c = await waitFor(async () => {
            const x = (await call(i + round, 'GET', `/v1/connections/${id}`)).json();
            return x.state === 'CHALLENGED' && x.round === round ? x : undefined;
          }, `round ${round} of ${id}`, 20_000).catch(async (e) => {
            const x = (await call(0, 'GET', `/v1/connections/${id}`)).json();
            const jobs = (await call(0, 'GET', `/v1/connections/${id}/jobs`)).json();
            throw new Error(`${e.message}: ${JSON.stringify({ state: x.state, round: x.round, jobs })}`);
          });
          const r = await call(i + round, 'PUT', `/v1/connections/${id}/resume`, { challenges: [{ challengeId: c.challenges[0].challengeId, value: 'correct' }] });
          assert.equal(r.statusCode, 202, r.body);
        }));
      }
      await Promise.all(ids.map((id, i) => waitFor(async () => ((await call(i, 'GET', `/v1/connections/${id}`)).json().state === 'CONNECTED' ? true : undefined), `${id} connected`, 20_000)));
      for (const id of ids) {
        const jobs = (await call(0, 'GET', `/v1/connections/${id}/jobs`)).json().jobs;
        assert.equal(jobs.length, 1);
        assert.equal(jobs[0].status, 'succeeded');
        const events = await a!.lk.connectionDeps.connections.events.listAfter(id, 0);
        assert.deepEqual(events.map((e) => e.type), [
          'connection.processing', 'connection.challenged', 'connection.resumed', 'connection.challenged', 'connection.resumed', 'connection.connected',
        ], 'each step applied exactly once');
      }
    });
  });
}
