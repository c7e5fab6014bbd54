import type { Config } from './config.ts';
import type { App } from './http/types.ts';
import { composeLatchkey, type Latchkey } from './registry.ts';
import { createLogger } from './logger.ts';
import { buildApp } from './http/app.ts';
import { elementsBundle } from './http/elements-bundle.ts';
import { ensureSandbox, installAdminToken, type SandboxCredentials } from './sandbox/seed.ts';

export interface RunningServer {
  lk: Latchkey;
  app: App;
  url: string;
  sandbox: SandboxCredentials | null;
  close(): Promise<void>;
}

/**
 * Composes Latchkey, migrates, seeds the sandbox when in sandbox mode, and listens.
 * `extraRoutes` adds routes before listening (the benchmark's probes).
 */
export async function startServer(config: Config, extraRoutes?: (app: App, lk: Latchkey) => void): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const lk = await composeLatchkey(config, { logger });
  const app = await buildApp(lk);
  extraRoutes?.(app, lk);
  // Bundled before listening: a broken Element fails the start, and the first page gets it at once.
  await elementsBundle();
  await app.listen({ host: config.host, port: config.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  let sandbox: SandboxCredentials | null = null;
  if (config.sandbox) sandbox = await ensureSandbox(lk, url);
  else if (config.adminToken) await installAdminToken(lk, config.adminToken);
  lk.startWorker();
  return {
    lk, app, url, sandbox,
    async close() {
      await app.close();
      await lk.close();
    },
  };
}
