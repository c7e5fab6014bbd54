import type { BootConfig } from './config.ts';

/**
 * Delivers an event to the page twice: to `onEvent`, then as a CustomEvent on
 * `window` (type = name, detail = payload). Returns whether either called
 * `preventDefault()` — how a page says it handled an `error` (docs/elements.md).
 */
export function emitEvent(config: Pick<BootConfig, 'onEvent'>, elementId: string, name: string, payload: unknown): boolean {
  let handled = false;
  try {
    config.onEvent?.({ name, payload, elementId, preventDefault: () => void (handled = true) });
  } catch (err) {
    // A throwing page handler must not break the Element; the page still sees it in its console.
    setTimeout(() => { throw err; });
  }
  const event = new CustomEvent(name, { detail: payload, cancelable: true });
  if (!window.dispatchEvent(event)) handled = true;
  return handled;
}
