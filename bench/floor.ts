/**
 * Where a verification's time goes, over HTTP: four servers' event-loop CPU per request,
 * measured in rounds, each round's runs back to back (this machine's speed drifts):
 *
 *   1. bare Fastify answering a constant            (the baseline of npm run bench)
 *   2. Latchkey's app, a route with the verify route's schemas answering a constant
 *   3. the same after resolving the developer key and a fresh session, as verify does
 *   4. POST /v1/mfa/challenges/{id}/verify itself
 *
 * 2 is what any JSON POST route of the app costs; 3 − 2 the session; 4 − 3 the verification
 * proper (reads, the checked code, three writes and their share of a commit). Each request
 * of 2–4 carries a prepared challenge's path, session and code, as npm run bench's do.
 *
 *   npx node bench/floor.ts [--count 15000] [--rounds 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cannon, latchkeyEnv, spawnChild, verifyRequests, type CannonOptions, type Child } from './lib.ts';
import { PROBE_PATHS } from './probe-routes.ts';

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '15000' }, rounds: { type: 'string', default: '3' } } });
const COUNT = Number(args.count);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = 50;

const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-floor-'));
const bare = await spawnChild('bare-fastify.ts');
const lk = await spawnChild('latchkey-server.ts', { env: { ...latchkeyEnv(dataDir, false), LATCHKEY_BENCH_PROBES: '1' }, dataDir });
const devKey = lk.sandbox!.devKey;
const prepare = async (count: number) => (await lk.request({ type: 'prepare-verify', count, users: 200 }, 'verify-items')).items;

const scenarios: { name: string; child: Child; opts: () => Promise<CannonOptions> }[] = [
  { name: 'bare Fastify GET / (constant)', child: bare, opts: async () => ({ amount: 4 * COUNT }) },
  { name: 'Latchkey app, verify route\'s schemas, constant', child: lk, opts: async () => verifyRequests(await prepare(COUNT), devKey, PROBE_PATHS.http) },
  { name: '… after developer key and session', child: lk, opts: async () => verifyRequests(await prepare(COUNT), devKey, PROBE_PATHS.session) },
  { name: 'POST /v1/mfa/challenges/{id}/verify', child: lk, opts: async () => verifyRequests(await prepare(COUNT), devKey) },
];

/** Event-loop CPU µs per request, and how busy the loop was. */
async function run(child: Child, opts: CannonOptions): Promise<{ us: number; busy: number; rps: number }> {
  const before = await child.cpu();
  const load = await cannon(child.url, { connections: CONNECTIONS, ...opts });
  const used = (await child.cpu()).main - before.main;
  if (load.errors > 0) throw new Error(`${load.errors} requests failed`);
  return { us: used / load.requests, busy: used / (load.seconds * 1e6), rps: load.rps };
}

for (const s of scenarios) await run(s.child, await s.opts()); // warm-up
const results = scenarios.map(() => [] as { us: number; busy: number; rps: number }[]);
for (let round = 1; round <= ROUNDS; round++) {
  process.stderr.write(`round ${round} of ${ROUNDS}\n`);
  // Challenges are prepared before each round, so the runs of a round follow each other closely.
  const opts = await Promise.all(scenarios.map((s) => s.opts()));
  for (const [i, s] of scenarios.entries()) results[i]!.push(await run(s.child, opts[i]!));
}
await bare.stop();
await lk.stop();
rmSync(dataDir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bareUs = median(results[0]!.map((r) => r.us));
const rows = scenarios.map((s, i) => {
  const us = median(results[i]!.map((r) => r.us));
  return `| ${s.name} | ${us.toFixed(0)} | ${(median(results[i]!.map((r) => r.busy)) * 100).toFixed(0)} % | ${median(results[i]!.map((r) => r.rps)).toFixed(0)} | ${i === 0 ? '' : `${((100 * bareUs) / us).toFixed(1)} %`} |`;
});
process.stdout.write(['', `Medians of ${ROUNDS} rounds; each Latchkey run ${COUNT} requests, bare Fastify ${4 * COUNT}; ${CONNECTIONS} connections.`, '',
  '| server | event-loop CPU µs/request | loop busy | req/s | bare Fastify ÷ this, by CPU |', '| --- | ---: | ---: | ---: | ---: |', ...rows, ''].join('\n'));
process.exit(0);
