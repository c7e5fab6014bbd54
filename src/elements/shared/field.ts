import { h, uid } from './dom.ts';

/** A labelled input, with an optional hint it is described by. */
export function field(label: string, input: HTMLInputElement, hint?: string | null): HTMLElement {
  input.id ||= uid('input');
  const hintEl = hint ? h('span', { class: 'muted', id: uid('hint') }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input, hintEl);
}
