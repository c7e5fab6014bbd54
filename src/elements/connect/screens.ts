import { h } from '../shared/dom.ts';
import { field } from '../shared/field.ts';
import { heading, loading } from '../shared/parts.ts';
import type { Account, Institution, InstitutionDetail } from './types.ts';

/** The connect Element's screens but the challenges: DOM only, no server calls; each names itself in data-screen. */

export interface SearchScreen { screen: HTMLElement; input: HTMLInputElement; showResults(found: Institution[], query: string): void }

export function searchScreen(o: { onSearch: (query: string) => void; onPick: (institution: Institution) => void }): SearchScreen {
  const input = h('input', { type: 'search', name: 'search', autocomplete: 'off', maxlength: 100, spellcheck: 'false' });
  const list = h('ul', { class: 'results', 'aria-label': 'Institutions' });
  const none = h('p', { class: 'muted', hidden: true });
  input.addEventListener('input', () => o.onSearch(input.value.trim()));
  // Enter in the field picks the first result, as in most pickers.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') list.querySelector('button')?.click();
  });
  const showResults = (found: Institution[], query: string) => {
    list.replaceChildren(...found.map((i) => h('li', {},
      h('button', { type: 'button', class: 'institution', 'data-code': i.code, onclick: () => o.onPick(i) },
        i.logo ? h('img', { src: i.logo.url, alt: '', width: 32, height: 32, loading: 'lazy' }) : h('span', { class: 'monogram', 'aria-hidden': 'true' }, i.name.charAt(0)),
        h('span', {}, h('strong', {}, i.name), h('span', { class: 'muted' }, hostOf(i.url)))))));
    none.hidden = found.length > 0;
    none.textContent = query ? `No institution matches \u201c${query}\u201d.` : 'No institutions are available.';
  };
  const screen = h('div', { class: 'stack', 'data-screen': 'search' },
    heading('Connect your account'),
    h('p', { class: 'muted' }, 'Find your bank or biller, then sign in to it to link your accounts.'),
    field('Search for your institution', input),
    list, none);
  return { screen, input, showResults };
}

const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).host : url);

/** The institution's own credential fields; also the re-authentication form (DENIED, PREVENTED, a password to update). */
export function credentialsScreen(o: {
  institution: InstitutionDetail; reauth: boolean;
  onSubmit: (credentials: Record<string, string>) => void; onMissing: (label: string) => void; onBack?: () => void;
}): { screen: HTMLElement; first: HTMLInputElement | null } {
  const inputs = o.institution.credentialFields.map((f) => h('input', {
    type: f.type, name: f.name, required: true, autocapitalize: 'none', spellcheck: 'false',
    autocomplete: f.type === 'password' ? 'current-password' : f.name === 'username' ? 'username' : 'off',
  }));
  const form = h('form', { novalidate: true },
    ...o.institution.credentialFields.map((f, i) => field(f.label, inputs[i]!)),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, o.reauth ? 'Sign in again' : 'Connect'),
      o.onBack ? h('button', { type: 'button', class: 'link', onclick: () => o.onBack!() }, 'Choose another institution') : null));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    for (const input of inputs) input.removeAttribute('aria-invalid');
    const empty = inputs.findIndex((i) => i.value === '');
    if (empty >= 0) {
      inputs[empty]!.setAttribute('aria-invalid', 'true');
      inputs[empty]!.focus();
      return o.onMissing(o.institution.credentialFields[empty]!.label);
    }
    const credentials = Object.fromEntries(inputs.map((i) => [i.name, i.value]));
    // Secrets leave the DOM as soon as they are read; a failed attempt asks for them again.
    for (const i of inputs) if (i.type === 'password') i.value = '';
    o.onSubmit(credentials);
  });
  return {
    screen: h('div', { class: 'stack', 'data-screen': o.reauth ? 'reauthenticate' : 'credentials' },
      heading(o.reauth ? `Sign in to ${o.institution.name} again` : `Sign in to ${o.institution.name}`),
      h('p', { class: 'muted' }, `We sign in to ${o.institution.name} with these, and keep them encrypted to update your linked accounts later.`),
      form),
    first: inputs[0] ?? null,
  };
}

export function waitingScreen(screen: string, title: string, text: string, extra?: Node | null): HTMLElement {
  return h('div', { class: 'stack', 'data-screen': screen },
    heading(title),
    loading(text),
    extra ?? null);
}

export interface Action { label: string; run: () => void; primary?: boolean }

/** A state that needs the user: what happened, and what they can do about it. */
export function noticeScreen(screen: string, title: string, text: string, actions: Action[], ...extra: (Node | null)[]): HTMLElement {
  return h('div', { class: 'stack', 'data-screen': screen },
    heading(title), h('p', {}, text), ...extra,
    h('div', { class: 'actions' }, ...actions.map((a) => h('button', { type: 'button', class: a.primary === false ? 'link' : 'primary', onclick: () => a.run() }, a.label))));
}

const HOLD_REASONS: Record<string, string> = {
  account_issue_accept_toc: 'Accept the updated terms of service',
  account_issue_verify_identity: 'Verify your identity',
  account_issue_update_password: 'Change your password',
  account_issue_enable_mfa: 'Turn on two-step verification',
  account_issue_payment_required: 'Pay the overdue balance',
  account_issue_contact_institution: 'Contact the institution',
};

/** HOLD: the institution's message, its reason, a link to where to fix it, and the fix-hold action. */
export function holdScreen(o: { institution: string; hold: { reason: string; message: string | null; url: string | null }; actions: Action[] }): HTMLElement {
  // Only http(s) links: the URL comes from an institution, and a javascript: URL must never become a link.
  const url = o.hold.url && /^https?:\/\//i.test(o.hold.url) ? o.hold.url : null;
  return noticeScreen('hold', `Action needed at ${o.institution}`,
    o.hold.message ?? `${o.institution} needs you to do something before your accounts can be linked.`, o.actions,
    h('p', { 'data-hold-reason': o.hold.reason }, h('strong', {}, 'What to do: '), HOLD_REASONS[o.hold.reason] ?? o.hold.reason.replace(/_/g, ' ')),
    url ? h('p', {}, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, `Go to ${o.institution}`, h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'))) : null);
}

/** CONNECTED: the accounts linked; `existing` when the login was already linked before this sign-in (nothing changed). */
export function successScreen(institution: string, accounts: Account[], existing = false): HTMLElement {
  const n = accounts.length;
  return h('div', { class: 'stack', 'data-screen': existing ? 'already-linked' : 'success' },
    heading(existing ? `Already linked to ${institution}` : `Connected to ${institution}`),
    existing ? h('p', {}, `This ${institution} login was already linked, so nothing changed.`) : null,
    h('p', {}, n === 1 ? (existing ? 'Its account:' : 'We linked this account:') : n ? (existing ? `Its ${n} accounts:` : `We linked these ${n} accounts:`) : 'No accounts were found at this login.'),
    n ? h('ul', { class: 'accounts' }, ...accounts.map((a) => h('li', {}, a.name, ' ', h('span', { class: 'muted mask' }, `\u2022\u2022\u2022\u2022\u00a0${a.mask}`)))) : null);
}
