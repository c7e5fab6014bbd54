import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv } from '../../../src/config.ts';
import { composeLatchkey } from '../../../src/registry.ts';
import { createLogger } from '../../../src/logger.ts';
import { buildApp } from '../../../src/http/app.ts';

/**
 * The server's OpenAPI document, from an app built in process (sandbox mode, so
 * the sandbox operations are described too; in-memory database, nothing kept).
 */
export async function serverOpenApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-sdk-'));
  const lk = await composeLatchkey({ ...configFromEnv({ LATCHKEY_SANDBOX: 'true', LOG_LEVEL: 'silent' }), dataDir }, { logger: createLogger('silent'), sqliteFile: ':memory:' });
  try {
    const app = await buildApp(lk);
    await app.ready();
    const doc = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return doc;
  } finally {
    await lk.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
