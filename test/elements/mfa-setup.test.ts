import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { NO_BROWSER, screenshot, assertAccessible } from './support/browser.ts';
import { mountElement, startWorld, waitForEvent, type ElementsWorld } from './support/elements.ts';
import { advanceClock, bannerOf, inMfa, mfaTenant, totpCode } from './support/mfa.ts';
import { latestCode, signIn, type Tenant } from '../support/fixtures.ts';

/** The mfa Element setting up a user's first factor (every choice), through the real server, on a partner page of another origin, in Chromium. */
describe('mfa Element: setup of a first factor', { skip: NO_BROWSER }, () => {
  let w: ElementsWorld;
  before(async () => {
    w = await startWorld();
  });
  after(() => w.close());

  async function sessionInfo(t: Tenant, sessionId: string) {
    return (await w.h.call('GET', '/v1/session', { devKey: t.devKey, session: sessionId })).json();
  }

  it('sets up a first factor (text message, the default) with the keyboard only', async () => {
    const t = await mfaTenant(w);
    const sessionId = await signIn(w.h, t);
    const page = await mountElement(w, { key: t.devKey, sessionId });
    assert.deepEqual(await waitForEvent(page, 'mfaReady'), { setup: false, required: true });
    await inMfa(page, '[data-screen=setup]').waitFor();
    assert.ok(await page.getByRole('radio', { name: /Text message/ }).isChecked());
    await screenshot(page.locator('#mount'), 'mfa-setup');
    await assertAccessible(page, 'the setup screen');

    // The first screen takes no focus; from its heading, Tab reaches the chosen method, then the phone field, then Continue.
    assert.equal(await page.evaluate(() => document.querySelector('latchkey-mfa')!.shadowRoot!.activeElement), null, 'the first screen takes no focus');
    await inMfa(page, 'h2').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.querySelector('latchkey-mfa')!.shadowRoot!.activeElement?.getAttribute('value')), 'sms');
    await page.keyboard.press('Tab');
    await page.keyboard.type(t.phone);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await inMfa(page, '[data-screen=code]').waitFor();
    assert.match(await inMfa(page, '[data-screen=code] p').first().textContent() ?? '', /••••\u00a0\d{4}/);
    const input = page.getByLabel('Verification code');
    assert.equal(await input.getAttribute('autocomplete'), 'one-time-code');
    assert.equal(await input.getAttribute('inputmode'), 'numeric');
    const description = await input.evaluate((i) => (i.getRootNode() as ShadowRoot).getElementById(i.getAttribute('aria-describedby') ?? '')?.textContent);
    assert.match(description ?? '', /^We sent a 6-digit code to ••••\u00a0\d{4}\.$/, 'the field is described by where the code went, the number kept on one line');
    assert.ok(await input.evaluate((i) => i === i.getRootNode().ownerDocument!.querySelector('latchkey-mfa')!.shadowRoot!.activeElement), 'focus moved to the code field');
    assert.match(await page.getByLabel(/Remember this device/).evaluate((c) => c.parentElement!.textContent!), /for 180 days/);
    await screenshot(page.locator('#mount'), 'mfa-setup-code');
    await assertAccessible(page, 'the setup code screen');
    await page.keyboard.type(await latestCode(w.h, t.phone));
    await page.keyboard.press('Enter');

    const success = await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>;
    assert.deepEqual(Object.keys(success).sort(), ['deviceId', 'rememberMe', 'required', 'setup']);
    assert.equal(success.setup, true);
    assert.equal(success.required, true);
    assert.equal(success.rememberMe, false);
    assert.match(String(success.deviceId), /^web-[0-9a-f]{24}$/);
    await inMfa(page, '[data-screen=success]').waitFor();
    await screenshot(page.locator('#mount'), 'mfa-success');
    await assertAccessible(page, 'the success screen');
    assert.equal((await sessionInfo(t, sessionId)).mfaStatus, 'COMPLETE');
    await page.close();
  });

  it('sets up an authenticator app from its QR code and key', async () => {
    const t = await mfaTenant(w);
    const page = await mountElement(w, { key: t.devKey, sessionId: await signIn(w.h, t) });
    await page.getByRole('radio', { name: /Authenticator app/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const qr = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
    await qr.waitFor();
    assert.match(await qr.getAttribute('src') ?? '', /^data:image\/png;base64,/);
    await screenshot(page.locator('#mount'), 'mfa-setup-totp');
    await assertAccessible(page, 'the authenticator-app screen');
    const key = (await inMfa(page, 'code').textContent())!;
    await page.getByLabel('Verification code').fill(totpCode(w, key));
    await page.getByRole('button', { name: 'Verify' }).click();
    const success = await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>;
    assert.equal(success.setup, true);
    await page.close();
  });

  it('an expired authenticator-app setup starts again with a new QR code and key, and the new key works', async () => {
    const t = await mfaTenant(w);
    const page = await mountElement(w, { key: t.devKey, sessionId: await signIn(w.h, t) });
    await page.getByRole('radio', { name: /Authenticator app/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await inMfa(page, 'code').waitFor();
    const oldKey = (await inMfa(page, 'code').textContent())!;
    const oldQr = await inMfa(page, 'img').getAttribute('src');
    await advanceClock(w, 11);
    await page.getByLabel('Verification code').fill(totpCode(w, oldKey));
    await page.getByRole('button', { name: 'Verify' }).click();
    await bannerOf(page).getByText('This code has expired.').waitFor();
    await bannerOf(page).getByRole('button', { name: 'Send a new code' }).click();
    await bannerOf(page).getByText(/new QR code or key/).waitFor();
    const newKey = (await inMfa(page, 'code').textContent())!;
    assert.notEqual(newKey, oldKey, 'the screen shows the new setup\'s key');
    assert.notEqual(await inMfa(page, 'img').getAttribute('src'), oldQr, 'and its QR code');
    await page.getByLabel('Verification code').fill(totpCode(w, newKey));
    await page.getByRole('button', { name: 'Verify' }).click();
    assert.equal((await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>).setup, true);
    await page.close();
  });

  it('sets up email: the code goes to the account\'s address, and the sandbox outbox holds it', async () => {
    const t = await mfaTenant(w);
    const sessionId = await signIn(w.h, t);
    const page = await mountElement(w, { key: t.devKey, sessionId });
    await page.getByRole('radio', { name: /Email/ }).check();
    assert.ok(await page.getByLabel('Email address (optional)').isVisible());
    assert.ok(await page.getByLabel('Mobile number (optional)').isHidden(), 'only the chosen method\'s field shows');
    await screenshot(page.locator('#mount'), 'mfa-setup-email');
    await assertAccessible(page, 'the setup screen with email chosen');
    await page.getByRole('button', { name: 'Continue' }).click();
    await inMfa(page, '[data-screen=code]').waitFor();
    const [local, domain] = t.email.split('@');
    assert.equal(await inMfa(page, '[data-screen=code] p').first().textContent(), `We sent a 6-digit code to ${local!.charAt(0)}••••@${domain}.`);
    await page.getByLabel('Verification code').fill(await latestCode(w.h, t.email));
    await page.getByRole('button', { name: 'Verify' }).click();
    const success = await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>;
    assert.equal(success.setup, true);
    const factors = (await w.h.call('GET', '/v1/factors', { devKey: t.devKey, session: sessionId })).json().factors as { type: string; status: string }[];
    assert.deepEqual(factors.map((f) => [f.type, f.status]), [['email', 'active']]);
    await page.close();
  });

  it('sets up backup codes: shows them once, then confirms one', async () => {
    const t = await mfaTenant(w);
    const page = await mountElement(w, { key: t.devKey, sessionId: await signIn(w.h, t) });
    await page.getByRole('radio', { name: /Backup codes/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const list = page.getByRole('list', { name: 'Backup codes' });
    await list.waitFor();
    const codes = await list.locator('li').allTextContents();
    assert.equal(codes.length, 10);
    await screenshot(page.locator('#mount'), 'mfa-setup-backup-codes');
    await assertAccessible(page, 'the backup-codes screen');
    await page.getByRole('button', { name: 'I’ve saved them' }).click();
    // The list (labelled "Backup codes") stays until the challenge starts: wait for the next screen.
    await inMfa(page, '[data-screen=backup-code]').waitFor();
    await page.getByLabel('Backup code').fill(codes[3]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    assert.equal((await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>).setup, true);
    await page.close();
  });
});
