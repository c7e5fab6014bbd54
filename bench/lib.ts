/** What bench/run.ts and bench/profile.ts share: child processes, Latchkey's environment, load generation. */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { FromChild, ToChild, VerifyItem } from './protocol.ts';
import { sandboxFile, type SandboxCredentials } from '../src/sandbox/seed.ts';

const here = import.meta.dirname;

/** Every limit the benchmark would otherwise run into: it measures work, not 429s. */
export const RAISED_LIMITS = {
  LATCHKEY_SIGN_IN_FAILURES_PER_ACCOUNT: '1000000000',
  LATCHKEY_SIGN_IN_FAILURES_PER_ADDRESS: '1000000000',
  LATCHKEY_CHALLENGES_PER_USER_PER_HOUR: '1000000000',
  // Every round's challenges are prepared before the first round: long runs must not outlive them.
  LATCHKEY_CHALLENGE_TTL_MINUTES: '1440',
};

/** The Latchkey server's environment: 127.0.0.1 on a free port, sandbox mode, a fresh data directory, quiet logs. */
export function latchkeyEnv(dataDir: string, postgres: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env, HOST: '127.0.0.1', PORT: '0', LATCHKEY_SANDBOX: 'true', LATCHKEY_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...RAISED_LIMITS,
  };
  if (!postgres) delete env.DATABASE_URL;
  return env;
}

type Reply<T extends FromChild['type']> = Extract<FromChild, { type: T }>;

/** The next message of `type` from a child; rejects if it reports an error or exits first. */
export function next<T extends FromChild['type']>(proc: ChildProcess, type: T): Promise<Reply<T>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromChild) => {
      if (m.type === 'error') done(new Error(`child failed: ${m.message}`));
      else if (m.type === type) done(null, m as Reply<T>);
    };
    const onExit = (code: number | null) => done(new Error(`child exited (${code}) before sending "${type}"`));
    const done = (err: Error | null, m?: Reply<T>) => {
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      if (err) reject(err);
      else resolve(m!);
    };
    proc.on('message', onMessage);
    proc.on('exit', onExit);
  });
}

export interface Child {
  proc: ChildProcess;
  url: string;
  sandbox: SandboxCredentials | undefined;
  request<T extends FromChild['type']>(msg: ToChild, reply: T): Promise<Reply<T>>;
  /** CPU time the child has used so far (all threads), in µs. */
  /** The child's CPU time so far, in µs: all its threads, and its main thread (the event loop) alone. */
  cpu(): Promise<{ all: number; main: number }>;
  stop(): Promise<void>;
}

/**
 * Forks bench/<file> (the same Node as this process, which runs TypeScript) and waits until it
 * listens. A Latchkey child reports its sandbox credentials; with `dataDir` they are read from
 * <dataDir>/sandbox.json instead, the file startServer writes, as a client of the sandbox would.
 */
export async function spawnChild(file: string, opts: { env?: NodeJS.ProcessEnv; execArgv?: string[]; argv?: string[]; dataDir?: string } = {}): Promise<Child> {
  const proc = fork(join(here, file), opts.argv ?? [], { env: opts.env ?? process.env, execArgv: opts.execArgv ?? [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const request = <T extends FromChild['type']>(msg: ToChild, reply: T) => {
    const answer = next(proc, reply);
    proc.send(msg);
    return answer;
  };
  const ready = await next(proc, 'ready');
  const sandbox = opts.dataDir ? (JSON.parse(readFileSync(sandboxFile(opts.dataDir), 'utf8')) as SandboxCredentials) : ready.sandbox;
  return {
    proc, url: ready.url, sandbox, request,
    cpu: async () => {
      const { us, mainUs } = await request({ type: 'cpu' }, 'cpu');
      return { all: us, main: mainUs };
    },
    stop: () => new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
      setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
    }),
  };
}

export interface Load {
  /** Successful (2xx) requests per second. */
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers, socket errors and timeouts. */
  errors: number;
  seconds: number;
}

export type CannonOptions = Omit<autocannon.Options, 'url'>;

export async function cannon(url: string, opts: CannonOptions): Promise<Load> {
  const started = performance.now();
  let last = started;
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, pipelining: 1, ...opts }, (err, result) => (err ? reject(err) : resolve(result)))
      .on('response', () => void (last = performance.now()));
  });
  // A run of a fixed number of requests is timed to its last response: autocannon notices
  // that it is done only at its next once-a-second sample, and the wait (up to a second,
  // idle) would count against the server. autocannon itself reports whole seconds.
  const seconds = Math.max(1e-3, ((opts.amount ? last : performance.now()) - started) / 1000);
  const ok = r['2xx'];
  return { rps: ok / seconds, p50: r.latency.p50, p99: r.latency.p99, requests: ok, errors: r.non2xx + r.errors + r.timeouts, seconds };
}

export const jsonPost = (path: string, body: unknown, headers: Record<string, string>): autocannon.Request =>
  ({ method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

export const signInBody = (sb: SandboxCredentials) => ({ organizationId: sb.organizationId, username: sb.user.username, password: sb.user.password });

/** Signs the sandbox user in once and returns the sessionId. */
export async function signInOnce(child: Child): Promise<string> {
  const sb = child.sandbox!;
  const r = await fetch(`${child.url}/v1/sessions`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-key': sb.devKey }, body: JSON.stringify(signInBody(sb)),
  });
  if (r.status !== 201) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { sessionId: string }).sessionId;
}

/** Verifies each prepared challenge exactly once, with its own session and the code that was sent; `path` may send them elsewhere (bench/floor.ts). */
export function verifyRequests(items: VerifyItem[], devKey: string, path = (challengeId: string) => `/v1/mfa/challenges/${challengeId}/verify`): CannonOptions {
  let i = 0;
  return {
    amount: items.length,
    requests: [{
      method: 'POST',
      setupRequest: (req) => {
        const it = items[i++ % items.length]!;
        req.path = path(it.challengeId);
        req.headers = { 'content-type': 'application/json', 'x-dev-key': devKey, authorization: `Bearer ${it.session}` };
        req.body = JSON.stringify({ code: it.code });
        return req;
      },
    }],
  };
}

/** The whole machine's CPU time from /proc/stat (Linux; null elsewhere), in µs: busy, and busy + idle. */
export function machineCpu(): { busy: number; total: number } | null {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number) as number[];
    const jiffy = 10_000; // USER_HZ is 100 on Linux
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    return { busy: busy * jiffy, total: (busy + idle! + iowait!) * jiffy };
  } catch {
    return null;
  }
}

/**
 * Share of the machine's CPU that processes other than the benchmark's used between two
 * machineCpu() readings, given the CPU the benchmark's own processes used meanwhile (µs).
 * Other engineers' test runs and compilers on a shared machine show up here.
 */
export function otherLoad(before: ReturnType<typeof machineCpu>, after: ReturnType<typeof machineCpu>, ownUs: number): number | null {
  if (!before || !after || after.total <= before.total) return null;
  return Math.max(0, (after.busy - before.busy - ownUs) / (after.total - before.total));
}
