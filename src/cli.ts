#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { configFromEnv, type Config } from './config.ts';
import { composeLatchkey, type Latchkey } from './registry.ts';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openKysely, migrate, SQLITE_FILE } from './storage/open-database.ts';
import { createDevKey, createOrganization, createUser, getOrganizationFor, revokeDevKey } from './core/account/accounts.ts';
import { unlock } from './core/account/lockout.ts';
import { sandboxFile } from './sandbox/seed.ts';
import { resealAll } from './storage/sql/reseal.ts';
import { VERSION } from './http/app.ts';
import { viewOrganization, viewUser } from './http/views.ts';
import { isoTimes } from './http/schemas.ts';
import { LatchkeyError } from './core/errors.ts';

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number');
  return n;
};

/**
 * Runs `fn` against the configured database without starting the HTTP server. An
 * embedded database must already exist: a helper pointed at the wrong directory would
 * otherwise create an empty one and report, say, an empty outbox.
 */
async function withLatchkey<T>(fn: (lk: Latchkey) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  const file = join(config.dataDir, SQLITE_FILE);
  if (!config.databaseUrl && !existsSync(file)) {
    throw new Error(`No Latchkey database at ${file}. Start the server once (npm start), or set LATCHKEY_DATA_DIR (or DATABASE_URL) to the one it uses.`);
  }
  const lk = await composeLatchkey(config, { logger: createLogger('warn') });
  try {
    return await fn(lk);
  } finally {
    await lk.close();
  }
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

function banner(config: Config, url: string, file: string | null): string {
  const lines = [`Latchkey ${VERSION} listening on ${url}`, `  database: ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}`,
    `  API docs: ${url}/docs   OpenAPI: ${url}/openapi.json`];
  if (file) lines.push(`  sandbox mode: credentials in ${file}`);
  return lines.join('\n');
}

const program = new Command('latchkey').version(VERSION).description('Latchkey, the MFA server for financial platforms. Configuration comes from the environment (see README).');

program.command('serve').description('Run the server (migrates first; seeds the sandbox in sandbox mode)').action(async () => {
  const config = configFromEnv();
  const server = await startServer(config);
  process.stdout.write(`${banner(config, server.url, server.sandbox ? sandboxFile(config.dataDir) : null)}\n`);
  if (server.sandbox) {
    const { adminToken, organizationId, devKey, partnerKey, user } = server.sandbox;
    print({ organizationId, devKey, partnerKey, adminToken, user });
  }
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});

program.command('migrate').description('Apply pending database migrations and exit').action(async () => {
  const db = openKysely({ databaseUrl: configFromEnv().databaseUrl, dataDir: configFromEnv().dataDir });
  try {
    const applied = await migrate(db);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
  } finally {
    await db.destroy();
  }
});

program.command('outbox').description('Show messages kept by the outbox channel, newest first')
  .option('--org <organizationId>', 'only this organization')
  .option('--to <destination>', 'only this phone number or email address')
  .option('--limit <n>', 'how many', int, 10)
  .action(async (o: { org?: string; to?: string; limit: number }) => {
    await withLatchkey(async (lk) => {
      const messages = await lk.deps.store.outbox.list({ orgId: o.org, destination: o.to, limit: o.limit });
      for (const m of messages) process.stdout.write(`${new Date(m.createdAt).toISOString()}  ${m.channel}  ${m.destination}\n  ${m.body}\n`);
      if (messages.length === 0) process.stdout.write('The outbox is empty.\n');
    });
  });

const admin = program.command('admin').description('Administration helpers');
admin.command('create-org').description('Create an organization').argument('<name>')
  .option('--no-mfa', 'do not require MFA')
  .action(async (name: string, o: { mfa: boolean }) => withLatchkey(async (lk) => {
    print(isoTimes(viewOrganization(await createOrganization(lk.deps, { name, mfaRequired: o.mfa }))));
  }));
admin.command('create-user').description('Create a user').argument('<organizationId>').argument('<username>')
  .requiredOption('--password <password>', 'initial password, 8 to 1024 characters (required)').option('--phone <e164>', 'E.164 phone number, such as +14155550100').option('--email <address>', 'one plain mailbox')
  .action(async (orgId: string, username: string, o: { password: string; phone?: string; email?: string }) => withLatchkey(async (lk) => {
    const org = await getOrganizationFor(lk.deps, orgId, () => true);
    const user = await createUser(lk.deps, org, { username, password: o.password, phone: o.phone, email: o.email });
    print(isoTimes(viewUser(user, lk.clock.now())));
  }));
admin.command('create-dev-key').description('Create a developer key (shown once)').argument('<organizationId>').argument('<name>')
  .option('--partner', 'partner-level key')
  .action(async (orgId: string, name: string, o: { partner?: boolean }) => withLatchkey(async (lk) => {
    const org = await getOrganizationFor(lk.deps, orgId, () => true);
    const { key, devKey } = await createDevKey(lk.deps, org, { name, partner: o.partner });
    print({ keyId: devKey.id, key, partner: devKey.partner });
  }));
admin.command('unlock').description('Clear an account lock').argument('<userId>').action(async (userId: string) => withLatchkey(async (lk) => {
  const user = await lk.deps.store.users.get(userId);
  if (!user) throw new Error(`No user ${userId}.`);
  await unlock(lk.deps, user, null);
  process.stdout.write(`Unlocked ${userId}.\n`);
}));

admin.command('revoke-dev-key').description('Revoke a developer key (its sessions stop working too)').argument('<keyId>').action(async (keyId: string) => withLatchkey(async (lk) => {
  if (!(await lk.deps.store.devKeys.get(keyId))) throw new Error(`No developer key ${keyId}.`);
  await revokeDevKey(lk.deps, keyId, null);
  process.stdout.write(`Revoked ${keyId}. A running server stops accepting it within 5 seconds.\n`);
}));

admin.command('reseal').description('Seal every stored secret under the current encryption key, so older keys can be removed')
  .action(async () => withLatchkey(async (lk) => {
    const report = await resealAll(lk.db, lk.deps.secrets);
    print(report);
    if (report.unreadable.length > 0) {
      throw new Error(`${report.unreadable.length} value(s) are sealed under a key LATCHKEY_ENCRYPTION_KEYS no longer holds; they cannot be read. Keep every old key until this command reports none.`);
    }
    if (report.stale > 0) {
      throw new Error(`${report.stale} value(s) kept changing while they were resealed: a server may still be running with an older key first. Restart every server with the new key first, then run this again.`);
    }
    process.stdout.write('Every stored secret is sealed under the current key (the first of LATCHKEY_ENCRYPTION_KEYS); the others can now be removed.\n');
  }));

program.parseAsync().catch((err: unknown) => {
  // The API's problem details, on one line: what is wrong, with which field, and the error code.
  const message = err instanceof LatchkeyError ? `${err.field ? `${err.field}: ` : ''}${err.message} (${err.code})` : err instanceof Error ? err.message : String(err);
  process.stderr.write(`latchkey: ${message}\n`);
  process.exit(1);
});
