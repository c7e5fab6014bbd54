import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { NO_BROWSER, screenshot, assertAccessible } from './support/browser.ts';
import { mountElement, recordedEvents, startWorld, waitForEvent, type ElementsWorld } from './support/elements.ts';
import { createTenant, signIn, type Tenant } from '../support/fixtures.ts';
import { elementsBundle } from '../../src/http/elements-bundle.ts';

/** The shared machinery of every Element, through the real server and a cross-origin partner page in Chromium. */
describe('Elements: bootloader, events, errors and isolation', { skip: NO_BROWSER }, () => {
  let w: ElementsWorld;
  let t: Tenant;
  before(async () => {
    w = await startWorld();
    t = await createTenant(w.h, { allowedOrigins: [w.site.url] });
  });
  after(() => w.close());

  it('serves one small ES module to any origin, with an ETag, caching and an immutable build URL', async (ctx) => {
    const r = await fetch(`${w.latchkeyUrl}/elements/v1/bootloader.js`, { headers: { origin: 'https://anywhere.example' } });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type')!, /^text\/javascript/);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.match(r.headers.get('cache-control')!, /max-age=3600/);
    const etag = r.headers.get('etag')!;
    const body = await r.text();
    assert.match(body, /export\s*\{/);
    const bundle = await elementsBundle();
    ctx.diagnostic(`bootloader.js: ${body.length} bytes, ${bundle.gzipBytes} bytes gzipped`);
    assert.ok(bundle.gzipBytes < 30 * 1024, `the bundle is ${bundle.gzipBytes} bytes gzipped; the aim is under 30 KB`);
    const again = await fetch(`${w.latchkeyUrl}/elements/v1/bootloader.js`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const build = r.headers.get('x-latchkey-elements-build')!;
    const pinned = await fetch(`${w.latchkeyUrl}/elements/${build}/bootloader.js`);
    assert.equal(pinned.status, 200);
    assert.match(pinned.headers.get('cache-control')!, /immutable/);
    assert.equal(await pinned.text(), body);
    const old = await fetch(`${w.latchkeyUrl}/elements/0123456789abcdef/bootloader.js`);
    assert.equal(old.status, 404);
    // A malformed build name is no build of this server either: 404, not 400.
    for (const name of ['not-a-build', 'ABCDEF0123456789', '0123'.repeat(20)]) {
      assert.equal((await fetch(`${w.latchkeyUrl}/elements/${name}/bootloader.js`)).status, 404, name);
    }
  });

  it('renders cross-origin, fires mfaReady to onEvent and window, and keeps the page\'s styles out', async () => {
    const sessionId = await signIn(w.h, t);
    const page = await mountElement(w, { key: t.devKey, sessionId, userContext: { userId: t.userId, orgId: t.orgId } });
    assert.deepEqual(await waitForEvent(page, 'mfaReady'), { setup: false, required: true });
    const vias = (await recordedEvents(page)).filter((e) => e.name === 'mfaReady').map((e) => e.via).sort();
    assert.deepEqual(vias, ['onEvent', 'window']);
    const button = page.locator('latchkey-mfa button[type=submit]');
    const style = await button.evaluate((b) => ({ bg: getComputedStyle(b).backgroundColor, size: getComputedStyle(b).fontSize }));
    assert.notEqual(style.bg, 'rgb(255, 0, 255)', 'the page\'s button style leaked in');
    assert.notEqual(style.size, '40px');
    // Theming: custom properties set by the page cross the shadow boundary.
    await page.locator('#mount').evaluate((m) => (m as HTMLElement).style.setProperty('--lk-color-primary', 'rgb(0, 100, 0)'));
    assert.equal(await button.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(0, 100, 0)');
    // Sized by its container, and nothing of the Element's styles reaches the page.
    const widths = await page.evaluate(() => [document.querySelector('#mount')!.getBoundingClientRect().width, document.querySelector('latchkey-mfa')!.getBoundingClientRect().width]);
    assert.equal(widths[0], widths[1]);
    assert.equal(await page.locator('h1').evaluate((e) => getComputedStyle(e).fontFamily), 'Georgia, serif');
    await page.close();
  });

  it('retries once after onAuthFailed resolves with a new session', async () => {
    let refreshed = 0;
    const page = await mountElement(w, { key: t.devKey, sessionId: 'expired-session', refreshSession: async () => (refreshed++, signIn(w.h, t)) });
    assert.deepEqual(await waitForEvent(page, 'mfaReady'), { setup: false, required: true });
    assert.equal(refreshed, 1);
    assert.equal(await page.evaluate(() => (window as unknown as { __lk: { authFailed: number } }).__lk.authFailed), 1);
    await page.close();
  });

  it('an unhandled error shows the fallback screen, which the user can close', async () => {
    const page = await mountElement(w, { key: 'lk_dev_wrong', sessionId: 'whatever' });
    const payload = await waitForEvent(page, 'error');
    assert.deepEqual(payload, {
      code: 'LAUNCH_REQUIREMENTS_NOT_MET', reason: 'DEV_KEY_INVALID', message: 'The developer key (bootConfig.key) was refused.',
      element: 'mfa', elementId: 'element1', status: 401, problemCode: 'LK_ERR_DEV_KEY_INVALID',
    });
    const fallback = page.locator('latchkey-mfa [data-screen=fallback]');
    await fallback.waitFor();
    assert.equal(await fallback.locator('button').count(), 1, 'one control: Close');
    await screenshot(page.locator('#mount'), 'error-fallback');
    await assertAccessible(page, 'the fallback screen');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('latchkey-mfa').isVisible(), false);
    await page.close();
  });

  it('a handled error (preventDefault) shows no fallback; a session that stays invalid is SESSION_INVALID', async () => {
    const page = await mountElement(w, { key: t.devKey, sessionId: 'not-a-session', handleErrors: true, refreshSession: async () => 'still-not-a-session' });
    const payload = await waitForEvent(page, 'error') as Record<string, unknown>;
    assert.equal(payload.code, 'LAUNCH_REQUIREMENTS_NOT_MET');
    assert.equal(payload.reason, 'SESSION_INVALID');
    assert.equal(await page.locator('latchkey-mfa [data-screen=fallback]').count(), 0);
    assert.equal(await page.locator('latchkey-mfa [data-screen=ended]').count(), 1);
    await page.close();
  });

  it('reports an origin the organization does not allow, and a bootConfig that cannot work', async () => {
    const closed = await createTenant(w.h, { allowedOrigins: ['https://only.example'] });
    const page = await mountElement(w, { key: closed.devKey, sessionId: await signIn(w.h, closed) });
    const payload = await waitForEvent(page, 'error') as Record<string, unknown>;
    assert.equal(payload.reason, 'ORIGIN_NOT_ALLOWED');
    assert.equal(payload.problemCode, 'LK_ERR_ORIGIN_NOT_ALLOWED');
    await page.close();

    const bad = await mountElement(w, { key: '', sessionId: '', rawConfig: { key: t.devKey } });
    const invalid = await waitForEvent(bad, 'error') as Record<string, unknown>;
    assert.equal(invalid.code, 'LAUNCH_REQUIREMENTS_NOT_MET');
    assert.equal(invalid.reason, 'INVALID_CONFIG');
    assert.match(String(invalid.message), /getSessionId/);
    await bad.locator('latchkey-mfa [data-screen=fallback]').waitFor();
    await bad.close();
  });

  it('refuses a user context that is not the session\'s user', async () => {
    const page = await mountElement(w, { key: t.devKey, sessionId: await signIn(w.h, t), userContext: { userId: '006SOMEONEELSE', orgId: t.orgId } });
    const payload = await waitForEvent(page, 'error') as Record<string, unknown>;
    assert.equal(payload.reason, 'USER_CONTEXT_MISMATCH');
    await page.close();
  });
});
