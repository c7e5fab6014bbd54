/** What a partner page passes to `init` (BILL's bootConfig, plus Latchkey's `baseUrl`). */
export interface BootConfig {
  /** The developer key (BILL's devKey), sent as X-Dev-Key. */
  key: string;
  /** The signed-in user's sessionId; asked before every call, so a refreshed one is picked up. */
  getSessionId: () => string | null | undefined | Promise<string | null | undefined>;
  /** The user and organization the page believes are signed in; the Element refuses to run for another. */
  getUserContext?: () => UserContext | Promise<UserContext>;
  /** Called when Latchkey rejects the session; the Element retries once the promise resolves. */
  onAuthFailed?: () => unknown;
  /** Every event, as `{ name, payload, elementId, preventDefault() }`. */
  onEvent?: (event: ElementEventEnvelope) => void;
  /** Latchkey's origin. Default: the origin that served bootloader.js. */
  baseUrl?: string;
}

export interface UserContext {
  userId?: string | null;
  orgId?: string | null;
}

export interface ElementEventEnvelope {
  name: string;
  payload: unknown;
  elementId: string;
  /** Marks an `error` event as handled: the Element then shows no fallback screen. */
  preventDefault(): void;
}

/** The config problems a page can make; each becomes a LAUNCH_REQUIREMENTS_NOT_MET error naming the field. */
export function configProblem(c: Partial<BootConfig> | null | undefined): string | null {
  if (!c || typeof c !== 'object') return 'bootConfig must be an object';
  if (typeof c.key !== 'string' || c.key.length === 0) return 'bootConfig.key (the developer key) is required';
  if (typeof c.getSessionId !== 'function') return 'bootConfig.getSessionId must be a function';
  for (const f of ['getUserContext', 'onAuthFailed', 'onEvent'] as const) {
    if (c[f] !== undefined && typeof c[f] !== 'function') return `bootConfig.${f} must be a function`;
  }
  if (c.baseUrl !== undefined && !/^https?:\/\/[^/]+/.test(String(c.baseUrl))) return 'bootConfig.baseUrl must be an http(s) URL';
  return null;
}
