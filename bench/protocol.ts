/** Messages between the benchmark (bench/run.ts, bench/profile.ts) and its child processes. */
import type { SandboxCredentials } from '../src/sandbox/seed.ts';

/** One challenge ready to be verified: the session that verifies it and the code that was sent. */
export interface VerifyItem {
  session: string;
  challengeId: string;
  code: string;
}

export interface EventLoopDelay {
  resolutionMs: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
  samples: number;
}

export interface Argon2Result {
  opsPerSec: number;
  ops: number;
  seconds: number;
  p50: number;
  p99: number;
  singleMedianMs: number;
  cpuUsPerOp: number;
  /** Share of the machine's CPU other processes used meanwhile (see otherLoad in bench/lib.ts). */
  otherLoad: number | null;
  threadpool: number;
}

export type ToChild =
  | { type: 'prepare-verify'; count: number; users: number }
  | { type: 'eld-start' }
  | { type: 'eld-stop' }
  | { type: 'cpu' }
  | { type: 'mark' }
  | { type: 'nice-threadpool'; nice: number };

export type FromChild =
  /** `sandbox`: the credentials startServer returned (the same as <dataDir>/sandbox.json). */
  | { type: 'ready'; url: string; sandbox?: SandboxCredentials }
  | { type: 'verify-items'; items: VerifyItem[] }
  | { type: 'eld-started' }
  | { type: 'niced'; threads: number }
  | ({ type: 'eld' } & EventLoopDelay)
  /** process.cpuUsage() of the child: all its threads, user and system time, in µs. */
  | { type: 'cpu'; us: number; mainUs: number }
  /** The child's monotonic clock in µs, the time base of --cpu-prof profiles (bench/profile.ts). */
  | { type: 'mark'; monotonicUs: number }
  | ({ type: 'argon2' } & Argon2Result)
  | { type: 'error'; message: string };

/** Answers the requests every server child understands. */
export function answerCommon(msg: ToChild): boolean {
  if (msg.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    const main = process.threadCpuUsage();
    process.send!({ type: 'cpu', us: user + system, mainUs: main.user + main.system } satisfies FromChild);
  } else if (msg.type === 'mark') {
    process.send!({ type: 'mark', monotonicUs: Number(process.hrtime.bigint() / 1000n) } satisfies FromChild);
  } else return false;
  return true;
}
