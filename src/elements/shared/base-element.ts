import type { BootConfig } from './config.ts';
import type { ElementApi } from './api.ts';
import { emitEvent } from './events.ts';
import { errorPayload, type ElementErrorPayload } from './errors.ts';
import { fallbackScreen } from './fallback.ts';
import { h } from './dom.ts';
import { BASE_CSS } from './styles.ts';
import { loading } from './parts.ts';

/** What the bootloader hands an Element when it renders it. */
export interface ElementContext {
  config: BootConfig;
  api: ElementApi;
  /** The id the page registered it with, and its name (`mfa`, `connect`). */
  elementId: string;
  name: string;
  /** Set when the Element cannot start (a bad bootConfig): it only reports this. */
  failure?: unknown;
}

export type BannerKind = 'error' | 'info' | 'success';
export interface BannerAction { label: string; run: () => Promise<void> | void }

/**
 * The base of every Element: an open shadow root styled before anything shows
 * (no flash of unstyled content), a banner region announced to screen readers,
 * a polite status region, screen changes that move focus, busy state, and event
 * emission with the shared `error` handling and fallback.
 *
 * A subclass implements `run()`, which shows the first screen and emits the
 * ready event; later work goes through `act()`.
 */
export abstract class LatchkeyElement extends HTMLElement {
  protected ctx!: ElementContext;
  readonly #frame: HTMLElement;
  readonly #banner: HTMLElement;
  readonly #status: HTMLElement;
  readonly #screen: HTMLElement;
  #ended = false;
  /** True while the first screen loads and while an action runs: further actions are ignored. */
  #busy = true;
  #focusAfter: HTMLElement | null = null;
  /** False until the first screen is up: the first screen never takes focus (the page may be elsewhere, or hold other Elements). */
  #started = false;

  /** Extra CSS of the Element, added after the shared styles. */
  protected static css = '';

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.#banner = h('div', { class: 'banner', role: 'alert' });
    this.#status = h('div', { class: 'visually-hidden', role: 'status' });
    // Only the screen is aria-busy while an action runs: the live regions stay outside it, since some
    // screen readers hold back announcements from inside a busy container until it clears.
    this.#screen = h('div', { class: 'screen', 'aria-busy': 'true' });
    this.#frame = h('div', { class: 'frame' }, this.#banner, this.#screen, this.#status);
    root.append(h('style', {}, BASE_CSS + (this.constructor as typeof LatchkeyElement).css), this.#frame);
    this.#screen.append(loading('Loading\u2026'));
  }

  /** Called once by the bootloader; resolves when the first screen (or the failure) is shown. */
  async start(ctx: ElementContext): Promise<void> {
    this.ctx = ctx;
    try {
      if (ctx.failure) throw ctx.failure;
      await this.run();
    } catch (err) {
      this.fail(err);
    } finally {
      this.#started = true;
      this.#settle(null);
    }
  }

  protected abstract run(): Promise<void>;

  /** Sends an event to the page (onEvent and window); returns whether the page called preventDefault(). */
  protected emit(name: string, payload: unknown): boolean {
    return emitEvent(this.ctx.config, this.ctx.elementId, name, payload);
  }

  /** Whether the Element ended with an error: it does nothing more. */
  protected get ended(): boolean {
    return this.#ended;
  }

  /** Ends the Element with an `error` event; the fallback screen shows unless the page handled it. */
  protected fail(err: unknown): ElementErrorPayload | undefined {
    if (this.#ended) return undefined;
    this.#ended = true;
    const payload = errorPayload(err, this.ctx.name, this.ctx.elementId);
    this.clearBanner();
    const handled = this.emit('error', payload);
    this.show(handled ? h('div', { 'data-screen': 'ended' }) : fallbackScreen(() => (this.hidden = true)));
    return payload;
  }

  /**
   * Replaces the screen and, after the first screen, moves focus to `focus` (default: its heading), so keyboard
   * and screen-reader users follow. The first screen leaves focus where the page has it.
   */
  protected show(screen: HTMLElement, focus?: HTMLElement | null): void {
    this.#screen.replaceChildren(screen);
    if (this.#started) (focus ?? screen.querySelector<HTMLElement>('h2'))?.focus();
  }

  /** Shows a banner; returns its action's button, if any, for the caller to move focus to. */
  protected banner(kind: BannerKind, text: string, action?: BannerAction): HTMLButtonElement | null {
    const button = action ? h('button', { type: 'button', class: 'secondary', onclick: () => void this.act(action.run) }, action.label) : null;
    this.#banner.replaceChildren(h('div', { class: kind, 'data-banner': kind }, h('span', {}, text), button && h('div', {}, button)));
    return button;
  }

  protected clearBanner(): void {
    this.#banner.replaceChildren();
  }

  /** A polite announcement with no visible banner (e.g. "Code sent"). */
  protected announce(text: string): void {
    this.#status.textContent = '';
    // A fresh text node in a later frame is announced even when the text repeats.
    requestAnimationFrame(() => (this.#status.textContent = text));
  }

  /** Runs a user action: the Element is busy (controls disabled) meanwhile; an unrecoverable error ends it. */
  protected async act(fn: () => Promise<void> | void): Promise<void> {
    if (this.#ended || this.#busy) return;
    this.#busy = true;
    this.#screen.setAttribute('aria-busy', 'true');
    const root = this.shadowRoot!;
    const focused = root.activeElement as HTMLElement | null;
    const controls = [...this.#frame.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')].filter((c) => !c.disabled);
    for (const c of controls) c.disabled = true;
    try {
      await fn();
    } catch (err) {
      this.fail(err);
    } finally {
      for (const c of controls) if (c.isConnected) c.disabled = false;
      // Disabling the focused control drops focus to the page: a keyboard user must not lose their place.
      this.#settle(root.activeElement ? null : focused);
    }
  }

  #settle(fallbackFocus: HTMLElement | null): void {
    this.#busy = false;
    this.#screen.setAttribute('aria-busy', 'false');
    const target = this.#focusAfter ?? fallbackFocus;
    this.#focusAfter = null;
    if (target?.isConnected) target.focus();
  }

  /** Moves focus to `el`, once the current action has enabled the controls again (a disabled control takes no focus). */
  protected moveFocus(el: HTMLElement | null): void {
    if (!el) return;
    if (this.#busy) this.#focusAfter = el;
    else el.focus();
  }
}
