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
    assert.equal((await fetch(`${demo.server.url}/favicon.ico`)).status, 204);
    await page.close();
  });

  it('can be reloaded more often than the hourly limit of codes per user: each load is a new demo user, with its own code', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1200, height: 900 } });
    const users = new Set<string>();
    // The limit is 10 codes per user per hour; with one user per load the 12th load still gets its code.
    for (let i = 0; i < 12; i++) {
      await page.goto(`${demo.server.url}/demo`);
      await page.locator('latchkey-mfa [data-screen=code]').waitFor();
      users.add(/\((\w+)\)/.exec(await page.locator('#who').textContent() ?? '')![1]!);
    }
    assert.equal(users.size, 12);
    const phone = await page.evaluate(async () => (await (await fetch('/demo/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"scenario":"challenge"}' })).json()).phone);
    assert.match(phone, /^\+1555\d{7}$/);
    // The outbox panel shows the code sent to this load's user.
    await page.locator('#outbox li', { hasText: 'verification code' }).first().waitFor({ timeout: 5_000 });
    await page.close();
  });

  it('shows no outbox but its own demo users\' (the rest needs the admin token)', async () => {
    const seeded = '+15555550100'; // the sandbox user's phone (src/sandbox/seed.ts)
    const r = await fetch(`${demo.server.url}/demo/api/outbox?destination=${encodeURIComponent(seeded)}`);
    assert.equal(r.status, 404);
    assert.equal((await r.json()).field, 'destination');
  });
});
