import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { configFromEnv, type Config } from '../../src/config.ts';
import { composeLatchkey, type Latchkey } from '../../src/registry.ts';
import { createLogger } from '../../src/logger.ts';
import { buildApp } from '../../src/http/app.ts';
import { argon2Hasher } from '../../src/adapters/argon2-hasher.ts';
import { installAdminToken } from '../../src/sandbox/seed.ts';
import { createTestDatabase, type Backend } from './backends.ts';
import type { App } from '../../src/http/types.ts';

/** A controllable time source under the server's clock. */
export class TestTime {
  ms = Date.UTC(2026, 0, 15, 12, 0, 0);
  now = () => this.ms;
  advance(ms: number) {
    this.ms += ms;
  }
}

export const ADMIN_TOKEN = 'test-admin-token';
export const PASSWORD = 'correct horse battery staple';

export interface Harness {
  lk: Latchkey;
  app: App;
  time: TestTime;
  backend: Backend;
  /** Calls the API in process (no socket). */
  call(method: InjectOptions['method'], url: string, opts?: { body?: unknown; devKey?: string; session?: string; admin?: boolean; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  config?: Partial<Config>;
  /** Run the background worker (default true). */
  worker?: boolean;
  /** Share this PostgreSQL database (another server process's) instead of creating one. */
  databaseUrl?: string;
  /** Capture the server's log, at the configured LOG_LEVEL, line by line (instead of a silent logger). */
  logLines?: string[];
}

/** Polls `probe` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/**
 * A real Latchkey (real database, real argon2id with cheaper parameters, real HTTP
 * stack through inject) with a clock the test moves.
 */
export async function createHarness(backend: Backend, opts: HarnessOptions = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-test-'));
  const pgdb = backend === 'postgres' && !opts.databaseUrl ? await createTestDatabase() : null;
  const config: Config = {
    ...configFromEnv({ LATCHKEY_SANDBOX: 'true', LOG_LEVEL: 'silent', ...opts.env }),
    dataDir,
    databaseUrl: opts.databaseUrl ?? pgdb?.url,
    ...opts.config,
  };
  const time = new TestTime();
  const lk = await composeLatchkey(config, {
    logger: opts.logLines ? createLogger(config.logLevel, { write: (s: string) => void opts.logLines!.push(s) }) : createLogger('silent'),
    clockBase: time.now,
    hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
    sqliteFile: ':memory:',
  });
  await installAdminToken(lk, ADMIN_TOKEN);
  const app = await buildApp(lk);
  await app.ready();
  if (opts.worker !== false) lk.startWorker({ pollIntervalMs: 20, webhookTimeoutMs: 2_000 });
  return {
    lk, app, time, backend,
    call(method, url, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.devKey) headers['x-dev-key'] = o.devKey;
      if (o.session) headers.authorization = `Bearer ${o.session}`;
      if (o.admin) headers.authorization = `Bearer ${ADMIN_TOKEN}`;
      const req: InjectOptions = { method, url, headers };
      if (o.body !== undefined) req.payload = o.body as InjectOptions['payload'];
      return app.inject(req);
    },
    async close() {
      await app.close();
      await lk.close();
      await pgdb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
