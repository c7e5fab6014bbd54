/**
 * `npm run bench`: Latchkey's throughput next to its baselines, in one run.
 *
 *   1. bare Fastify answering a constant                      (baseline for 2 and 3)
 *   2. GET /v1/session, an authenticated session-info call     aim ≥ 50 % of 1
 *   3. POST /v1/mfa/challenges/{id}/verify, one per challenge  aim ≥ 25 % of 1
 *   4. raw argon2id (@node-rs/argon2, OWASP parameters)        (baseline for 5)
 *   5. POST /v1/sessions, password sign-in                     aim ≥ 90 % of 4,
 *      with the server's event-loop delay measured meanwhile   aim: hashing never blocks it
 *
 * Every server, and the raw hashing, runs in a child process on 127.0.0.1; the load
 * comes from autocannon in this process. docs/benchmarks.md explains the method.
 *
 * Options: --postgres (DATABASE_URL instead of embedded SQLite), --duration <s> (measured
 * seconds per scenario, default 6), --connections <n> (default 50), --sign-in-connections
 * <n> (sign-ins and raw hashes kept in flight, default 8), --json <file> (also write the figures),
 * --rounds <n> (rounds of 1, 2 and 3 back to back, default 3),
 * --sign-in-pairs <n> (alternating sign-in and raw-hashing runs, default 3),
 * --nice-threadpool (an experiment: run libuv's pool threads, where argon2id runs, at nice 10).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import type { Argon2Result, EventLoopDelay } from './protocol.ts';
import { cannon, jsonPost, latchkeyEnv, machineCpu, next, otherLoad, signInBody, signInOnce, spawnChild, verifyRequests, type CannonOptions, type Child, type Load } from './lib.ts';

const { values: args } = parseArgs({
  options: {
    postgres: { type: 'boolean', default: false },
    duration: { type: 'string', default: '6' },
    connections: { type: 'string', default: '50' },
    'sign-in-connections': { type: 'string', default: '8' },
    'nice-threadpool': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    'sign-in-pairs': { type: 'string', default: '3' },
    json: { type: 'string' },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const SIGN_IN_CONCURRENCY = Number(args['sign-in-connections']);
/** Alternating sign-in and raw-hashing runs; the pair with the median ratio is reported. */
const PAIRS = Math.max(1, Number(args['sign-in-pairs']));
const WARMUP = 2;
/** Challenges verified to warm up, before the measured rounds' are prepared. */
const VERIFY_WARMUP = 5_000;
/** A measured run during which other processes used more of the machine than this is flagged. */
const QUIET = 0.1;
/** Rounds of bare Fastify, session info and verification, each round's three runs back to back; the median round's ratio is reported. */
const ROUNDS = Math.max(1, Number(args.rounds));

