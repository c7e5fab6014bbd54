import type { Locator, Page } from 'playwright-core';
import { createTenant, signIn, type Tenant } from '../../support/fixtures.ts';
import { mountElement, type ElementsWorld, type MountOptions } from './elements.ts';
import { assertAccessible, screenshot } from './browser.ts';

/** What the connect tests share: mounting, the sandbox bank's sign-in, screens. */

export const SANDBOX_BANK = 'Latchkey Sandbox Bank';

export const inConnect = (page: Page, css: string): Locator => page.locator(`latchkey-connect ${css}`);
export const screenOf = (page: Page, name: string): Locator => inConnect(page, `[data-screen=${name}]`);
export const bannerOf = (page: Page): Locator => inConnect(page, '[role=alert]');

/** Keeps a screenshot of the Element and checks it with axe-core. */
export async function capture(page: Page, name: string): Promise<void> {
  await screenshot(page.locator('#mount'), name);
  await assertAccessible(page, name);
}

export interface Mounted { page: Page; t: Tenant; sessionId: string }

/** A new organization that allows the partner site, its user signed in, and the connect Element on the partner page. */
export async function mountConnect(w: ElementsWorld, o: Partial<MountOptions> & { refresh?: boolean } = {}): Promise<Mounted> {
  const t = await createTenant(w.h, { allowedOrigins: [w.site.url] });
  const sessionId = await signIn(w.h, t);
  const { refresh, ...rest } = o;
  // onAuthFailed signs the same user in again, as a partner's back end would.
  const page = await mountElement(w, { name: 'connect', key: t.devKey, sessionId, ...(refresh ? { refreshSession: () => signIn(w.h, t) } : {}), ...rest });
  return { page, t, sessionId };
}

/** Picks the sandbox bank and signs in to it with `password` (which selects the sandbox path). */
export async function signInToSandbox(page: Page, password: string, username = 'ana'): Promise<void> {
  await page.getByLabel('Search for your institution').fill('sandbox');
  await inConnect(page, `button.institution[data-code=latchkey_sandbox]`).click();
  await screenOf(page, 'credentials').waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Connect' }).click();
}

/** Waits for a challenge screen showing these challenge types (in order). */
export async function challengeScreen(page: Page, types: string): Promise<Locator> {
  const s = inConnect(page, `[data-screen=challenge][data-types="${types}"]`);
  await s.waitFor();
  return s;
}
