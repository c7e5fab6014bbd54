import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { NO_BROWSER, screenshot } from './support/browser.ts';
import { startDemo, type DemoWorld } from './support/demo.ts';

/** `npm start`'s /demo: the connect Element next to mfa, its events in the log, through the registered sandbox bank. */
describe('/demo: the connect Element', { skip: NO_BROWSER }, () => {
  let demo: DemoWorld;
  before(async () => {
    demo = await startDemo();
  });
  after(() => demo?.close());

  it('connects the sandbox bank through two rounds, and logs connectReady, connectChallenge and connectSuccess', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.goto(`${demo.server.url}/demo`);
    const log = page.locator('#log');
    await log.locator('li', { hasText: 'connectReady (connect1)' }).waitFor();
    const connect = page.locator('#connect latchkey-connect');
    await connect.getByLabel('Search for your institution').fill('latchkey');
    await connect.getByRole('button', { name: /Latchkey Sandbox Bank/ }).click();
    await connect.getByLabel('Username').fill('newcomer');
    await connect.getByLabel('Password').fill('mfa_phone');
    await connect.getByRole('button', { name: 'Connect' }).click();
    await connect.getByRole('radio', { name: 'Text xxx-xxx-0101' }).check();
    await connect.getByRole('button', { name: 'Continue' }).click();
    await connect.getByLabel(/Enter the code we texted/).fill('correct');
    await connect.getByRole('button', { name: 'Continue' }).click();
    const success = log.locator('li', { hasText: 'connectSuccess (connect1)' });
    await success.waitFor();
    assert.match(await success.textContent() ?? '', /"connectionId": "con_[0-9A-Z]+"[\s\S]*"Everyday Checking"/);
    assert.equal(await log.locator('li', { hasText: 'connectChallenge (connect1)' }).count(), 2, 'one per round');
    await screenshot(page, 'demo-connect');
    await page.close();
  });
});
