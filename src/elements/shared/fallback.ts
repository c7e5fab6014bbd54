import { h } from './dom.ts';
import { heading } from './parts.ts';

/**
 * What the user sees when an Element fails and the page did not handle the
 * `error` event (seed 000): no control the page must answer, and a Close
 * button that only hides the Element.
 */
export function fallbackScreen(close: () => void): HTMLElement {
  return h('div', { class: 'stack', 'data-screen': 'fallback' },
    heading('This isn\u2019t available right now'),
    h('p', {}, 'Something went wrong on our side. You can close this and continue; please try again later.'),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: close }, 'Close')));
}
