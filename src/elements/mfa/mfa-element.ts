import type { Problem } from '@latchkey/client';
import { LatchkeyElement } from '../shared/base-element.ts';
import { userSession } from '../shared/launch.ts';
import type { Json } from '../shared/types.ts';
import type { Outcome } from '../shared/api.ts';
import { backupCodesScreen, codeScreen, messageScreen, methodsScreen, otpauthSecret, setupScreen, unbroken, type FactorChoice, type OtherWay } from './screens.ts';
import { deviceIdOf } from './device.ts';

type Challenge = Json<'/v1/mfa/challenges', 'post', 201>;
type Factor = Json<'/v1/factors', 'get', 200>['factors'][number];

/** What the page learns from mfaReady and mfaSuccess (seed 000). */
export interface MfaReady { setup: boolean; required: boolean }
export interface MfaSuccess { setup: boolean; required: boolean; rememberMe: boolean; rememberMeId?: string; deviceId: string }

/** One code to ask for: the challenge, and (for an app's setup) the QR code and key it needs. */
interface Code {
  challenge: Challenge;
  qr?: { src: string; secret: string | null };
}
/** A code and how to get a fresh one (expired, too many tries): a new setup, or a new challenge of the same factor. */
interface CodeStep extends Code {
  renew: () => Promise<Outcome<Code>>;
}

/** A backup code as the server accepts it (src/factors/backup-codes): 10 characters of its alphabet, once spaces and dashes are dropped. */
const BACKUP_CODE = /^[a-hjkmnp-z2-9]{10}$/;

const INTRO: Record<FactorChoice, (c: Challenge) => string> = {
  sms: (c) => `We sent a 6-digit code to ${unbroken(c.destination) ?? 'your phone'}.`,
  email: (c) => `We sent a 6-digit code to ${unbroken(c.destination) ?? 'your email'}.`,
  totp: () => 'Enter the 6-digit code your authenticator app shows.',
  backup_codes: () => 'Enter one of your backup codes. Each one works once.',
};

/**
 * The `mfa` Element: sets up a first factor when the user has none, otherwise
 * challenges the active one, and makes the page's session MFA-trusted.
 * Events: mfaReady, mfaSuccess, error (docs/elements.md).
 */
export class MfaElement extends LatchkeyElement {
  protected static override css = `ul.codes { columns: 2; padding: 0; margin: 0; list-style: none; font-size: 1.05em; } ul.codes li { padding: 2px 0; }
img { border: 1px solid var(--_border); border-radius: 4px; }
ul.methods { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
button.choice { inline-size: 100%; text-align: start; background: var(--_bg); color: inherit; }
button.choice:hover { border-color: var(--_primary); }`;

  #setup = false;
  #required = false;
  #rememberDays = 180;
  #factors: Factor[] = [];
  /** Whether a code screen has shown: until then a failed challenge leaves nothing else on screen. */
  #asked = false;

