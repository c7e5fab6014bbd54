import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

export type { components, paths };
/** Every error the native API answers: RFC 9457 problem details with a stable `code` (docs/errors.md). */
export type Problem = components['schemas']['Problem'];
export type LatchkeyClient = Client<paths>;

type MaybePromise<T> = T | Promise<T>;

export interface LatchkeyClientOptions {
  /** The server's origin, e.g. `https://latchkey.example.com` (no `/v1`). */
  baseUrl: string;
  /** The developer key, sent as `X-Dev-Key` on every request. */
  devKey?: string;
  /**
   * The `sessionId` or API token, sent as `Authorization: Bearer …`. A function
   * is asked before every request, so a page can hand over a refreshed session.
   */
  session?: string | (() => MaybePromise<string | null | undefined>);
  /** The admin token for `/v1/admin/*` (server side only; never put it in a page). */
  adminToken?: string;
  /** Another fetch (tests, proxies); defaults to the global one. */
  fetch?: (request: Request) => Promise<Response>;
}

/**
 * A typed client for the whole native API: paths, bodies, answers and errors
 * come from the server's OpenAPI document (`schema.d.ts`), so a call the server
 * would refuse for its shape does not compile.
 *
 * ```ts
 * const lk = createLatchkeyClient({ baseUrl, devKey, session: sessionId });
 * const { data, error } = await lk.GET('/v1/session');
 * ```
 */
export function createLatchkeyClient(options: LatchkeyClientOptions): LatchkeyClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), ...(options.fetch ? { fetch: options.fetch } : {}) });
  client.use(credentials(options));
  return client;
}

function credentials(options: LatchkeyClientOptions): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      const admin = schemaPath.startsWith('/v1/admin/');
      if (options.devKey && !admin) request.headers.set('x-dev-key', options.devKey);
      // A resume with an answer token carries no session: the token is the whole authority (docs/connections.md, "Answer tokens").
      if (request.headers.has('x-answer-token')) return request;
      const bearer = admin ? options.adminToken : typeof options.session === 'function' ? await options.session() : options.session;
      if (bearer) request.headers.set('authorization', `Bearer ${bearer}`);
      return request;
    },
  };
}

/** Whether a value is a Latchkey problem (an `error` from the client, or a parsed body). */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.status === 'number' && typeof v.detail === 'string';
}

/** A problem as an Error, for code that prefers throwing: `const data = orThrow(await lk.GET(...))`. */
export class LatchkeyProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(`${problem.code}: ${problem.detail}`);
    this.name = 'LatchkeyProblemError';
    this.problem = problem;
  }
}

/** The data of a successful answer; a problem is thrown as a LatchkeyProblemError. */
export function orThrow<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined && result.response.status >= 400) {
    const problem = isProblem(result.error) ? result.error : { type: 'about:blank', title: result.response.statusText, status: result.response.status, code: 'LK_ERR_INTERNAL', detail: `HTTP ${result.response.status}` };
    throw new LatchkeyProblemError(problem);
  }
  return result.data as T;
}
