import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { configFromEnv, limitEnvNames, limitsFromEnv, type Config } from '../../src/config.ts';
import { DEFAULT_LIMITS, type Limits } from '../../src/core/limits.ts';

/**
 * The README's configuration tables are the code's truth: every environment
 * variable src/config.ts reads and every limit in src/core/limits.ts is listed
 * once, with the default the code uses.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const configSource = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');

/** The rows of the tables under "## Configuration": variable → cells after the name. */
function configurationRows(): Map<string, string[]> {
  const start = readme.indexOf('\n## Configuration');
  assert.ok(start >= 0, 'README.md has no "## Configuration" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const m = /^\| `([A-Z][A-Z0-9_]*)` \|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    assert.ok(!rows.has(m[1]!), `${m[1]} is listed twice`);
    rows.set(m[1]!, m[2]!.split('|').map((c) => c.trim()));
  }
  return rows;
}

/** The non-limit variables src/config.ts reads, and the Config field each sets. */
const SERVER_VARS: Record<string, keyof Config> = {
  HOST: 'host',
  PORT: 'port',
  LATCHKEY_DATA_DIR: 'dataDir',
  DATABASE_URL: 'databaseUrl',
  LATCHKEY_SANDBOX: 'sandbox',
  LATCHKEY_ADMIN_TOKEN: 'adminToken',
  LATCHKEY_ENCRYPTION_KEYS: 'encryptionKeys',
  LATCHKEY_MAC_KEY: 'macKey',
  LATCHKEY_SMTP_URL: 'smtpUrl',
  LATCHKEY_SMTP_FROM: 'smtpFrom',
  LATCHKEY_SMS_WEBHOOK_URL: 'smsWebhookUrl',
  LATCHKEY_SMS_WEBHOOK_SECRET: 'smsWebhookSecret',
  LOG_LEVEL: 'logLevel',
  LATCHKEY_BODY_LIMIT_BYTES: 'bodyLimitBytes',
  LATCHKEY_HASH_CONCURRENCY: 'hashConcurrency',
  LATCHKEY_CONTEXT_CACHE_MS: 'contextCacheMs',
  LATCHKEY_POLICY: 'policy',
};

describe('README configuration tables', () => {
  const rows = configurationRows();
  const limitNames = limitEnvNames();

  it('this test knows every variable src/config.ts reads', () => {
    const read = new Set([...configSource.matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!));
    assert.deepEqual([...read].sort(), Object.keys(SERVER_VARS).sort(), 'update SERVER_VARS and the README table');
  });

  it('lists every variable once, and nothing else', () => {
    const expected = [...Object.keys(SERVER_VARS), ...Object.values(limitNames)].sort();
    assert.deepEqual([...rows.keys()].sort(), expected);
  });

  it('gives each server variable its default and meaning', () => {
    const defaults = configFromEnv({});
    for (const [name, field] of Object.entries(SERVER_VARS)) {
      const [dflt = '', meaning = ''] = rows.get(name) ?? [];
      const value = defaults[field];
      const unset = value === undefined || (typeof value === 'object' && Object.keys(value).length === 0);
      if (unset) assert.match(dflt, /^unset/, `${name}: the code's default is unset`);
      else if (field === 'hashConcurrency') assert.match(dflt, /availableParallelism/, `${name}: the default is the machine's core count`);
      else assert.ok(dflt.includes(`\`${String(value)}\``), `${name}: default should show \`${String(value)}\`, found "${dflt}"`);
      assert.ok(meaning.length > 10, `${name}: say what it means`);
    }
  });

  it('gives each limit its variable, default, meaning and source', () => {
    for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
      const name = limitNames[key];
      assert.equal(limitsFromEnv({ [name]: '7' })[key], 7, `${name} does not set ${key}`);
      const [dflt = '', meaning = '', source = ''] = rows.get(name) ?? [];
      assert.equal(dflt, `\`${DEFAULT_LIMITS[key]}\``, `${name}: default`);
      assert.ok(meaning.length > 10, `${name}: say what it means`);
      assert.ok(source.length > 3, `${name}: say where the default comes from`);
    }
  });
});
