import type { Problem } from '@latchkey/client';

/**
 * The one error payload every Element emits (docs/elements.md, "Errors").
 * Only unrecoverable problems become `error` events; the rest are banners.
 */
export type ElementErrorCode = 'WIDGET_INTERNAL_ERROR' | 'LAUNCH_REQUIREMENTS_NOT_MET';
export type LaunchReason = 'INVALID_CONFIG' | 'DEV_KEY_INVALID' | 'SESSION_INVALID' | 'ORIGIN_NOT_ALLOWED' | 'USER_CONTEXT_MISMATCH' | 'SESSION_NOT_SUPPORTED';

export interface ElementErrorPayload {
  code: ElementErrorCode;
  /** Why the launch requirements are not met (only with LAUNCH_REQUIREMENTS_NOT_MET). */
  reason?: LaunchReason;
  /** For the page's developer, not the user. */
  message: string;
  /** The Element's name (`mfa`, `connect`) and the id it was registered with. */
  element: string;
  elementId: string;
  /** The HTTP status and Latchkey error code behind it, when a server answer caused it. */
  status?: number;
  problemCode?: string;
}

/** Thrown inside an Element to end it with an `error` event. */
export class ElementFailure extends Error {
  readonly code: ElementErrorCode;
  readonly reason: LaunchReason | undefined;
  readonly status: number | undefined;
  readonly problemCode: string | undefined;
  constructor(code: ElementErrorCode, message: string, opts: { reason?: LaunchReason; status?: number; problemCode?: string } = {}) {
    super(message);
    this.name = 'ElementFailure';
    this.code = code;
    this.reason = opts.reason;
    this.status = opts.status;
    this.problemCode = opts.problemCode;
  }
}

/** A server problem the Element cannot show as a banner: it ends the Element, keeping the problem for the developer. */
export const problemFailure = (p: Problem) =>
  new ElementFailure('WIDGET_INTERNAL_ERROR', `${p.code}: ${p.detail}`, { status: p.status, problemCode: p.code });

export const launchFailure = (reason: LaunchReason, message: string, opts: { status?: number; problemCode?: string } = {}) =>
  new ElementFailure('LAUNCH_REQUIREMENTS_NOT_MET', message, { reason, ...opts });

/** Any error as the payload: unknown errors are WIDGET_INTERNAL_ERROR, their text kept for the developer only. */
export function errorPayload(err: unknown, element: string, elementId: string): ElementErrorPayload {
  const f = err instanceof ElementFailure ? err : new ElementFailure('WIDGET_INTERNAL_ERROR', err instanceof Error ? err.message : String(err));
  const p: ElementErrorPayload = { code: f.code, message: f.message, element, elementId };
  if (f.reason) p.reason = f.reason;
  if (f.status !== undefined) p.status = f.status;
  if (f.problemCode) p.problemCode = f.problemCode;
  return p;
}
