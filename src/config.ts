import { DEFAULT_LIMITS, type Limits } from './core/limits.ts';
import { DEFAULT_HASH_CONCURRENCY } from './adapters/argon2-hasher.ts';
import { DEFAULT_CONTEXT_CACHE } from './storage/context-cache.ts';
import type { Policy, Requirement } from './core/policy/policy.ts';

/** Server configuration, read once from the environment (README, "Configuration"). */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Sandbox mode: seeds a sandbox organization, keeps messages in the outbox, allows time travel. */
  sandbox: boolean;
  adminToken: string | undefined;
  /** `id:base64key,…`, first is current. Generated into the data directory in sandbox mode when unset. */
  encryptionKeys: string | undefined;
  /** Base64 key for keyed digests of codes. Generated like the encryption keys in sandbox mode. */
  macKey: string | undefined;
  smtpUrl: string | undefined;
  smtpFrom: string;
  smsWebhookUrl: string | undefined;
  smsWebhookSecret: string | undefined;
  logLevel: string;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** Password hashes computed at once (argon2id on libuv's pool); more wait their turn. */
  hashConcurrency: number;
  /** How long a session's context is answered from memory (0: never); see withContextCache. */
  contextCacheMs: number;
  limits: Limits;
  /** Operations added to (or overriding) the built-in policy, from LATCHKEY_POLICY (JSON). */
  policy: Policy;
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/** Each limit can be overridden by LATCHKEY_<NAME_IN_SNAKE_CASE>, e.g. LATCHKEY_SESSION_IDLE_MINUTES. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as (keyof Limits)[]) {
    const name = `LATCHKEY_${snake(key)}`;
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    const min = key === 'totpDriftSteps' || key === 'institutionRetries' ? 0 : 1;
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}".`);
    limits[key] = value;
  }
  return limits;
}

export function limitEnvNames(): Record<keyof Limits, string> {
  return Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((k) => [k, `LATCHKEY_${snake(k)}`])) as Record<keyof Limits, string>;
}

/** A whole-number variable of at least `min` (1 unless said), or `fallback` when unset. */
function wholeNumber(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be ${min === 1 ? 'a positive whole number' : `a whole number of at least ${min}`}, got "${raw}".`);
  }
  return value;
}

function bool(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(raw.toLowerCase());
}

function isRequirement(v: unknown): v is Requirement {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  if (r.level === 'session') return r.write === undefined || typeof r.write === 'boolean';
  return r.level === 'mfa' && (r.withinMinutes === undefined || (typeof r.withinMinutes === 'number' && r.withinMinutes > 0));
}

/**
 * LATCHKEY_POLICY: a JSON object of operation name → requirement, e.g.
 * {"wire_transfer":{"level":"mfa","withinMinutes":5},"export_data":{"level":"session","write":true}}.
 */
export function policyFromEnv(raw: string | undefined): Policy {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('LATCHKEY_POLICY must be a JSON object of operation → requirement.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('LATCHKEY_POLICY must be a JSON object.');
  for (const [op, req] of Object.entries(parsed)) {
    if (!/^[a-z][a-z0-9_]*$/.test(op)) throw new Error(`LATCHKEY_POLICY: operation "${op}" must be snake_case.`);
    if (!isRequirement(req)) throw new Error(`LATCHKEY_POLICY: "${op}" needs {"level":"session"} or {"level":"mfa","withinMinutes"?: number}.`);
  }
  return parsed as Policy;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${env.PORT}".`);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: env.LATCHKEY_DATA_DIR ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    sandbox: bool(env.LATCHKEY_SANDBOX, true),
    adminToken: env.LATCHKEY_ADMIN_TOKEN || undefined,
    encryptionKeys: env.LATCHKEY_ENCRYPTION_KEYS || undefined,
    macKey: env.LATCHKEY_MAC_KEY || undefined,
    smtpUrl: env.LATCHKEY_SMTP_URL || undefined,
    smtpFrom: env.LATCHKEY_SMTP_FROM ?? 'Latchkey <no-reply@latchkey.local>',
    smsWebhookUrl: env.LATCHKEY_SMS_WEBHOOK_URL || undefined,
    smsWebhookSecret: env.LATCHKEY_SMS_WEBHOOK_SECRET || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimitBytes: wholeNumber('LATCHKEY_BODY_LIMIT_BYTES', env.LATCHKEY_BODY_LIMIT_BYTES, 65_536),
    hashConcurrency: wholeNumber('LATCHKEY_HASH_CONCURRENCY', env.LATCHKEY_HASH_CONCURRENCY, DEFAULT_HASH_CONCURRENCY),
    contextCacheMs: wholeNumber('LATCHKEY_CONTEXT_CACHE_MS', env.LATCHKEY_CONTEXT_CACHE_MS, DEFAULT_CONTEXT_CACHE.ttlMs, 0),
    limits: limitsFromEnv(env),
    policy: policyFromEnv(env.LATCHKEY_POLICY),
  };
}
