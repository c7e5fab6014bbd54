import type { Browser, Page } from 'playwright-core';
import { createHarness, type Harness } from '../../support/harness.ts';
import { startPartnerSite, type PartnerSite } from './partner-site.ts';
import { launchChromium } from './browser.ts';

/** A real Latchkey listening on 127.0.0.1, a partner site on another port, and Chromium. */
export interface ElementsWorld {
  h: Harness;
  latchkeyUrl: string;
  site: PartnerSite;
  browser: Browser;
  close(): Promise<void>;
}

export async function startWorld(): Promise<ElementsWorld> {
  const h = await createHarness('sqlite');
  const latchkeyUrl = await h.app.listen({ host: '127.0.0.1', port: 0 });
  const site = await startPartnerSite();
  const browser = await launchChromium();
  return {
    h, latchkeyUrl, site, browser,
    async close() {
      await browser.close();
      await site.close();
      await h.close();
    },
  };
}

export interface RecordedEvent { via: 'onEvent' | 'window'; name: string; payload: unknown; elementId?: string }

export interface MountOptions {
  name?: string;
  key: string;
  sessionId: string;
  userContext?: { userId?: string; orgId?: string };
  /** The page handles `error` events: its window listener calls preventDefault(). */
  handleErrors?: boolean;
  /** onAuthFailed asks the test (Node) for a new sessionId. */
  refreshSession?: () => Promise<string>;
  /** Replace the whole bootConfig by this (for invalid configs); functions cannot cross, so it is plain data. */
  rawConfig?: unknown;
}

const EVENT_NAMES = ['mfaReady', 'mfaSuccess', 'error', 'connectReady', 'connectChallenge', 'connectSuccess'];

/** Opens the partner page and renders an Element the way a partner's page does; resolves when render() resolves. */
export async function mountElement(world: ElementsWorld, o: MountOptions): Promise<Page> {
  const page = await world.browser.newPage({ viewport: { width: 800, height: 900 } });
  page.on('pageerror', (err) => process.stderr.write(`[page error] ${err.message}\n`));
  if (o.refreshSession) await page.exposeFunction('__lkFreshSession', o.refreshSession);
  await page.goto(world.site.url);
  await page.evaluate(async ({ url, name, key, sessionId, userContext, handleErrors, refresh, rawConfig, eventNames }) => {
    const w = window as unknown as { __lk: { events: unknown[]; authFailed: number; session: string }; __lkFreshSession(): Promise<string> };
    w.__lk = { events: [], authFailed: 0, session: sessionId };
    for (const n of eventNames) {
      window.addEventListener(n, (e) => {
        if (!(e instanceof CustomEvent)) return;
        w.__lk.events.push({ via: 'window', name: n, payload: e.detail });
        if (handleErrors && n === 'error') e.preventDefault();
      });
    }
    const { init } = await import(`${url}/elements/v1/bootloader.js`);
    const config = rawConfig ?? {
      key,
      getSessionId: () => w.__lk.session,
      ...(userContext ? { getUserContext: () => userContext } : {}),
      ...(refresh ? { onAuthFailed: async () => { w.__lk.authFailed++; w.__lk.session = await w.__lkFreshSession(); } } : {}),
      onEvent: (e: { name: string; payload: unknown; elementId: string }) => w.__lk.events.push({ via: 'onEvent', name: e.name, payload: e.payload, elementId: e.elementId }),
    };
    const bootloader = init(config);
    bootloader.register({ id: 'element1', name });
    await bootloader.render('element1', '#mount');
  }, { url: world.latchkeyUrl, name: o.name ?? 'mfa', key: o.key, sessionId: o.sessionId, userContext: o.userContext, handleErrors: o.handleErrors ?? false, refresh: Boolean(o.refreshSession), rawConfig: o.rawConfig, eventNames: EVENT_NAMES });
  return page;
}

export function recordedEvents(page: Page): Promise<RecordedEvent[]> {
  return page.evaluate(() => (window as unknown as { __lk: { events: RecordedEvent[] } }).__lk.events);
}

/** Waits for an event on window and returns its payload, checking onEvent got the same. */
export async function waitForEvent(page: Page, name: string): Promise<unknown> {
  await page.waitForFunction((n) => (window as unknown as { __lk: { events: RecordedEvent[] } }).__lk.events.some((e) => e.name === n && e.via === 'window'), name, { timeout: 10_000 });
  const events = (await recordedEvents(page)).filter((e) => e.name === name);
  const win = events.find((e) => e.via === 'window')!;
  const cb = events.find((e) => e.via === 'onEvent');
  if (cb && JSON.stringify(cb.payload) !== JSON.stringify(win.payload)) throw new Error(`onEvent and window disagree on ${name}`);
  return win.payload;
}
