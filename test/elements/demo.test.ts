import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { NO_BROWSER, screenshot } from './support/browser.ts';
import { startDemo, type DemoWorld } from './support/demo.ts';

/** `npm start`'s /demo, as a newcomer opens it: the sandbox user is challenged and the code is in the outbox panel. */
describe('/demo on a freshly started server', { skip: NO_BROWSER }, () => {
  let demo: DemoWorld;
  before(async () => {
    demo = await startDemo();
  });
  after(() => demo?.close());

  it('shows the mfa Element, its events as they fire, and the code the sandbox sent', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${demo.server.url}/demo`);
    await page.locator('#log li', { hasText: 'mfaReady' }).waitFor();
    assert.match(await page.locator('#log').textContent() ?? '', /"required": true/);
    const message = page.locator('#outbox li', { hasText: 'verification code' }).first();
    await message.waitFor({ timeout: 5_000 });
    const code = /\b(\d{6})\b/.exec(await message.textContent() ?? '')![1]!;
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.locator('#log li', { hasText: 'mfaSuccess' }).waitFor();
    assert.ok(await page.locator('#connect').isVisible(), 'the slot for the connect Element is there');
    await screenshot(page, 'demo');

    await page.getByRole('button', { name: 'New user (set up a first factor)' }).click();
    await page.locator('latchkey-mfa [data-screen=setup]').waitFor();
    await page.close();
  });
});
