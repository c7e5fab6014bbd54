import type { Logger } from 'pino';
import type { ConnectionDeps } from '../core/connection/deps.ts';
import { claimNextJob, runJob, scheduleRefreshes } from '../core/connection/job-runner.ts';
import { expireChallenges } from '../core/connection/outcomes.ts';
import { deliverNext } from '../webhooks/webhooks.ts';
import { purgeExpired } from '../core/retention.ts';

export interface WorkerOptions {
  /** How often the worker looks for due work when nothing woke it. */
  pollIntervalMs: number;
  /** Jobs run at once (a slow institution must not hold up the others). */
  concurrency: number;
  webhookTimeoutMs: number;
  /** Sandbox: webhooks may go to receivers on this machine. */
  allowPrivateWebhooks: boolean;
  /** How often expired rows are deleted (purgeExpired), by real time or the server's clock; the first time when the worker starts. */
  purgeIntervalMs: number;
}

export interface BackgroundWorker {
  /** Look for work now (a job was queued, the clock moved). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * The process's background loop: runs due connection jobs, expires unanswered
 * challenges, starts scheduled refreshes, delivers webhooks and deletes expired rows. Several processes
 * may run it against one PostgreSQL database: every claim is a lease.
 */
export function startBackgroundWorker(deps: ConnectionDeps, logger: Logger, opts: WorkerOptions): BackgroundWorker {
  let stopped = false;
  let inFlight = 0;
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let ticking = false;
  let again = false;

  const track = (p: Promise<unknown>) => {
    const done = p.then(() => undefined, (err: unknown) => logger.error({ err: (err as Error).message }, 'background work failed'))
      .finally(() => {
        running.delete(done);
        inFlight -= 1;
        wake();
      });
    running.add(done);
  };

  let lastSweep = -Infinity;
  let lastPurge = -Infinity;
  let lastPurgeAt = -Infinity; // by the server's clock, which the sandbox can move forward
  async function tick(): Promise<void> {
    // Sweeps look at every connection and challenge: on the timer, not on every wake-up.
    if (performance.now() - lastSweep >= opts.pollIntervalMs) {
      lastSweep = performance.now();
      await expireChallenges(deps);
      await scheduleRefreshes(deps);
    }
    // Due by real time, or by the server's clock: after the sandbox's clock jumps, expired rows go at once.
    if (performance.now() - lastPurge >= opts.purgeIntervalMs || deps.clock.now() - lastPurgeAt >= opts.purgeIntervalMs) {
      lastPurge = performance.now();
      lastPurgeAt = deps.clock.now();
      await purge();
    }
    while (!stopped && inFlight < opts.concurrency) {
      const job = await claimNextJob(deps);
      if (!job) break;
      inFlight += 1;
      track(runJob(deps, job));
    }
    while (!stopped && (await deliverNext(deps, { timeoutMs: opts.webhookTimeoutMs, allowPrivate: opts.allowPrivateWebhooks }))) { /* drain due deliveries */ }
  }

  async function purge(): Promise<void> {
    const { expiredBefore, ...core } = await purgeExpired(deps);
    const purged = { ...core, ...(await deps.connections.retention.purge(expiredBefore)) };
    if (Object.values(purged).some((n) => n > 0)) logger.info({ purged, expiredBefore: new Date(expiredBefore).toISOString() }, 'deleted expired rows');
  }

  function schedule(ms: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
    timer.unref?.();
  }

  async function run(): Promise<void> {
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      await tick();
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'background tick failed');
    } finally {
      ticking = false;
    }
    if (again) {
      again = false;
      schedule(0);
    } else schedule(opts.pollIntervalMs);
  }

  function wake() {
    schedule(0);
  }

  schedule(0);
  return {
    wake,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      while (ticking) await new Promise((r) => setTimeout(r, 10));
      await Promise.allSettled([...running]);
    },
  };
}
