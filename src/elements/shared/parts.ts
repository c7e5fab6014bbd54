import { h } from './dom.ts';

/** A screen's heading: focusable from script only (tabindex -1), since a screen change moves focus to it. */
export const heading = (text: string) => h('h2', { tabindex: -1 }, text);

/** Words to wait with, and a spinner screen readers skip. */
export const loading = (text: string) =>
  h('div', { class: 'loading' }, h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('span', {}, text));
