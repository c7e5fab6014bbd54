/**
 * `npm run bench:connections` (also run by `npm run bench`): 10,000 institution
 * connections created and driven through a two-round challenge (choose a phone, then
 * enter the code) against the sandbox institution, over HTTP, `--concurrency` at a time.
 *
 * Reports connections per second end to end, the time from each resume to the next
 * state as the live event stream shows it (p50/p99), and the server's peak memory
 * (VmHWM). The server runs in a child process on 127.0.0.1, as in bench/run.ts.
 *
 * Options: --count <n> (default 10000), --concurrency <n> (default 64), --postgres, --json <file>.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { latchkeyEnv, spawnChild } from './lib.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '64' },
    postgres: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const COUNT = Number(args.count);
const CONCURRENCY = Number(args.concurrency);
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Api {
  json(method: string, path: string, body?: unknown): Promise<any>;
  events(connectionId: string): Promise<EventReader>;
}

/** Reads a connection's Server-Sent Events one at a time. */
interface EventReader {
  nextOf(types: string[]): Promise<{ type: string; data: any }>;
  close(): void;
}

function api(url: string, headers: Record<string, string>): Api {
  return {
    async json(method, path, body) {
      const r = await fetch(`${url}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    async events(connectionId) {
      const ctrl = new AbortController();
      const res = await fetch(`${url}/v1/connections/${connectionId}/events`, { headers, signal: ctrl.signal });
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      return {
        async nextOf(types) {
          for (;;) {
            const end = buffer.indexOf('\n\n');
            if (end >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const type = /^event: (.+)$/m.exec(block)?.[1];
              const data = /^data: (.+)$/m.exec(block)?.[1];
              if (type && data && types.includes(type)) return { type, data: JSON.parse(data) };
              continue;
            }
            const { value, done } = await reader.read();
            if (done) throw new Error('event stream ended');
            buffer += decoder.decode(value, { stream: true });
          }
        },
        close: () => ctrl.abort(),
      };
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-bench-conn-'));
  const child = await spawnChild('latchkey-server.ts', { env: latchkeyEnv(dataDir, args.postgres), execArgv: process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [] });
  try {
    const sb = child.sandbox!;
    const anon = api(child.url, { 'x-dev-key': sb.devKey });
    const { sessionId } = await anon.json('POST', '/v1/sessions', { organizationId: sb.organizationId, username: sb.user.username, password: sb.user.password });
    const client = api(child.url, { 'x-dev-key': sb.devKey, authorization: `Bearer ${sessionId}` });
    const resumeToNext: number[] = [];
    let done = 0;

    const one = async (i: number) => {
      const c = await client.json('POST', '/v1/connections', { institutionCode: 'latchkey_sandbox', credentials: { username: `bench-${i}`, password: 'mfa_phone' } });
      const stream = await client.events(c.connectionId);
      try {
        await stream.nextOf(['connection.challenged']);
        const round1 = await client.json('GET', `/v1/connections/${c.connectionId}/challenges`);
        const phone = round1.challenges[0];
        let t = performance.now();
        await client.json('PUT', `/v1/connections/${c.connectionId}/resume`, { challenges: [{ challengeId: phone.challengeId, value: phone.options[0].optionId }] });
        await stream.nextOf(['connection.challenged']);
        resumeToNext.push(performance.now() - t);
        const round2 = await client.json('GET', `/v1/connections/${c.connectionId}/challenges`);
        t = performance.now();
        await client.json('PUT', `/v1/connections/${c.connectionId}/resume`, { challenges: [{ challengeId: round2.challenges[0].challengeId, value: 'correct' }] });
        await stream.nextOf(['connection.connected']);
        resumeToNext.push(performance.now() - t);
      } finally {
        stream.close();
      }
      done += 1;
      if (done % 1000 === 0) log(`  ${done} connected`);
    };

    log(`Driving ${COUNT} connections through two rounds, ${CONCURRENCY} at a time${args.postgres ? ' (PostgreSQL)' : ' (SQLite)'}…`);
    const start = performance.now();
    let nextIndex = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (nextIndex < COUNT) await one(nextIndex++);
    }));
    const seconds = (performance.now() - start) / 1000;
    const status = readFileSync(`/proc/${child.proc.pid}/status`, 'utf8');
    const peakMiB = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    resumeToNext.sort((a, b) => a - b);
    const figures = {
      connections: COUNT, concurrency: CONCURRENCY, seconds: Number(seconds.toFixed(1)),
      connectionsPerSecond: Number((COUNT / seconds).toFixed(1)),
      resumeToNextStateMs: { p50: Number(percentile(resumeToNext, 50).toFixed(1)), p99: Number(percentile(resumeToNext, 99).toFixed(1)), max: Number(resumeToNext.at(-1)!.toFixed(1)) },
      serverPeakMemoryMiB: Number(peakMiB.toFixed(0)),
    };
    process.stdout.write(`\n| measure | value |\n| --- | --- |\n`
      + `| connections driven through two rounds | ${COUNT} (${CONCURRENCY} at a time) |\n`
      + `| connections per second | ${figures.connectionsPerSecond} |\n`
      + `| resume → next state, p50 / p99 / max | ${figures.resumeToNextStateMs.p50} / ${figures.resumeToNextStateMs.p99} / ${figures.resumeToNextStateMs.max} ms |\n`
      + `| server peak memory (VmHWM) | ${figures.serverPeakMemoryMiB} MiB |\n`);
    if (args.json) writeFileSync(args.json, `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