  protected async run(): Promise<void> {
    const { api } = this.ctx;
    const [session, org] = await Promise.all([userSession(this.ctx), api.must((c) => c.GET('/v1/organization'))]);
    this.#rememberDays = org.rememberDeviceDays;
    this.#required = session.mfaStatus === 'SETUP' || session.mfaStatus === 'CHALLENGE';
    if (session.mfaStatus === 'COMPLETE') {
      this.show(messageScreen('verified', 'You\u2019re verified', 'This session has already passed two-step verification.'));
    } else if (session.mfaStatus === 'DISABLED') {
      this.show(messageScreen('not-required', 'No verification needed', 'Your organization does not require two-step verification.'));
    } else if (session.mfaStatus === 'SETUP') {
      this.#setup = true;
      this.show(setupScreen({ allowEmail: org.allowEmailFactor, onContinue: (choice, to) => void this.act(() => this.#enroll(choice, to)) }));
    } else {
      this.#factors = (await api.must((c) => c.GET('/v1/factors'))).factors.filter((f) => f.status === 'active');
      await this.#challenge({});
    }
    this.emit('mfaReady', { setup: session.mfaStatus === 'COMPLETE', required: this.#required } satisfies MfaReady);
  }

  /** First-factor setup: a code challenge (SMS, email, app), or backup codes confirmed by using one. */
  async #enroll(type: FactorChoice, destination: string): Promise<void> {
    const body = type === 'sms' && destination ? { type, phone: destination } : type === 'email' && destination ? { type, email: destination } : { type };
    const start = () => this.ctx.api.run((c) => c.POST('/v1/factors', { body }));
    const r = await start();
    if (!r.ok) return void this.#problem(r.problem, r.retryAfterSeconds);
    this.clearBanner();
    if (r.data.backupCodes) {
      const codes = r.data.backupCodes;
      this.show(backupCodesScreen(codes, () => void this.act(() => this.#challenge({ useBackup: true }))));
      return;
    }
    const code = (d: typeof r.data): Code => {
      if (!d.challenge) throw new Error('The factor setup answered without a challenge.');
      return { challenge: d.challenge, ...(d.qrCode ? { qr: { src: d.qrCode, secret: otpauthSecret(d.otpauthUri) } } : {}) };
    };
    // A new setup replaces the pending one (a new code sent, or a new key for the app): that is how an expired setup code is renewed.
    const renew = async (): Promise<Outcome<Code>> => {
      const again = await start();
      return again.ok ? { ok: true, data: code(again.data) } : again;
    };
    this.#askCode({ ...code(r.data), renew });
  }

  /** Starts a challenge ({} = the strongest active factor) and asks for its code. */
  async #challenge(body: { useBackup?: boolean; factorId?: string }): Promise<void> {
    const start = () => this.ctx.api.run((c) => c.POST('/v1/mfa/challenges', { body }));
    const r = await start();
    if (!r.ok) {
      // No code screen yet (the first challenge, e.g. over the hourly limit, which every factor shares): a screen, not a spinner.
      if (!this.#asked) this.show(messageScreen('unavailable', 'We couldn\u2019t start verification', 'The message above says when to try again.'));
      return void this.#problem(r.problem, r.retryAfterSeconds, { label: 'Try again', run: () => this.#challenge(body) });
    }
    this.clearBanner();
    const renew = async (): Promise<Outcome<Code>> => {
      const again = await start();
      return again.ok ? { ok: true, data: { challenge: again.data } } : again;
    };
    this.#askCode({ challenge: r.data, renew });
  }

  /** The user's other active factors, for "Use a backup code" or, with more to choose from, "Use another method". */
  #otherWay(challenge: Challenge): OtherWay | undefined {
    const others = this.#setup ? [] : this.#factors.filter((f) => f.factorId !== challenge.factorId);
    if (others.length === 0) return undefined;
    if (others.every((f) => f.type === 'backup_codes')) {
      return { label: 'Use a backup code', action: 'use-backup', run: () => void this.act(() => this.#challenge({ useBackup: true })) };
    }
    return { label: 'Use another method', action: 'other-method', run: () => this.#showMethods(others) };
  }

  #showMethods(factors: Factor[]): void {
    this.clearBanner();
    this.show(methodsScreen(factors.map((f) => ({
      type: f.type, destination: f.destination, onPick: () => void this.act(() => this.#challenge({ factorId: f.factorId })),
    }))));
  }

  #askCode(step: CodeStep): void {
    this.#asked = true;
    const { challenge } = step;
    const type = challenge.factorType;
    const delivers = type === 'sms' || type === 'email';
    const other = this.#otherWay(challenge);
    const { screen, input } = codeScreen({
      screen: type === 'backup_codes' ? 'backup-code' : 'code',
      heading: type === 'backup_codes' ? 'Enter a backup code' : this.#setup ? 'Confirm your new method' : 'Enter your verification code',
      intro: step.qr ? 'Scan this QR code with your authenticator app, then enter the 6-digit code it shows.' : INTRO[type](challenge),
      backup: type === 'backup_codes',
      rememberDays: this.#rememberDays,
      ...(step.qr ? { qr: step.qr } : {}),
      onSubmit: (code, remember) => void this.act(() => this.#verify(step, code, remember, input)),
      ...(delivers ? { onResend: () => void this.act(() => this.#resend(step)) } : {}),
      ...(other ? { other } : {}),
    });
    this.show(screen, step.qr ? null : input);
  }

  async #verify(step: CodeStep, code: string, rememberMe: boolean, input: HTMLInputElement): Promise<void> {
    // A code that cannot be right is never sent: it would spend one of the challenge's attempts (and count toward a lockout).
    const backup = step.challenge.factorType === 'backup_codes';
    const problem = !code ? 'Enter the code first.'
      : backup ? (BACKUP_CODE.test(code.toLowerCase().replace(/[\s-]/g, '')) ? null : 'Enter one of your backup codes: 10 letters and digits, like abcde-fghjk.')
        : /^\d{6}$/.test(code) ? null : 'Enter the 6-digit code: six digits, no letters.';
    if (problem) {
      this.banner('error', problem);
      input.setAttribute('aria-invalid', 'true');
      return this.moveFocus(input);
    }
    const deviceId = deviceIdOf();
    const r = await this.ctx.api.run((c) => c.POST('/v1/mfa/challenges/{challengeId}/verify', {
      params: { path: { challengeId: step.challenge.challengeId } },
      body: rememberMe ? { code, rememberMe, device: deviceId } : { code },
    }));
    if (!r.ok) {
      input.value = '';
      input.setAttribute('aria-invalid', 'true');
      const renew = { label: 'Send a new code', run: () => this.#renew(step) };
      const expired = r.problem.code === 'LK_ERR_CHALLENGE_EXPIRED' || r.problem.code === 'LK_ERR_CHALLENGE_ATTEMPTS_EXHAUSTED' || r.problem.code === 'LK_ERR_CHALLENGE_USED';
      const action = this.#problem(r.problem, r.retryAfterSeconds, expired ? renew : undefined);
      // Focus stays on the code when another try makes sense; otherwise on the way out of the dead end.
      return this.moveFocus(expired ? action : input);
    }
    const success: MfaSuccess = { setup: this.#setup, required: this.#required, rememberMe, deviceId };
    if (rememberMe && r.data.rememberMeId) success.rememberMeId = r.data.rememberMeId;
    this.clearBanner();
    this.show(messageScreen('success', this.#setup ? 'Two-step verification is on' : 'You\u2019re verified', 'Thanks. You can continue.'));
    this.emit('mfaSuccess', success);
  }

  async #resend(step: CodeStep): Promise<void> {
    const r = await this.ctx.api.run((c) => c.POST('/v1/mfa/challenges/{challengeId}/resend', { params: { path: { challengeId: step.challenge.challengeId } } }));
    if (!r.ok) {
      const dead = r.problem.status === 410;
      return this.moveFocus(this.#problem(r.problem, r.retryAfterSeconds, dead ? { label: 'Send a new code', run: () => this.#renew(step) } : undefined));
    }
    this.banner('info', `We sent a new code to ${unbroken(r.data.destination) ?? 'you'}.`);
  }

  async #renew(step: CodeStep): Promise<void> {
    const r = await step.renew();
    if (!r.ok) return void this.#problem(r.problem, r.retryAfterSeconds);
    this.#askCode({ renew: step.renew, ...r.data });
    const to = unbroken(r.data.challenge.destination);
    this.banner('info', to ? `We sent a new code to ${to}.` : r.data.qr ? 'Your app needs this new QR code or key: the old one no longer works.' : 'You can enter a new code now.');
  }

  /** A recoverable problem as a banner, with the server's words and, for limits, when to try again. */
  #problem(p: Problem, retryAfterSeconds: number | undefined, action?: { label: string; run: () => Promise<void> }): HTMLButtonElement | null {
    const wait = retryAfterSeconds ? ` Try again in ${retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`}.` : '';
    const text = p.code === 'LK_ERR_CHALLENGE_EXPIRED' ? 'This code has expired.'
      : p.code === 'LK_ERR_CHALLENGE_ATTEMPTS_EXHAUSTED' ? 'Too many wrong codes. Get a new code to try again.'
        // With the wait known, say only that: not "Try again later. Try again in 51 minutes."
        : wait ? p.detail.replace(/\s*Try again later\.?\s*$/, '') : p.detail;
    return this.banner('error', text + wait, action);
  }
}
