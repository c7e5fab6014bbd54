import { h } from '../shared/dom.ts';

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/**
 * "Time left 9:58", ticking each second from the server's `expiresInSeconds`
 * (not from `expiresAt`: the browser's clock may disagree with the server's).
 * A `role="timer"` is not announced every second; one polite line is, at a minute left.
 */
export function countdown(seconds: number, announce: (text: string) => void): { el: HTMLElement } & Ticking {
  const end = performance.now() + seconds * 1000;
  const value = h('span', { role: 'timer', 'aria-atomic': 'true' });
  const el = h('p', { class: 'muted', 'data-countdown': '' }, 'Time left to answer: ', value);
  let warned = seconds <= 60;
  let timer: ReturnType<typeof setInterval> | undefined;
  /** Shows the time left; true while some is. */
  const tick = (): boolean => {
    const left = Math.max(0, Math.ceil((end - performance.now()) / 1000));
    value.textContent = left > 0 ? clock(left) : 'time is up';
    if (!warned && left <= 60) {
      warned = true;
      announce('One minute left to answer.');
    }
    if (left === 0) clearInterval(timer);
    return left > 0;
  };
  const stop = () => clearInterval(timer);
  const start = () => {
    stop();
    if (tick()) timer = setInterval(tick, 1000);
  };
  start();
  return { el, stop, start };
}

/** Something the Element runs on a timer while it is on the page: stopped when it is removed, started again when it is put back. */
export interface Ticking {
  stop(): void;
  start(): void;
}
