import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { serve, stop, type Served } from '../../support/serve.ts';
import { launchChromium } from './browser.ts';

/** `npm start` as a newcomer runs it (`latchkey serve` on an empty data directory), and Chromium to open /demo. */
export interface DemoWorld {
  server: Served;
  browser: Browser;
  close(): Promise<void>;
}

export async function startDemo(): Promise<DemoWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-demo-'));
  let server: Served | undefined;
  try {
    server = await serve({ LATCHKEY_DATA_DIR: dataDir });
    const browser = await launchChromium();
    return {
      server, browser,
      async close() {
        await browser.close();
        await stop(server!.child);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    // A half-started world must not leave a server running or a directory behind.
    if (server) await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
