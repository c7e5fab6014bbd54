import { createLatchkeyClient, isProblem, type LatchkeyClient, type Problem } from '@latchkey/client';
import type { BootConfig } from './config.ts';
import { ElementFailure, launchFailure, problemFailure } from './errors.ts';

/** A server answer an Element shows as a banner: anything but a launch problem or an internal error. */
export type Outcome<T> = { ok: true; data: T; status?: number } | { ok: false; problem: Problem; retryAfterSeconds: number | undefined };

type Call<T> = (client: LatchkeyClient) => Promise<{ data?: T; error?: unknown; response: Response }>;

/** Problems that mean the page launched the Element without what it needs. */
const LAUNCH_PROBLEMS = {
  LK_ERR_DEV_KEY_INVALID: ['DEV_KEY_INVALID', 'The developer key (bootConfig.key) was refused.'],
  LK_ERR_SESSION_INVALID: ['SESSION_INVALID', 'The session (bootConfig.getSessionId) was refused, also after onAuthFailed.'],
  LK_ERR_ORIGIN_NOT_ALLOWED: ['ORIGIN_NOT_ALLOWED', 'This page\'s origin is not in the organization\'s allowedOrigins.'],
} as const;

/**
 * The Elements' only way to the server: the typed SDK, with the page's session,
 * one retry after `onAuthFailed`, and failures sorted into "end the Element"
 * (thrown ElementFailure) and "show a banner" (a returned problem).
 */
export class ElementApi {
  readonly client: LatchkeyClient;
  readonly #config: BootConfig;
  readonly #baseUrl: string;
  #refreshing: Promise<unknown> | null = null;
  /** Refreshes finished so far. */
  #refreshes = 0;

  constructor(config: BootConfig, baseUrl: string) {
    this.#config = config;
    this.#baseUrl = baseUrl;
    this.client = createLatchkeyClient({ baseUrl, devKey: config.key, session: () => config.getSessionId() });
  }

  async run<T>(call: Call<T>): Promise<Outcome<T>> {
    const refreshesBefore = this.#refreshes;
    let outcome = await this.#attempt(call);
    if (!outcome.ok && outcome.problem.code === 'LK_ERR_SESSION_INVALID' && this.#config.onAuthFailed) {
      // Concurrent calls share one refresh, so the page is asked once: a call refused while a
      // refresh ran, or after one that finished since the call began, only tries again.
      if (this.#refreshes === refreshesBefore) {
        this.#refreshing ??= Promise.resolve(this.#config.onAuthFailed()).finally(() => {
          this.#refreshing = null;
          this.#refreshes++;
        });
      }
      await this.#refreshing;
      outcome = await this.#attempt(call);
    }
    if (!outcome.ok && outcome.problem.code in LAUNCH_PROBLEMS) {
      const [reason, message] = LAUNCH_PROBLEMS[outcome.problem.code as keyof typeof LAUNCH_PROBLEMS];
      throw launchFailure(reason, message, { status: outcome.problem.status, problemCode: outcome.problem.code });
    }
    return outcome;
  }

  /** Like run, for calls whose problems the Element cannot show either: any problem ends the Element. */
  async must<T>(call: Call<T>): Promise<T> {
    const outcome = await this.run(call);
    if (outcome.ok) return outcome.data;
    throw problemFailure(outcome.problem);
  }

  async #attempt<T>(call: Call<T>): Promise<Outcome<T>> {
    let r: Awaited<ReturnType<Call<T>>>;
    try {
      r = await call(this.client);
    } catch (err) {
      throw new ElementFailure('WIDGET_INTERNAL_ERROR', `Latchkey could not be reached at ${this.#baseUrl} (${err instanceof Error ? err.message : String(err)}).`);
    }
    if (r.response.ok) return { ok: true, data: r.data as T, status: r.response.status };
    const status = r.response.status;
    if (!isProblem(r.error) || status >= 500) {
      throw new ElementFailure('WIDGET_INTERNAL_ERROR', `Latchkey answered HTTP ${status}.`, { status, ...(isProblem(r.error) ? { problemCode: r.error.code } : {}) });
    }
    const retryAfter = Number(r.response.headers.get('retry-after'));
    return { ok: false, problem: r.error, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined };
  }
}
