import type { App } from '../http/types.ts';
import type { Latchkey } from '../registry.ts';
import type { SandboxCredentials } from '../sandbox/seed.ts';

/**
 * A vendor's wire format spoken over the same engine: a thin translator that holds
 * no state and no rules of its own. One folder under src/dialects/ plus one line in
 * src/dialects/index.ts.
 */
export interface Dialect {
  /** Short name, e.g. 'bill-v2'. */
  readonly name: string;
  /** Where it is mounted, so a vendor client needs only its base URL changed (e.g. '/bill/api/v2'). */
  readonly prefix: string;
  /**
   * Registers the routes inside the dialect's own encapsulated plugin: its own
   * content-type parsers, error handler (the vendor's error envelope) and not-found handler.
   */
  register(app: App, lk: Latchkey): Promise<void>;
  /**
   * The key of data/sandbox.json under which this dialect's clients find their
   * credentials, and how to make them (called once the sandbox is seeded).
   */
  readonly sandboxKey?: string;
  sandboxCredentials?(lk: Latchkey, sandbox: SandboxCredentials): Promise<Record<string, unknown>>;
}
