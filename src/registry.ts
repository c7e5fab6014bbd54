import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { CoreDeps } from './core/deps.ts';
import type { PasswordHasher } from './ports/crypto.ts';
import type { Channel } from './ports/channel.ts';
import type { ConnectionDatabase, Database } from './storage/sql/schema.ts';
import type { ConnectionDeps } from './core/connection/deps.ts';
import { institutionRegistry } from './institutions/index.ts';
import { sqlConnectionStore } from './storage/sql/sql-connection-store.ts';
import { EventBus } from './adapters/event-bus.ts';
import { startBackgroundWorker, type BackgroundWorker, type WorkerOptions } from './workers/background-worker.ts';
import { BUILT_IN_POLICY, type Policy } from './core/policy/policy.ts';
import { factorRegistry } from './factors/index.ts';
import { openStore } from './storage/open-database.ts';
import { nodeRandom, nodeSecrets, parseKeyRing } from './adapters/node-crypto.ts';
import { argon2Hasher } from './adapters/argon2-hasher.ts';
import { OffsetClock } from './adapters/sandbox-clock.ts';
import { outboxChannel } from './channels/outbox/outbox-channel.ts';
import { smtpChannel } from './channels/smtp/smtp-channel.ts';
import { smsWebhookChannel } from './channels/sms-webhook/sms-webhook-channel.ts';
import { routeDelivery } from './channels/delivery.ts';
import { resolveServerKeys } from './secrets-config.ts';

const CLOCK_OFFSET_KEY = 'sandbox.clock_offset_ms';

/** The composed server: the core's ports wired to their adapters. */
export interface Latchkey {
  config: Config;
  deps: CoreDeps;
  /** The core's ports for institution connections (a superset of deps). */
  connectionDeps: ConnectionDeps;
  bus: EventBus;
  clock: OffsetClock;
  db: Kysely<Database>;
  policy: Policy;
  logger: Logger;
  /** Moves the sandbox clock forward and persists the offset. */
  advanceClock(ms: number): Promise<void>;
  /** Starts the background worker (jobs, expiry, refreshes, webhooks) in this process. */
  startWorker(opts?: Partial<WorkerOptions>): BackgroundWorker;
  close(): Promise<void>;
}

export const DEFAULT_WORKER: Omit<WorkerOptions, 'allowPrivateWebhooks'> = Object.freeze({
  pollIntervalMs: 500, concurrency: 8, webhookTimeoutMs: 5_000, purgeIntervalMs: 60 * 60_000,
});

export interface ComposeOptions {
  logger: Logger;
  /** Replace the wall clock under the sandbox offset (tests). */
  clockBase?: () => number;
  hasher?: PasswordHasher;
  /** SQLite file name inside dataDir; ':memory:' for tests. */
  sqliteFile?: string;
}

function channels(config: Config, deps: Omit<CoreDeps, 'delivery'>): { sms: Channel; email: Channel; closers: (() => void)[] } {
  const outbox = outboxChannel(deps);
  const closers: (() => void)[] = [];
  let email: Channel = outbox;
  if (config.smtpUrl) {
    const smtp = smtpChannel({ url: config.smtpUrl, from: config.smtpFrom });
    closers.push(() => smtp.close());
    email = smtp;
  }
  const sms = config.smsWebhookUrl && config.smsWebhookSecret
    ? smsWebhookChannel({ url: config.smsWebhookUrl, secret: config.smsWebhookSecret }, deps.clock)
    : outbox;
  return { sms, email, closers };
}

/** The composition root (kratos' driver/registry): the one place that picks adapters from configuration. */
export async function composeLatchkey(config: Config, opts: ComposeOptions): Promise<Latchkey> {
  const persistent = opts.sqliteFile !== ':memory:';
  const keys = resolveServerKeys(config, persistent);
  const { store, db } = await openStore({
    databaseUrl: config.databaseUrl, dataDir: config.dataDir, sqliteFile: opts.sqliteFile,
    onPoolError: (err) => opts.logger.warn({ err: err.message }, 'database connection failed outside a request'), contextCacheMs: config.contextCacheMs,
  });
  const offset = config.sandbox ? Number((await store.settings.get(CLOCK_OFFSET_KEY)) ?? 0) : 0;
  const clock = new OffsetClock(offset, opts.clockBase);
  const base = {
    store, clock, random: nodeRandom, secrets: nodeSecrets(parseKeyRing(keys.encryptionKeys), keys.macKey),
    hasher: opts.hasher ?? argon2Hasher({}, config.hashConcurrency), limits: config.limits, factors: factorRegistry,
  };
  const routes = channels(config, base);
  if (!config.sandbox && (routes.sms.name === 'outbox' || routes.email.name === 'outbox')) {
    opts.logger.warn('No SMS webhook or SMTP server configured: codes go to the outbox, readable only through the admin API.');
  }
  const delivery = routeDelivery(routes, (channel, err) => opts.logger.error({ channel, err: (err as Error).message }, 'delivery failed'));
  const deps: CoreDeps = { ...base, delivery };
  const bus = new EventBus();
  let worker: BackgroundWorker | null = null;
  const connectionDeps: ConnectionDeps = {
    ...deps,
    connections: sqlConnectionStore(db as unknown as Kysely<ConnectionDatabase>, { skipLocked: Boolean(config.databaseUrl) }),
    institutions: institutionRegistry,
    publish: (event) => {
      bus.publish(event);
      worker?.wake();
    },
  };
  return {
    config, deps, connectionDeps, bus, clock, db, policy: Object.freeze({ ...BUILT_IN_POLICY, ...config.policy }), logger: opts.logger,
    async advanceClock(ms) {
      if (!config.sandbox) throw new Error('The clock moves only in sandbox mode.');
      clock.advance(ms);
      await store.settings.set(CLOCK_OFFSET_KEY, String(clock.offsetMs));
      worker?.wake();
    },
    startWorker(overrides = {}) {
      worker ??= startBackgroundWorker(connectionDeps, opts.logger, { ...DEFAULT_WORKER, allowPrivateWebhooks: config.sandbox, ...overrides });
      return worker;
    },
    async close() {
      await worker?.stop();
      for (const close of routes.closers) close();
      await store.close();
    },
  };
}
