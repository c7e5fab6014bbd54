import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import type { Page } from 'playwright-core';
import { NO_BROWSER, screenshot, assertAccessible } from './support/browser.ts';
import { mountElement, recordedEvents, startWorld, waitForEvent, type ElementsWorld } from './support/elements.ts';
import { challengeSms, createTenant, enrollSms, latestCode, signIn, type Tenant } from '../support/fixtures.ts';
import { ADMIN_TOKEN, PASSWORD } from '../support/harness.ts';

/** The mfa Element through the real server, on a partner page of another origin, in Chromium. */
describe('mfa Element', { skip: NO_BROWSER }, () => {
  let w: ElementsWorld;
  before(async () => {
    w = await startWorld();
  });
  after(() => w.close());

  const tenant = () => createTenant(w.h, { allowedOrigins: [w.site.url] });
  const el = (page: Page, css: string) => page.locator(`latchkey-mfa ${css}`);
  const banner = (page: Page) => el(page, '[role=alert]');
  /** A user with an active SMS factor and a fresh, untrusted session. */
  async function challengedUser(): Promise<{ t: Tenant; sessionId: string }> {
    const t = await tenant();
    await enrollSms(w.h, t, await signIn(w.h, t));
    return { t, sessionId: await signIn(w.h, t) };
  }
  /** What has focus inside the Element: its tag, and its name or text. */
  const focused = (page: Page) => page.evaluate(() => {
    const a = document.querySelector('latchkey-mfa')!.shadowRoot!.activeElement;
    return a ? `${a.tagName.toLowerCase()} ${a.getAttribute('name') ?? a.textContent}` : null;
  });
  const advanceClock = async (minutes: number) => {
    const r = await fetch(`${w.latchkeyUrl}/v1/admin/clock/advance`, {
      method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ minutes }),
    });
    assert.equal(r.status, 200);
  };
  const totpCode = (key: string) => generateHOTP(decodeBase32IgnorePadding(key.replace(/\s/g, '')), BigInt(Math.floor(w.h.lk.clock.now() / 30_000)), 6);
  async function sessionInfo(t: Tenant, sessionId: string) {
    return (await w.h.call('GET', '/v1/session', { devKey: t.devKey, session: sessionId })).json();
  }

  it('sets up a first factor (text message, the default) with the keyboard only', async () => {
    const t = await tenant();
    const sessionId = await signIn(w.h, t);
    const page = await mountElement(w, { key: t.devKey, sessionId });
    assert.deepEqual(await waitForEvent(page, 'mfaReady'), { setup: false, required: true });
    await el(page, '[data-screen=setup]').waitFor();
    assert.ok(await page.getByRole('radio', { name: /Text message/ }).isChecked());
    await screenshot(page.locator('#mount'), 'mfa-setup');
    await assertAccessible(page, 'the setup screen');

    // Focus is on the heading; Tab reaches the chosen method, then the phone field, then Continue.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.querySelector('latchkey-mfa')!.shadowRoot!.activeElement?.getAttribute('value')), 'sms');
    await page.keyboard.press('Tab');
    await page.keyboard.type(t.phone);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await el(page, '[data-screen=code]').waitFor();
    assert.match(await el(page, '[data-screen=code] p').first().textContent() ?? '', /•••• \d{4}/);
    const input = page.getByLabel('Verification code');
    assert.equal(await input.getAttribute('autocomplete'), 'one-time-code');
    assert.equal(await input.getAttribute('inputmode'), 'numeric');
    const description = await input.evaluate((i) => (i.getRootNode() as ShadowRoot).getElementById(i.getAttribute('aria-describedby') ?? '')?.textContent);
    assert.match(description ?? '', /^We sent a 6-digit code to •••• \d{4}\.$/, 'the field is described by where the code went');
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
    await el(page, '[data-screen=success]').waitFor();
    await screenshot(page.locator('#mount'), 'mfa-success');
    await assertAccessible(page, 'the success screen');
    assert.equal((await sessionInfo(t, sessionId)).mfaStatus, 'COMPLETE');
    await page.close();
  });

  it('a challenge with "Remember this device" emits the exact mfaSuccess payload, and the device signs in trusted', async () => {
    const { t, sessionId } = await challengedUser();
    await w.h.call('PATCH', `/v1/admin/organizations/${t.orgId}`, { admin: true, body: { rememberDeviceDays: 30 } });
    const page = await mountElement(w, { key: t.devKey, sessionId });
    assert.deepEqual(await waitForEvent(page, 'mfaReady'), { setup: false, required: true });
    await el(page, '[data-screen=code]').waitFor();
    await screenshot(page.locator('#mount'), 'mfa-challenge');
    await assertAccessible(page, 'the challenge screen');
    // A pasted code with a space keeps its digits.
    await page.getByLabel('Verification code').fill('');
    await page.getByLabel('Verification code').focus();
    const code = await latestCode(w.h, t.phone);
    await page.keyboard.insertText(`${code.slice(0, 3)} ${code.slice(3)}`);
    assert.equal(await page.getByLabel('Verification code').inputValue(), code);
    await page.getByLabel('Remember this device for 30 days').check();
    await page.getByRole('button', { name: 'Verify' }).click();

    const success = await waitForEvent(page, 'mfaSuccess') as { rememberMeId: string; deviceId: string };
    assert.deepEqual(success, { setup: false, required: true, rememberMe: true, deviceId: success.deviceId, rememberMeId: success.rememberMeId });
    assert.match(success.rememberMeId, /^[A-Za-z0-9_-]{43}$/);
    assert.equal((await recordedEvents(page)).filter((e) => e.name === 'mfaSuccess').length, 2, 'once to onEvent, once on window');
    // Seed 000: the partner signs the user in again with rememberMeId and device, and the session is MFA-trusted at once.
    const again = await w.h.call('POST', '/v1/sessions', { devKey: t.devKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD, rememberMeId: success.rememberMeId, device: success.deviceId } });
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.json().mfaStatus, 'COMPLETE');
    await page.close();
  });

  it('a wrong code is a banner with the tries left, and the field says it is invalid', async () => {
    const { t, sessionId } = await challengedUser();
    const page = await mountElement(w, { key: t.devKey, sessionId });
    await el(page, '[data-screen=code]').waitFor();
    const right = await latestCode(w.h, t.phone);
    await page.getByLabel('Verification code').fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await assert.doesNotReject(banner(page).getByText('The code is not correct. 4 attempts left.').waitFor());
    assert.equal(await page.getByLabel('Verification code').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Verification code').inputValue(), '', 'the wrong code is not left in the field');
    // The field was disabled while the code was checked; focus comes back to it for the next try.
    await page.waitForFunction(() => !document.querySelector('latchkey-mfa')!.shadowRoot!.querySelector('[aria-busy=true]'));
    assert.equal(await focused(page), 'input code');
    assert.equal((await recordedEvents(page)).filter((e) => e.name === 'error').length, 0, 'recoverable: no error event');
    await screenshot(page.locator('#mount'), 'mfa-wrong-code');
    await assertAccessible(page, 'the wrong-code banner');
    await page.getByLabel('Verification code').fill(right);
    await page.getByRole('button', { name: 'Verify' }).click();
    await waitForEvent(page, 'mfaSuccess');
    await page.close();
  });

  it('an expired code is a banner whose button sends a new one (sandbox clock moved by the admin API)', async () => {
    const { t, sessionId } = await challengedUser();
    const page = await mountElement(w, { key: t.devKey, sessionId });
    await el(page, '[data-screen=code]').waitFor();
    const old = await latestCode(w.h, t.phone);
    await advanceClock(11);
    await page.getByLabel('Verification code').fill(old);
    await page.getByRole('button', { name: 'Verify' }).click();
    await banner(page).getByText('This code has expired.').waitFor();
    await page.waitForFunction(() => !document.querySelector('latchkey-mfa')!.shadowRoot!.querySelector('[aria-busy=true]'));
    assert.equal(await focused(page), 'button Send a new code', 'focus goes to the way out');
    await screenshot(page.locator('#mount'), 'mfa-expired');
    await assertAccessible(page, 'the expired banner');
    await banner(page).getByRole('button', { name: 'Send a new code' }).click();
    await banner(page).getByText(/We sent a new code to/).waitFor();
    const fresh = await latestCode(w.h, t.phone);
    assert.notEqual(fresh, old);
    await page.getByLabel('Verification code').fill(fresh);
    await page.getByRole('button', { name: 'Verify' }).click();
    await waitForEvent(page, 'mfaSuccess');
    await page.close();
  });

  it('resend shows where the new code went, then the server\'s limit when it is reached', async () => {
    const { t, sessionId } = await challengedUser();
    const page = await mountElement(w, { key: t.devKey, sessionId });
    await el(page, '[data-screen=code]').waitFor();
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await banner(page).getByText(/We sent a new code to •••• \d{4}\./).waitFor();
    // Use up the hour's sends (10 per user: 1 setup, 1 for the Element, 1 resend so far).
    const other = await signIn(w.h, t);
    for (let i = 0; i < 7; i++) await challengeSms(w.h, t, other);
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await banner(page).getByText(/Too many attempts\. Try again later\. Try again in \d+ minutes\./).waitFor();
    await screenshot(page.locator('#mount'), 'mfa-resend-limit');
    await page.close();
  });

  it('"Use a backup code" challenges with one of the user\'s backup codes', async () => {
    const t = await tenant();
    // enrollSms leaves its session freshly verified: enough to add backup codes (step-up).
    const setup = await signIn(w.h, t);
    await enrollSms(w.h, t, setup);
    const backup = await w.h.call('POST', '/v1/factors', { devKey: t.devKey, session: setup, body: { type: 'backup_codes' } });
    assert.equal(backup.statusCode, 201, backup.body);
    const sessionId = await signIn(w.h, t);
    const codes = backup.json().backupCodes as string[];

    const page = await mountElement(w, { key: t.devKey, sessionId });
    await el(page, '[data-screen=code]').waitFor();
    await page.getByRole('button', { name: 'Use a backup code' }).click();
    await el(page, '[data-screen=backup-code]').waitFor();
    const input = page.getByLabel('Backup code');
    assert.equal(await input.getAttribute('inputmode'), null);
    await screenshot(page.locator('#mount'), 'mfa-backup-code');
    await assertAccessible(page, 'the backup-code screen');
    await input.fill(codes[0]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    const success = await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>;
    assert.equal(success.setup, false);
    await page.close();
  });

  it('over the hourly challenge limit at launch, a screen says so with when to try again (no endless spinner)', async () => {
    const t = await tenant();
    const setup = await signIn(w.h, t);
    await enrollSms(w.h, t, setup);
    // The hour's 10 challenges: 1 for the setup, 9 more.
    for (let i = 0; i < 9; i++) await challengeSms(w.h, t, setup);
    const page = await mountElement(w, { key: t.devKey, sessionId: await signIn(w.h, t) });
    assert.deepEqual(await waitForEvent(page, 'mfaReady'), { setup: false, required: true });
    await el(page, '[data-screen=unavailable]').waitFor();
    await banner(page).getByText(/Too many attempts\. Try again later\. Try again in \d+ minutes\./).waitFor();
    assert.equal(await el(page, '.loading').count(), 0, 'no spinner left');
    assert.equal(await focused(page), 'h2 We couldn’t start verification');
    await screenshot(page.locator('#mount'), 'mfa-unavailable');
    await assertAccessible(page, 'the unavailable screen');
    await page.close();
  });

  it('sets up an authenticator app from its QR code and key', async () => {
    const t = await tenant();
    const page = await mountElement(w, { key: t.devKey, sessionId: await signIn(w.h, t) });
    await page.getByRole('radio', { name: /Authenticator app/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const qr = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
    await qr.waitFor();
    assert.match(await qr.getAttribute('src') ?? '', /^data:image\/png;base64,/);
    await screenshot(page.locator('#mount'), 'mfa-setup-totp');
    await assertAccessible(page, 'the authenticator-app screen');
    const key = (await el(page, 'code').textContent())!;
    await page.getByLabel('Verification code').fill(totpCode(key));
    await page.getByRole('button', { name: 'Verify' }).click();
    const success = await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>;
    assert.equal(success.setup, true);
    await page.close();
  });

  it('an expired authenticator-app setup starts again with a new QR code and key, and the new key works', async () => {
    const t = await tenant();
    const page = await mountElement(w, { key: t.devKey, sessionId: await signIn(w.h, t) });
    await page.getByRole('radio', { name: /Authenticator app/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await el(page, 'code').waitFor();
    const oldKey = (await el(page, 'code').textContent())!;
    const oldQr = await el(page, 'img').getAttribute('src');
    await advanceClock(11);
    await page.getByLabel('Verification code').fill(totpCode(oldKey));
    await page.getByRole('button', { name: 'Verify' }).click();
    await banner(page).getByText('This code has expired.').waitFor();
    await banner(page).getByRole('button', { name: 'Send a new code' }).click();
    await banner(page).getByText(/new QR code or key/).waitFor();
    const newKey = (await el(page, 'code').textContent())!;
    assert.notEqual(newKey, oldKey, 'the screen shows the new setup\'s key');
    assert.notEqual(await el(page, 'img').getAttribute('src'), oldQr, 'and its QR code');
    await page.getByLabel('Verification code').fill(totpCode(newKey));
    await page.getByRole('button', { name: 'Verify' }).click();
    assert.equal((await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>).setup, true);
    await page.close();
  });

  it('sets up email: the code goes to the account\'s address, and the sandbox outbox holds it', async () => {
    const t = await tenant();
    const sessionId = await signIn(w.h, t);
    const page = await mountElement(w, { key: t.devKey, sessionId });
    await page.getByRole('radio', { name: /Email/ }).check();
    assert.ok(await page.getByLabel('Email address (optional)').isVisible());
    assert.ok(await page.getByLabel('Mobile number (optional)').isHidden(), 'only the chosen method\'s field shows');
    await screenshot(page.locator('#mount'), 'mfa-setup-email');
    await assertAccessible(page, 'the setup screen with email chosen');
    await page.getByRole('button', { name: 'Continue' }).click();
    await el(page, '[data-screen=code]').waitFor();
    const [local, domain] = t.email.split('@');
    assert.equal(await el(page, '[data-screen=code] p').first().textContent(), `We sent a 6-digit code to ${local!.charAt(0)}••••@${domain}.`);
    await page.getByLabel('Verification code').fill(await latestCode(w.h, t.email));
    await page.getByRole('button', { name: 'Verify' }).click();
    const success = await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>;
    assert.equal(success.setup, true);
    const factors = (await w.h.call('GET', '/v1/factors', { devKey: t.devKey, session: sessionId })).json().factors as { type: string; status: string }[];
    assert.deepEqual(factors.map((f) => [f.type, f.status]), [['email', 'active']]);
    await page.close();
  });

  it('a user with several factors picks another one with the keyboard: "Use another method", then email', async () => {
    const t = await tenant();
    const setup = await signIn(w.h, t);
    await enrollSms(w.h, t, setup);
    const email = await w.h.call('POST', '/v1/factors', { devKey: t.devKey, session: setup, body: { type: 'email' } });
    assert.equal(email.statusCode, 201, email.body);
    const verified = await w.h.call('POST', `/v1/mfa/challenges/${email.json().challenge.challengeId}/verify`, { devKey: t.devKey, session: setup, body: { code: await latestCode(w.h, t.email) } });
    assert.equal(verified.statusCode, 200, verified.body);

    const page = await mountElement(w, { key: t.devKey, sessionId: await signIn(w.h, t) });
    await el(page, '[data-screen=code]').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Use a backup code' }).count(), 0, 'no backup codes, so none offered');
    // Focus order from the code field: remember, Verify, Send a new code, Use another method.
    for (const expected of ['input remember', 'button Verify', 'button Send a new code', 'button Use another method']) {
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), expected);
    }
    await page.keyboard.press('Enter');
    const methods = el(page, '[data-screen=methods]');
    await methods.waitFor();
    assert.deepEqual(await methods.getByRole('button').allTextContents(), [`EmailSend a code to ${t.email.charAt(0)}••••@example.com`], 'the other factor only');
    await screenshot(page.locator('#mount'), 'mfa-other-methods');
    await assertAccessible(page, 'the other-methods screen');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await el(page, '[data-screen=code]').getByText(/We sent a 6-digit code to .*@example\.com/).waitFor();
    await page.keyboard.type(await latestCode(w.h, t.email));
    await page.keyboard.press('Enter');
    assert.equal((await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>).setup, false);
    await page.close();
  });

  it('sets up backup codes: shows them once, then confirms one', async () => {
    const t = await tenant();
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
    await el(page, '[data-screen=backup-code]').waitFor();
    await page.getByLabel('Backup code').fill(codes[3]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    assert.equal((await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>).setup, true);
    await page.close();
  });

  it('an already trusted session is ready with setup true and asks nothing', async () => {
    const { t, sessionId } = await challengedUser();
    const { challengeId, code } = await challengeSms(w.h, t, sessionId);
    await w.h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session: sessionId, body: { code } });
    const page = await mountElement(w, { key: t.devKey, sessionId });
    assert.deepEqual(await waitForEvent(page, 'mfaReady'), { setup: true, required: false });
    await el(page, '[data-screen=verified]').waitFor();
    await screenshot(page.locator('#mount'), 'mfa-already-verified');
    await page.close();
  });
});
