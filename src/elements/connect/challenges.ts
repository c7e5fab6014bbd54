import { h, uid } from '../shared/dom.ts';
import { field } from '../shared/field.ts';
import { heading, loading } from '../shared/parts.ts';
import type { Challenge } from './types.ts';
import type { Action } from './screens.ts';

/** The institution's challenges, rendered natively: one form per round, every type. */

export interface Answer { challengeId: string; value: string }

interface Part { el: HTMLElement; focus: HTMLElement; value(): string; invalid(on: boolean): void; clear(): void }

const SENT_BY: Record<string, string> = { sms: 'Sent by text message to', email: 'Sent by email to', phone_call: 'Given in a call to' };

function textPart(c: Challenge, institution: string): Part {
  const code = c.type === 'code_sent' || c.type === 'code_generated';
  // Institution codes may hold letters, so no numeric keyboard; one-time-code still lets the platform fill a texted code.
  const input = h('input', { type: 'text', name: c.challengeId, autocomplete: code ? 'one-time-code' : 'off', autocapitalize: 'none', spellcheck: 'false', maxlength: 1000, ...(code ? { class: 'code' } : {}) });
  const hint = c.type === 'code_sent' && c.medium ? `${SENT_BY[c.medium.type] ?? 'Sent to'} ${c.medium.label}.` : null;
  const image = c.type === 'image_data' && c.image ? h('img', { class: 'challenge-image', src: c.image, alt: `Picture from ${institution} to read` }) : null;
  const el = h('div', { class: 'stack', 'data-challenge': c.type }, image, field(c.label, input, hint));
  return {
    el, focus: input, value: () => input.value.trim(), clear: () => void (input.value = ''),
    invalid: (on) => (on ? input.setAttribute('aria-invalid', 'true') : input.removeAttribute('aria-invalid')),
  };
}

function choicePart(c: Challenge): Part {
  const name = uid('choice');
  const radios = c.options.map((o) => h('input', { type: 'radio', name, value: o.optionId }));
  const legend = h('legend', { id: uid('legend') }, c.label);
  // A radiogroup (not a plain group) may carry aria-invalid.
  const el = h('fieldset', { role: 'radiogroup', 'aria-labelledby': legend.id, 'data-challenge': c.type, class: c.type === 'image_options' ? 'images' : '' }, legend,
    ...c.options.map((o, i) => h('label', { class: 'choice' }, radios[i]!,
      o.image ? h('img', { src: o.image, alt: '', width: 96 }) : null,
      h('span', {}, o.label))));
  return {
    el, focus: radios[0]!,
    value: () => radios.find((r) => r.checked)?.value ?? '',
    clear: () => undefined, // a choice among the institution's own options is no secret
    invalid: (on) => (on ? el.setAttribute('aria-invalid', 'true') : el.removeAttribute('aria-invalid')),
  };
}

/** A round of questions, options, codes and images, answered together. */
export function roundScreen(o: {
  institution: string; challenges: Challenge[]; retry: boolean; timer: HTMLElement;
  onSubmit: (answers: Answer[]) => void; onMissing: (label: string) => void; another: Action;
}): { screen: HTMLElement; focus: HTMLElement | null } {
  const parts = o.challenges.map((c) => [c, c.type === 'options' || c.type === 'image_options' ? choicePart(c) : textPart(c, o.institution)] as const);
  const form = h('form', { novalidate: true }, ...parts.map(([, p]) => p.el),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Continue'), linkButton(o.another)));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    for (const [, p] of parts) p.invalid(false);
    const missing = parts.find(([, p]) => p.value() === '');
    if (missing) {
      missing[1].invalid(true);
      missing[1].focus.focus();
      return o.onMissing(missing[0].label);
    }
    const answers = parts.map(([c, p]) => ({ challengeId: c.challengeId, value: p.value() }));
    // Answers and codes leave the DOM as soon as they are read, as passwords do; a refused round asks again.
    for (const [, p] of parts) p.clear();
    o.onSubmit(answers);
  });
  const single = o.challenges.length === 1;
  const screen = h('div', { class: 'stack', 'data-screen': 'challenge', 'data-types': o.challenges.map((c) => c.type).join(' ') },
    heading(o.retry ? `${o.institution} asks again` : `${o.institution} needs to verify it\u2019s you`),
    h('p', { class: 'muted' }, single ? 'Answer to continue.' : o.challenges.length === 2 ? 'Answer both to continue.' : `Answer all ${o.challenges.length} to continue.`),
    o.timer, form);
  // Straight to the one thing to fill in; with several, the heading first so the count is heard.
  return { screen, focus: single ? parts[0]![1].focus : null };
}

/** A prompt: nothing to type; the user approves in the institution's app while this waits, with the time left. */
export function promptScreen(o: { institution: string; challenge: Challenge; timer: HTMLElement; another: Action }): HTMLElement {
  return h('div', { class: 'stack', 'data-screen': 'prompt' },
    // The institution's label says where to approve; the heading only says what this is.
    heading(`${o.institution} needs your approval`),
    h('p', {}, o.challenge.label),
    loading('Waiting for your approval\u2026 This page updates by itself.'),
    o.timer,
    h('div', { class: 'actions' }, linkButton(o.another)));
}

const linkButton = (a: Action) => h('button', { type: 'button', class: 'link', onclick: () => a.run() }, a.label);
