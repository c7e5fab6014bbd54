import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { BACKENDS } from '../support/backends.ts';
import { waitFor, type Harness } from '../support/harness.ts';
import { signIn, type Tenant } from '../support/fixtures.ts';
import { connectionApi, openConnectionSuite, type ConnectionApi } from './support.ts';

/** A webhook receiver that can be switched off (answers 503) and on. */
async function receiver(): Promise<{ url: string; up: boolean; got: { body: any; signature: string; raw: string }[]; attempts: number; close(): Promise<void> }> {
  const state = { up: false, got: [] as { body: any; signature: string; raw: string }[], attempts: 0 };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      state.attempts += 1;
      if (!state.up) {
        res.writeHead(503).end();
        return;
      }
      state.got.push({ body: JSON.parse(raw), signature: String(req.headers['latchkey-signature']), raw });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return Object.assign(state, { url, close: () => new Promise<void>((r) => server.close(() => r())) });
}

for (const backend of BACKENDS) {
  describe(`live updates: webhooks and the event stream [${backend}]`, () => {
    let h: Harness, t: Tenant, session: string, api: ConnectionApi;
    before(async () => ({ h, t, session, api } = await openConnectionSuite(backend)));
    after(() => h.close());

    it('a receiver that is down, then up: every event arrives once, in order, signed', async () => {
      const rx = await receiver();
      try {
        const ep = await h.call('POST', `/v1/admin/organizations/${t.orgId}/webhooks`, { admin: true, body: { url: rx.url } });
        assert.equal(ep.statusCode, 201, ep.body);
        const { secret } = ep.json();
        const c = await api.create('mfa_question', 'hooked');
        await api.waitForState(c.connectionId, ['CHALLENGED']);
        await api.answerAll(c.connectionId, 'correct');
        await api.waitForState(c.connectionId, ['CONNECTED']);
        await waitFor(async () => (rx.attempts >= 1 ? true : undefined), 'a first attempt');
        assert.equal(rx.got.length, 0, 'the receiver was down');
        rx.up = true;
        // Retries back off; move the clock past them.
        const all = await waitFor(async () => {
          h.time.advance(60_000);
          return rx.got.length >= 4 ? rx.got : undefined;
        }, 'all events delivered', 15_000);
        const mine = all.filter((g) => g.body.connectionId === c.connectionId);
        assert.deepEqual(mine.map((g) => g.body.seq), [1, 2, 3, 4], 'in order, once each');
        assert.deepEqual(mine.map((g) => g.body.type), ['connection.processing', 'connection.challenged', 'connection.resumed', 'connection.connected']);
        for (const g of mine) {
          const [tPart, vPart] = g.signature.split(',');
          const ts = tPart!.slice(2);
          assert.equal(vPart, `v1=${createHmac('sha256', secret).update(`${ts}.${g.raw}`).digest('hex')}`);
        }
        const log = await waitFor(async () => {
          const list = (await h.call('GET', `/v1/admin/webhook-deliveries?connectionId=${c.connectionId}`, { admin: true })).json().deliveries;
          return list.every((d: any) => d.status === 'delivered') ? list : undefined;
        }, 'the log to show every delivery');
        assert.equal(log.length, 4);
        assert.ok(log.some((d: any) => d.attempts > 1 && d.lastError === null), 'the first attempts failed and were retried');
        const replay = await h.call('POST', `/v1/admin/webhook-deliveries/${log[0].deliveryId}/replay`, { admin: true });
        assert.equal(replay.statusCode, 202);
        await waitFor(async () => (rx.got.filter((g) => g.body.connectionId === c.connectionId).length === 5 ? true : undefined), 'the replay');
      } finally {
        await rx.close();
      }
    });

    it('the event stream shows each transition as it happens, and resumes from Last-Event-ID', async () => {
      const c = await api.create('mfa_question', 'streamed');
      await api.waitForState(c.connectionId, ['CHALLENGED']);
      const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
      const ctrl = new AbortController();
      const res = await fetch(`${address}/v1/connections/${c.connectionId}/events`, {
        headers: { 'x-dev-key': t.devKey, authorization: `Bearer ${session}`, 'last-event-id': '1' }, signal: ctrl.signal,
      });
      assert.equal(res.status, 200);
      assert.match(String(res.headers.get('content-type')), /text\/event-stream/);
      const reader = res.body!.getReader();
      let text = '';
      const readUntil = async (needle: string) => {
        while (!text.includes(needle)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${needle}`);
          text += new TextDecoder().decode(value);
        }
      };
      await readUntil('event: connection.challenged');
      assert.ok(!text.includes('event: connection.processing'), 'events up to Last-Event-ID are skipped');
      await api.answerAll(c.connectionId, 'correct');
      await readUntil('event: connection.connected');
      assert.match(text, /id: 3\nevent: connection.resumed/);
      ctrl.abort();
    });

    it('a background refresh that meets MFA ends INTERACTIVE_REQUIRED; the user fixes it and a repaired event follows', async () => {
      const c = await api.create('mfa_question', 'background');
      await api.waitForState(c.connectionId, ['CHALLENGED']);
      await api.answerAll(c.connectionId, 'correct');
      await api.waitForState(c.connectionId, ['CONNECTED']);
      h.time.advance(25 * 3600_000);
      // A day later the user is back with a new session.
      session = await signIn(h, t);
      api = connectionApi(h, t, session);
      const stuck = await api.waitForState(c.connectionId, ['INTERACTIVE_REQUIRED']);
      assert.equal(stuck.nextAction, 'refresh');
      const jobs = (await h.call('GET', `/v1/connections/${c.connectionId}/jobs`, { devKey: t.devKey, session })).json().jobs;
      assert.deepEqual(jobs.map((j: any) => [j.kind, j.interactive, j.status]), [['aggregate', true, 'succeeded'], ['refresh', false, 'failed']]);
      const r = await h.call('POST', `/v1/connections/${c.connectionId}/refresh`, { devKey: t.devKey, session, body: {} });
      assert.equal(r.statusCode, 202);
      await api.waitForState(c.connectionId, ['CHALLENGED']);
      await api.answerAll(c.connectionId, 'correct');
      await api.waitForState(c.connectionId, ['CONNECTED']);
      const events = await h.lk.connectionDeps.connections.events.listAfter(c.connectionId, 0);
      assert.equal(events.at(-1)!.type, 'connection.repaired');
      assert.equal(events.at(-1)!.data.previousState, 'INTERACTIVE_REQUIRED');
    });
  });
}