if (args.postgres && !process.env.DATABASE_URL) {
  process.stderr.write('--postgres needs DATABASE_URL (a scratch database: the run adds an organization, users, sessions and challenges).\n');
  process.exit(2);
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (n: number) => `${fmt(n * 100, 1)} %`;

/**
 * A measured run, the server's CPU time per request over it (all its threads), what else the
 * machine was doing, and how busy the server's event loop was: well under 100 % means the load
 * generator, not the server, set the pace.
 */
type Measured = Load & { cpuUsPerRequest: number; otherLoad: number | null; serverBusy: number };

async function measured(child: Child, url: string, opts: CannonOptions): Promise<Measured> {
  const machine0 = machineCpu();
  const own0 = process.cpuUsage();
  const child0 = await child.cpu();
  const load = await cannon(url, { connections: CONNECTIONS, ...opts });
  const child1 = await child.cpu();
  const childUs = child1.all - child0.all;
  const own = process.cpuUsage(own0);
  return {
    ...load, cpuUsPerRequest: childUs / Math.max(1, load.requests + load.errors), otherLoad: otherLoad(machine0, machineCpu(), childUs + own.user + own.system),
    serverBusy: (child1.main - child0.main) / (load.seconds * 1e6),
  };
}

/** A short untimed run to warm a server up (JIT, caches, connection set-up); returns its rate. */
async function warm(url: string, opts: CannonOptions): Promise<number> {
  return (await cannon(url, { connections: CONNECTIONS, ...opts, duration: WARMUP })).rps;
}

/** Which of the rounds stands for the run: the one with the median value of `key`, among the undisturbed ones if any. */
function medianBy<T extends { otherLoad: number | null }>(rounds: T[], key: (r: T) => number, disturbed = (r: T) => (r.otherLoad ?? 0) > QUIET): T {
  const quiet = rounds.filter((r) => !disturbed(r));
  const ranked = [...(quiet.length > 0 ? quiet : rounds)].sort((a, b) => key(a) - key(b));
  return ranked[Math.floor(ranked.length / 2)]!;
}

/** One round: the three HTTP scenarios, run back to back so that they see the machine alike. */
interface Round {
  bare: Measured;
  session: Measured;
  verify: Measured;
  /** With --postgres the database server's work counts as other load; only bare Fastify's run is judged by it then. */
  otherLoad: number | null;
}

interface LatchkeyResults {
  bare: Measured & { runs: number };
  /** `baseline`: bare Fastify's run in the session-info ratio's round. */
  session: Measured & { runs: number; baseline: Measured };
  verify: Measured & { prepareSeconds: number; runs: number };
  /** Each round's session-info and verification rates ÷ bare Fastify's in the same round. */
  roundRatios: { session: number; verify: number }[];
  signIn: Measured & { runs: number };
  raw: Argon2Result & { runs: number };
  /** Sign-in ÷ raw hash rate of each alternating pair of runs. */
  pairRatios: number[];
  /** The server's event-loop delay: idle, under sign-in load, and idle while raw hashing in another process keeps both cores busy. */
  eld: { idle: EventLoopDelay; signIn: EventLoopDelay; busyMachine: EventLoopDelay };
}

async function latchkey(): Promise<LatchkeyResults> {
  const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-bench-'));
  const bareChild = await spawnChild('bare-fastify.ts');
  const child = await spawnChild('latchkey-server.ts', { env: latchkeyEnv(dataDir, args.postgres), dataDir });
  try {
    const sb = child.sandbox!;
    const base = child.url;

    const sessionId = await signInOnce(child);
    if (args['nice-threadpool']) log(`  (experiment: ${(await child.request({ type: 'nice-threadpool', nice: 10 }, 'niced')).threads} libuv pool threads at nice 10)`);
    const sessionOpts: CannonOptions = { headers: { 'x-dev-key': sb.devKey, authorization: `Bearer ${sessionId}` } };
    await warm(bareChild.url, {});
    await warm(`${base}/v1/session`, sessionOpts);

    // Each challenge is verified once, so they are prepared ahead: first a warm-up's worth, whose
    // rate sizes the rounds' share so that each round's verification lasts about DURATION seconds.
    const prepare = async (count: number) => (await child.request({ type: 'prepare-verify', count, users: 200 }, 'verify-items')).items;
    const t = performance.now();
    const warmItems = await prepare(VERIFY_WARMUP);
    const verifyRate = (await cannon(base, { connections: CONNECTIONS, ...verifyRequests(warmItems, sb.devKey) })).rps;
    const count = Math.max(1000, Math.min(150_000, Math.round(verifyRate * 1.2 * DURATION)));
    log(`• preparing ${fmt(count * ROUNDS)} sessions with a challenge each, for verification (the warm-up verified ${fmt(verifyRate)} a second)`);
    const items = await prepare(count * ROUNDS);
    const prepareSeconds = (performance.now() - t) / 1000;

    // Both servers stay up and the three scenarios run back to back, ROUNDS times: the machine's
    // speed drifts by ±20 % within minutes here, and each ratio compares runs of one round.
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      log(`• round ${i + 1} of ${ROUNDS}: bare Fastify, Latchkey GET /v1/session, Latchkey POST /v1/mfa/challenges/{id}/verify`);
      const bare = await measured(bareChild, bareChild.url, { duration: DURATION });
      const session = await measured(child, `${base}/v1/session`, { ...sessionOpts, duration: DURATION });
      const verify = await measured(child, base, verifyRequests(items.slice(i * count, (i + 1) * count), sb.devKey));
      const others = args.postgres ? [bare.otherLoad] : [bare.otherLoad, session.otherLoad, verify.otherLoad];
      rounds.push({ bare, session, verify, otherLoad: others.some((o) => o !== null) ? Math.max(...others.map((o) => o ?? 0)) : null });
    }
    const roundRatios = rounds.map((r) => ({ session: r.session.rps / r.bare.rps, verify: r.verify.rps / r.bare.rps }));
    const bySession = medianBy(rounds, (r) => r.session.rps / r.bare.rps);
    const byVerify = medianBy(rounds, (r) => r.verify.rps / r.bare.rps);
    const runs = { runs: ROUNDS };
    const results = {
      // Bare Fastify's row is the verification's median round; the session-info ratio uses its own round's bare run.
      bare: { ...byVerify.bare, ...runs }, session: { ...bySession.session, ...runs, baseline: bySession.bare },
      verify: { ...byVerify.verify, prepareSeconds, ...runs }, roundRatios,
    };

    log('• Latchkey POST /v1/sessions (sign-in), with event-loop delay');
    await child.request({ type: 'eld-start' }, 'eld-started');
    await new Promise((r) => setTimeout(r, 2000));
    const idle = await child.request({ type: 'eld-stop' }, 'eld');
    const signInOpts: CannonOptions = { connections: SIGN_IN_CONCURRENCY, requests: [jsonPost('/v1/sessions', signInBody(sb), { 'x-dev-key': sb.devKey })] };
    await cannon(`${base}/v1/sessions`, { ...signInOpts, duration: WARMUP });
    // Sign-in and the raw hashing alternate, PAIRS times: this machine's hash rate drifts by
    // ±10 % within minutes, and a sign-in run is compared with the raw runs either side of it.
    // The raw hashing runs while this server sits idle: its event-loop delay then shows what
    // two cores busy hashing cost an event loop that does no hashing at all (the control).
    const pairs: { signIn: Measured & { eld: EventLoopDelay }; raw: Argon2Result & { eld: EventLoopDelay } }[] = [];
    for (let i = 0; i < PAIRS; i++) {
      await child.request({ type: 'eld-start' }, 'eld-started');
      const m = await measured(child, `${base}/v1/sessions`, { ...signInOpts, duration: DURATION });
      const signInRun = { ...m, eld: await child.request({ type: 'eld-stop' }, 'eld') };
      await child.request({ type: 'eld-start' }, 'eld-started');
      const r = await rawArgon2();
      pairs.push({ signIn: signInRun, raw: { ...r, eld: await child.request({ type: 'eld-stop' }, 'eld') } });
    }
    const pairRatios = pairs.map((p) => p.signIn.rps / p.raw.opsPerSec);
    // The pair with the median ratio stands for the run; undisturbed pairs are preferred.
    const quiet = pairs.filter((p) => (p.signIn.otherLoad ?? 0) <= QUIET && (p.raw.otherLoad ?? 0) <= QUIET);
    const ranked = (quiet.length > 0 ? quiet : pairs).sort((a, b) => a.signIn.rps / a.raw.opsPerSec - b.signIn.rps / b.raw.opsPerSec);
    const median = ranked[Math.floor(ranked.length / 2)]!;
    const { eld: eldSignIn, ...signIn } = { ...median.signIn, runs: pairs.length };
    const { eld: busyMachine, ...raw } = { ...median.raw, runs: pairs.length };
    return { ...results, signIn, raw, pairRatios, eld: { idle, signIn: eldSignIn, busyMachine } };
  } finally {
    await bareChild.stop();
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function rawArgon2(): Promise<Argon2Result> {
  log('• raw argon2id');
  const proc = fork(join(import.meta.dirname, 'argon2-raw.ts'), [String(SIGN_IN_CONCURRENCY), String(WARMUP), String(DURATION)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return next(proc, 'argon2');
}

// ---------------------------------------------------------------------------------------

const started = performance.now();
const machine = `${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}, ${args.postgres ? 'PostgreSQL' : 'embedded SQLite'}`;
const load0 = loadavg()[0]!;
log(`Latchkey benchmark: ${machine}; ${DURATION} s per scenario, ${CONNECTIONS} connections (${SIGN_IN_CONCURRENCY} for sign-in); load average ${load0.toFixed(2)}`);
if (load0 > 0.5) log('  (the machine is not idle: other processes will skew the figures)');
const lk = await latchkey();
const { raw, bare } = lk;
const sessionBase = lk.session.baseline;

const verdict = (ok: boolean) => (ok ? 'pass' : 'MISS');

interface Row {
  name: string; rps: number; p99: number; cpu: number; busy: number | null; base: string; ratio: number | null; cpuRatio: number | null; aim: number | null; errors: number; other: number | null;
  runs: number;
}
const rows: Row[] = [
  { name: 'bare Fastify GET / (constant)', rps: bare.rps, p99: bare.p99, cpu: bare.cpuUsPerRequest, busy: bare.serverBusy, base: '', ratio: null, cpuRatio: null, aim: null, errors: bare.errors, other: bare.otherLoad, runs: bare.runs },
  {
    name: 'Latchkey GET /v1/session', rps: lk.session.rps, p99: lk.session.p99, cpu: lk.session.cpuUsPerRequest, busy: lk.session.serverBusy, base: 'bare Fastify',
    ratio: lk.session.rps / sessionBase.rps, cpuRatio: sessionBase.cpuUsPerRequest / lk.session.cpuUsPerRequest, aim: 0.5, errors: lk.session.errors, other: lk.session.otherLoad, runs: lk.session.runs,
  },
  {
    name: 'Latchkey POST …/verify', rps: lk.verify.rps, p99: lk.verify.p99, cpu: lk.verify.cpuUsPerRequest, busy: lk.verify.serverBusy, base: 'bare Fastify',
    ratio: lk.verify.rps / bare.rps, cpuRatio: bare.cpuUsPerRequest / lk.verify.cpuUsPerRequest, aim: 0.25, errors: lk.verify.errors, other: lk.verify.otherLoad, runs: lk.verify.runs,
  },
  { name: 'raw argon2id verify (OWASP)', rps: raw.opsPerSec, p99: raw.p99, cpu: raw.cpuUsPerOp, busy: null, base: '', ratio: null, cpuRatio: null, aim: null, errors: 0, other: raw.otherLoad, runs: raw.runs },
  {
    name: 'Latchkey POST /v1/sessions', rps: lk.signIn.rps, p99: lk.signIn.p99, cpu: lk.signIn.cpuUsPerRequest, busy: lk.signIn.serverBusy, base: 'raw argon2id',
    ratio: lk.signIn.rps / raw.opsPerSec, cpuRatio: raw.cpuUsPerOp / lk.signIn.cpuUsPerRequest, aim: 0.9, errors: lk.signIn.errors, other: lk.signIn.otherLoad, runs: lk.signIn.runs,
  },
];

// A hash run on the event loop would stall it for a whole hash, dozens of times a second: p99 would
// be at least one hash beyond the sampling interval. The aim is to stay below that.
const excess = (d: EventLoopDelay) => Math.max(0, d.p99 - d.resolutionMs);
const eldExcess = excess(lk.eld.signIn);
const eldLimit = raw.singleMedianMs;

const header = ['scenario', 'req/s', 'p99 ms', 'CPU µs/req', 'loop busy', 'baseline', 'ratio', 'CPU ratio', 'aim', 'result', 'errors', 'other load', 'runs'];
const left = new Set([0, 5, 9]);
const table = [header, ...rows.map((r) => [
  r.name, fmt(r.rps, r.rps < 1000 ? 1 : 0), fmt(r.p99, r.p99 < 10 ? 1 : 0), fmt(r.cpu), r.busy === null ? '' : `${fmt(r.busy * 100)} %`, r.base, r.ratio === null ? '' : pct(r.ratio),
  r.cpuRatio === null ? '' : pct(r.cpuRatio), r.aim === null ? '' : `≥ ${r.aim * 100} %`, r.aim === null ? '' : verdict(r.ratio! >= r.aim), String(r.errors),
  r.other === null ? '' : `${fmt(r.other * 100)} %`, String(r.runs),
])];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
const line = (row: string[]) => `| ${row.map((c, i) => (left.has(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
const out = [
  `Latchkey benchmark — ${machine}, load average ${load0.toFixed(2)} at start`,
  '',
  line(table[0]!),
  `|${widths.map((w, i) => (left.has(i) ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  ...table.slice(1).map(line),
  '',
  `Event-loop delay (monitorEventLoopDelay, ${lk.eld.signIn.resolutionMs} ms sampling; p99 beyond the sampling interval):`,
  `  during sign-in load: ${fmt(eldExcess, 1)} ms (p50 ${fmt(lk.eld.signIn.p50, 1)}, p99 ${fmt(lk.eld.signIn.p99, 1)}, max ${fmt(lk.eld.signIn.max, 1)} ms)`,
  `  idle: ${fmt(excess(lk.eld.idle), 1)} ms; idle while another process hashes on both cores: ${fmt(excess(lk.eld.busyMachine), 1)} ms (max ${fmt(lk.eld.busyMachine.max, 1)} ms)`,
  `  one argon2id hash takes ${fmt(raw.singleMedianMs, 1)} ms alone; aim: under sign-in load, p99 < one hash: ${verdict(eldExcess < eldLimit)}`,
  `MFA verify: ${fmt(lk.verify.requests)} challenges verified in ${fmt(lk.verify.seconds, 1)} s, each once, by its own session (${fmt(lk.verify.prepareSeconds, 1)} s to prepare them, not measured)`,
  `Raw argon2id: ${SIGN_IN_CONCURRENCY} in flight on libuv's pool of ${raw.threadpool} threads; sign-in: ${SIGN_IN_CONCURRENCY} connections`,
  `Rounds of bare Fastify, session info and verification, back to back: ${lk.roundRatios.length}; session info ÷ bare Fastify in each: ${lk.roundRatios.map((r) => pct(r.session)).join(', ')};`,
  `  verification ÷ bare Fastify in each: ${lk.roundRatios.map((r) => pct(r.verify)).join(', ')} (each row is from its median round; bare Fastify's row from the verification's; session info's round had bare Fastify at ${fmt(sessionBase.rps)} req/s)`,
  `Sign-in ÷ raw argon2id in each of ${lk.pairRatios.length} alternating pairs of runs: ${lk.pairRatios.map(pct).join(', ')} (the median pair is in the table)`,
  'Loop busy: the server\'s event-loop thread\'s CPU time ÷ the run\'s wall time. In the HTTP rows, well under 100 % means the load generator (autocannon, one thread here) set the pace; sign-in is paced by the hashing threads.',
  `Total bench time: ${fmt((performance.now() - started) / 1000)} s`,
];
process.stdout.write(`\n${out.join('\n')}\n`);
if (rows.some((r) => r.errors > 0)) process.stdout.write('\nWARNING: some requests did not succeed (errors column); those figures are not comparable.\n');
if (args.postgres) {
  process.stdout.write('\nWith --postgres, the other load of the Latchkey rows includes PostgreSQL itself, and their CPU column covers the Node process only.\n');
}
if (rows.some((r) => (r.other ?? 0) > QUIET && !(args.postgres && r.name.startsWith('Latchkey')))) {
  process.stdout.write('\nWARNING: other processes used over 10 % of the machine during some scenarios (other load column): run again on a quiet machine.\n');
}
if (args.json) writeFileSync(args.json, `${JSON.stringify({ machine, loadAverage: load0, bare, latchkey: lk }, null, 2)}\n`);
process.exit(0);
