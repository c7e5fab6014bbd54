/**
 * Where a scenario's server time goes: runs one scenario against a server started with
 * --cpu-prof, then prints the server's CPU time per request and the functions that
 * took the most time during the measured run (start-up and set-up are left out).
 *
 *   npx node bench/profile.ts <bare|session|verify|sign-in> [--duration 6] [--postgres] [--top 40] [--filter regex]
 *
 * The .cpuprofile is kept (its path is printed) and opens in Chrome DevTools.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cannon, jsonPost, latchkeyEnv, signInBody, signInOnce, spawnChild, verifyRequests, type CannonOptions, type Child } from './lib.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: 'string', default: '6' },
    postgres: { type: 'boolean', default: false },
    top: { type: 'string', default: '40' },
    filter: { type: 'string' },
  },
});
const scenario = positionals[0] ?? 'session';
const DURATION = Number(args.duration);
/** Challenges prepared per second of the verification run: about what the server verifies a second on this machine. */
const VERIFY_RATE = 6000;
const profDir = mkdtempSync(join(tmpdir(), 'latchkey-profile-'));
const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-bench-'));
const execArgv = ['--cpu-prof', `--cpu-prof-dir=${profDir}`];

const child: Child = scenario === 'bare'
  ? await spawnChild('bare-fastify.ts', { execArgv })
  : await spawnChild('latchkey-server.ts', { execArgv, env: latchkeyEnv(dataDir, args.postgres), dataDir });

let url = child.url;
let opts: CannonOptions;
let warm: CannonOptions;
if (scenario === 'bare') {
  opts = { connections: 50, duration: DURATION };
  warm = { ...opts, duration: 2 };
} else if (scenario === 'session') {
  const sessionId = await signInOnce(child);
  url = `${child.url}/v1/session`;
  opts = { connections: 50, duration: DURATION, headers: { 'x-dev-key': child.sandbox!.devKey, authorization: `Bearer ${sessionId}` } };
  warm = { ...opts, duration: 2 };
} else if (scenario === 'verify') {
  const { items } = await child.request({ type: 'prepare-verify', count: VERIFY_RATE * (DURATION + 2), users: 200 }, 'verify-items');
  warm = { connections: 50, ...verifyRequests(items.slice(0, 2 * VERIFY_RATE), child.sandbox!.devKey) };
  opts = { connections: 50, ...verifyRequests(items.slice(2 * VERIFY_RATE), child.sandbox!.devKey) };
} else if (scenario === 'sign-in') {
  url = `${child.url}/v1/sessions`;
  opts = { connections: 8, duration: DURATION, requests: [jsonPost('/v1/sessions', signInBody(child.sandbox!), { 'x-dev-key': child.sandbox!.devKey })] };
  warm = { ...opts, duration: 2 };
} else {
  throw new Error(`unknown scenario "${scenario}": bare, session, verify or sign-in`);
}

await cannon(url, warm);
const from = (await child.request({ type: 'mark' }, 'mark')).monotonicUs;
const cpu0 = await child.cpu();
const load = await cannon(url, opts);
const cpu = (await child.cpu()).all - cpu0.all;
const to = (await child.request({ type: 'mark' }, 'mark')).monotonicUs;
await child.stop();
rmSync(dataDir, { recursive: true, force: true });

console.log(`${scenario}: ${load.rps.toFixed(0)} req/s, p99 ${load.p99} ms, ${load.errors} errors; server CPU ${(cpu / Math.max(1, load.requests + load.errors)).toFixed(1)} µs/request`);

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const file = join(profDir, readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!);
const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^file:\/\/.*?\/(src|bench|node_modules)\//, '$1/').replace(/^node_modules\//, '')}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
let t = prof.startTime;
for (let i = 0; i < prof.samples.length; i++) {
  t += prof.timeDeltas[i]!;
  const dt = prof.timeDeltas[i + 1] ?? 0;
  if (t < from || t > to) continue;
  total += dt;
  const leaf = byId.get(prof.samples[i]!)!;
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
    const k = name(byId.get(id)!);
    if (!seen.has(k)) {
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  }
}
const filter = args.filter ? new RegExp(args.filter) : null;
const top = (m: Map<string, number>) => [...m].filter(([k]) => !filter || filter.test(k)).sort((a, b) => b[1] - a[1]).slice(0, Number(args.top))
  .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(6)} %  ${k}`).join('\n');
console.log(`\nself time (${(total / 1000).toFixed(0)} ms sampled during the measured run)\n${top(self)}`);
console.log(`\ninclusive time\n${top(inclusive)}`);
console.log(`\nprofile: ${file}`);
