const KEY = 'latchkey.deviceId';

/**
 * The name this browser is remembered under: sent as `device` with
 * rememberMe, emitted as mfaSuccess.deviceId, and sent again by the partner as
 * `device` with the rememberMeId at the next sign-in. Kept in the page's own
 * localStorage (never a Latchkey cookie), so one browser keeps one name.
 */
export function deviceIdOf(): string {
  try {
    const known = localStorage.getItem(KEY);
    if (known) return known;
    const made = fresh();
    localStorage.setItem(KEY, made);
    return made;
  } catch {
    // Storage can be blocked (private modes, sandboxed frames): a fresh name still works for this success.
    return fresh();
  }
}

function fresh(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `web-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
