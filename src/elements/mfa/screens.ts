import { h, uid } from '../shared/dom.ts';
import { field } from '../shared/field.ts';
import { heading } from '../shared/parts.ts';

/** The mfa Element's screens: DOM only, no server calls. Each names itself in data-screen for tests and styling. */

export type FactorChoice = 'sms' | 'email' | 'totp' | 'backup_codes';

const CHOICES: Record<FactorChoice, [string, string]> = {
  sms: ['Text message', 'We text a code to your phone.'],
  email: ['Email', 'We email a code to you.'],
  totp: ['Authenticator app', 'Use an app such as Google Authenticator or 1Password.'],
  backup_codes: ['Backup codes', 'Ten single-use codes to print or keep safe.'],
};

export function setupScreen(o: { allowEmail: boolean; onContinue: (choice: FactorChoice, destination: string) => void }): HTMLElement {
  const name = uid('factor');
  const phone = h('input', { type: 'tel', name: 'phone', autocomplete: 'tel', inputmode: 'tel', placeholder: '+1 415 555 0100' });
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email' });
  const phoneField = field('Mobile number (optional)', phone, 'Leave empty to use the number on your account.');
  const emailField = field('Email address (optional)', email, 'Leave empty to use the address on your account.');
  const choices = (Object.keys(CHOICES) as FactorChoice[]).filter((c) => c !== 'email' || o.allowEmail);
  const radios = choices.map((c, i) => {
    const radio = h('input', { type: 'radio', name, value: c, checked: i === 0 });
    radio.addEventListener('change', sync);
    return h('label', { class: 'choice' }, radio, h('span', {}, h('strong', {}, CHOICES[c][0]), h('span', { class: 'muted' }, CHOICES[c][1])));
  });
  function chosen(): FactorChoice {
    return (radios.map((r) => r.querySelector('input')!).find((r) => r.checked)?.value ?? 'sms') as FactorChoice;
  }
  function sync() {
    phoneField.hidden = chosen() !== 'sms';
    emailField.hidden = chosen() !== 'email';
  }
  sync();
  const form = h('form', { novalidate: true },
    h('fieldset', {}, h('legend', {}, 'How do you want to get your codes?'), ...radios),
    phoneField, emailField,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Continue')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const c = chosen();
    o.onContinue(c, (c === 'sms' ? phone.value.replace(/[\s().-]/g, '') : c === 'email' ? email.value.trim() : ''));
  });
  return h('div', { class: 'stack', 'data-screen': 'setup' },
    heading('Set up two-step verification'),
    h('p', { class: 'muted' }, 'Each time you sign in on a new device, you\u2019ll confirm it\u2019s you with a code.'),
    form);
}

export interface CodeScreenOptions {
  screen: string;
  heading: string;
  intro: string;
  /** A backup code (letters) rather than a six-digit code. */
  backup: boolean;
  qr?: { src: string; secret: string | null };
  rememberDays: number;
  onSubmit: (code: string, remember: boolean) => void;
  onResend?: () => void;
  /** The way to another factor: "Use a backup code" or "Use another method". */
  other?: OtherWay;
}

export interface OtherWay { label: string; action: string; run: () => void }

export interface CodeScreen { screen: HTMLElement; input: HTMLInputElement }

export function codeScreen(o: CodeScreenOptions): CodeScreen {
  const input = h('input', o.backup
    ? { type: 'text', name: 'code', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', class: 'code' }
    : { type: 'text', name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', pattern: '[0-9]*', class: 'code' });
  if (!o.backup) {
    // Pasted or autofilled codes often carry spaces or dashes ("123 456"): keep the digits.
    input.addEventListener('input', () => {
      const digits = input.value.replace(/\D/g, '').slice(0, 6);
      if (digits !== input.value) input.value = digits;
    });
  }
  const remember = h('input', { type: 'checkbox', name: 'remember', id: uid('remember') });
  const qr = o.qr ? h('div', { class: 'stack' },
    h('img', { src: o.qr.src, alt: 'QR code to scan with your authenticator app', width: 180, height: 180 }),
    o.qr.secret ? h('p', { class: 'muted' }, 'Can\u2019t scan it? Enter this key in the app: ', h('code', {}, o.qr.secret)) : null) : null;
  const form = h('form', { novalidate: true },
    qr,
    field(o.backup ? 'Backup code' : 'Verification code', input),
    h('label', { class: 'check', for: remember.id }, remember, `Remember this device for ${o.rememberDays} days`),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Verify'),
      o.onResend ? h('button', { type: 'button', class: 'link', 'data-action': 'resend', onclick: () => o.onResend!() }, 'Send a new code') : null,
      o.other ? h('button', { type: 'button', class: 'link', 'data-action': o.other.action, onclick: () => o.other!.run() }, o.other.label) : null));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    o.onSubmit(input.value.trim(), remember.checked);
  });
  // Focus often lands straight on the field: the intro (where the code went) is read with it.
  const intro = h('p', { id: uid('intro') }, o.intro);
  input.setAttribute('aria-describedby', intro.id);
  return { screen: h('div', { class: 'stack', 'data-screen': o.screen }, heading(o.heading), intro, form), input };
}

export function backupCodesScreen(codes: string[], onContinue: () => void): HTMLElement {
  return h('div', { class: 'stack', 'data-screen': 'backup-codes' },
    heading('Save your backup codes'),
    h('p', {}, 'Keep these codes somewhere safe. Each one works once. You\u2019ll confirm one of them next.'),
    h('ul', { class: 'codes', 'aria-label': 'Backup codes' }, ...codes.map((c) => h('li', {}, h('code', {}, c)))),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: onContinue }, 'I\u2019ve saved them')));
}

/** A masked destination ("•••• 0100") kept on one line: its spaces do not break. */
export const unbroken = (destination: string | null | undefined): string | null => destination?.replace(/ /g, '\u00a0') ?? null;

const METHODS: Record<FactorChoice, (to: string | null) => [string, string]> = {
  sms: (to) => ['Text message', `Send a code to ${to ?? 'your phone'}`],
  email: (to) => ['Email', `Send a code to ${to ?? 'your email'}`],
  totp: () => ['Authenticator app', 'Enter the code your app shows'],
  backup_codes: () => ['Backup code', 'Enter one of the codes you saved'],
};

/** The user's other active factors, one button each: the one picked is challenged next. */
export function methodsScreen(methods: { type: FactorChoice; destination: string | null; onPick: () => void }[]): HTMLElement {
  return h('div', { class: 'stack', 'data-screen': 'methods' },
    heading('Choose a way to verify'),
    h('ul', { class: 'methods', 'aria-label': 'Ways to verify' }, ...methods.map((m) => {
      const [name, detail] = METHODS[m.type](unbroken(m.destination));
      return h('li', {}, h('button', { type: 'button', class: 'choice', 'data-factor': m.type, onclick: () => m.onPick() },
        h('span', {}, h('strong', {}, name), h('span', { class: 'muted' }, detail))));
    })));
}

export function messageScreen(screen: string, title: string, text: string): HTMLElement {
  return h('div', { class: 'stack', 'data-screen': screen }, heading(title), h('p', {}, text));
}

/** The key inside an otpauth:// URI, grouped by four for typing. */
export function otpauthSecret(uri: string | undefined): string | null {
  if (!uri) return null;
  try {
    return new URL(uri).searchParams.get('secret')?.replace(/(.{4})(?=.)/g, '$1 ') ?? null;
  } catch {
    return null;
  }
}
