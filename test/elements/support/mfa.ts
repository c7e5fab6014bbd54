import assert from 'node:assert/strict';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import type { Locator, Page } from 'playwright-core';
import { createTenant, type Tenant } from '../../support/fixtures.ts';
import { ADMIN_TOKEN } from '../../support/harness.ts';
import type { ElementsWorld } from './elements.ts';

/** What the mfa tests share: a tenant that allows the partner site, locators, focus, the sandbox clock, app codes. */

export const mfaTenant = (w: ElementsWorld): Promise<Tenant> => createTenant(w.h, { allowedOrigins: [w.site.url] });
export const inMfa = (page: Page, css: string): Locator => page.locator(`latchkey-mfa ${css}`);
export const bannerOf = (page: Page): Locator => inMfa(page, '[role=alert]');

/** What has focus inside the Element once no action runs: its tag, and its name or text. */
export async function focused(page: Page): Promise<string | null> {
  await page.waitForFunction(() => !document.querySelector('latchkey-mfa')!.shadowRoot!.querySelector('[aria-busy=true]'));
  return page.evaluate(() => {
    const a = document.querySelector('latchkey-mfa')!.shadowRoot!.activeElement;
    return a ? `${a.tagName.toLowerCase()} ${a.getAttribute('name') ?? a.textContent}` : null;
  });
}

/** Moves the server's sandbox clock, as an operator would (the admin API). */
export async function advanceClock(w: ElementsWorld, minutes: number): Promise<void> {
  const r = await fetch(`${w.latchkeyUrl}/v1/admin/clock/advance`, {
    method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ minutes }),
  });
  assert.equal(r.status, 200);
}

/** The code an authenticator app shows now (the server's clock) for the key the Element printed. */
export const totpCode = (w: ElementsWorld, key: string): string =>
  generateHOTP(decodeBase32IgnorePadding(key.replace(/\s/g, '')), BigInt(Math.floor(w.h.lk.clock.now() / 30_000)), 6);
