import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { NO_BROWSER, screenshot, assertAccessible } from './support/browser.ts';
import { mountElement, recordedEvents, startWorld, waitForEvent, type ElementsWorld } from './support/elements.ts';
import { advanceClock, bannerOf, focused, inMfa, mfaTenant } from './support/mfa.ts';
import { challengeSms, enrollSms, latestCode, signIn, type Tenant } from '../support/fixtures.ts';
import { PASSWORD } from '../support/harness.ts';

/** The mfa Element challenging a user who has a factor, through the real server, on a partner page of another origin, in Chromium. */
describe('mfa Element: challenges', { skip: NO_BROWSER }, () => {
  let w: ElementsWorld;
  before(async () => {
    w = await startWorld();
  });
  after(() => w.close());

  /** A user with an active SMS factor and a fresh, untrusted session. */
  async function challengedUser(): Promise<{ t: Tenant; sessionId: string }> {
    const t = await mfaTenant(w);
    await enrollSms(w.h, t, await signIn(w.h, t));
    return { t, sessionId: await signIn(w.h, t) };
  }



  it('a challenge with "Remember this device" emits the exact mfaSuccess payload, and the device signs in trusted', async () => {
    const { t, sessionId } = await challengedUser();
    await w.h.call('PATCH', `/v1/admin/organizations/${t.orgId}`, { admin: true, body: { rememberDeviceDays: 30 } });
    const page = await mountElement(w, { key: t.devKey, sessionId });
    assert.deepEqual(await waitForEvent(page, 'mfaReady'), { setup: false, required: true });
    await inMfa(page, '[data-screen=code]').waitFor();
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
    await inMfa(page, '[data-screen=code]').waitFor();
    const right = await latestCode(w.h, t.phone);
    const verifies: string[] = [];
    page.on('request', (r) => void (r.url().endsWith('/verify') && verifies.push(r.url())));
    // A malformed code is refused in the Element, without spending an attempt: the letter is dropped as typed, 2 digits are too few.
    await page.getByLabel('Verification code').focus();
    await page.keyboard.type('12a');
    assert.equal(await page.getByLabel('Verification code').inputValue(), '12');
    await page.getByRole('button', { name: 'Verify' }).click();
    await bannerOf(page).getByText('Enter the 6-digit code: six digits, no letters.').waitFor();
    assert.equal(await page.getByLabel('Verification code').getAttribute('aria-invalid'), 'true');
    assert.equal(await focused(page), 'input code');
    assert.deepEqual(verifies, [], 'nothing sent to the server');
    // The live regions are outside the container that is aria-busy during actions (announcements are not held back).
    assert.equal(await page.evaluate(() => document.querySelector('latchkey-mfa')!.shadowRoot!.querySelectorAll('[aria-busy] [role=alert], [aria-busy] [role=status], [aria-busy][role=alert]').length), 0);
    assert.equal(await inMfa(page, '[aria-busy]').count(), 1, 'the screen is the busy container');
    await page.getByLabel('Verification code').fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await assert.doesNotReject(bannerOf(page).getByText('The code is not correct. 4 attempts left.').waitFor());
    assert.equal(await page.getByLabel('Verification code').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Verification code').inputValue(), '', 'the wrong code is not left in the field');
    // The field was disabled while the code was checked; focus comes back to it for the next try.
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
    await inMfa(page, '[data-screen=code]').waitFor();
    const old = await latestCode(w.h, t.phone);
    await advanceClock(w, 11);
    await page.getByLabel('Verification code').fill(old);
    await page.getByRole('button', { name: 'Verify' }).click();
    await bannerOf(page).getByText('This code has expired.').waitFor();
    assert.equal(await focused(page), 'button Send a new code', 'focus goes to the way out');
    await screenshot(page.locator('#mount'), 'mfa-expired');
    await assertAccessible(page, 'the expired banner');
    await bannerOf(page).getByRole('button', { name: 'Send a new code' }).click();
    await bannerOf(page).getByText(/We sent a new code to/).waitFor();
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
    await inMfa(page, '[data-screen=code]').waitFor();
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await bannerOf(page).getByText(/We sent a new code to ••••\u00a0\d{4}\./).waitFor();
    // Use up the hour's sends (10 per user: 1 setup, 1 for the Element, 1 resend so far).
    const other = await signIn(w.h, t);
    for (let i = 0; i < 7; i++) await challengeSms(w.h, t, other);
    await page.getByRole('button', { name: 'Send a new code' }).click();
    // Only the specific wait, not "Try again later. Try again in 51 minutes."
    await bannerOf(page).getByText(/^Too many codes sent \(at most 10 an hour\)\. Try again in \d+ minutes\.$/).waitFor();
    await screenshot(page.locator('#mount'), 'mfa-resend-limit');
    await page.close();
  });

  it('"Use a backup code" challenges with one of the user\'s backup codes', async () => {
    const t = await mfaTenant(w);
    // enrollSms leaves its session freshly verified: enough to add backup codes (step-up).
    const setup = await signIn(w.h, t);
    await enrollSms(w.h, t, setup);
    const backup = await w.h.call('POST', '/v1/factors', { devKey: t.devKey, session: setup, body: { type: 'backup_codes' } });
    assert.equal(backup.statusCode, 201, backup.body);
    const sessionId = await signIn(w.h, t);
    const codes = backup.json().backupCodes as string[];

    const page = await mountElement(w, { key: t.devKey, sessionId });
    await inMfa(page, '[data-screen=code]').waitFor();
    await page.getByRole('button', { name: 'Use a backup code' }).click();
    await inMfa(page, '[data-screen=backup-code]').waitFor();
    const input = page.getByLabel('Backup code');
    assert.equal(await input.getAttribute('inputmode'), null);
    await screenshot(page.locator('#mount'), 'mfa-backup-code');
    await assertAccessible(page, 'the backup-code screen');
    let verifies = 0;
    page.on('request', (r) => void (r.url().endsWith('/verify') && verifies++));
    // Not a backup code (an 'l' and a '1' are not in their alphabet, and 11 characters): refused without a call.
    await input.fill('abcde-fghl1x');
    await page.getByRole('button', { name: 'Verify' }).click();
    await bannerOf(page).getByText(/Enter one of your backup codes: 10 letters and digits/).waitFor();
    assert.equal(verifies, 0, 'nothing sent to the server');
    // Upper case and spaces are fine, as the server accepts them.
    await input.fill(codes[0]!.toUpperCase().replace('-', ' '));
    await page.getByRole('button', { name: 'Verify' }).click();
    const success = await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>;
    assert.equal(success.setup, false);
    await page.close();
  });

  it('over the hourly challenge limit at launch, a screen says so with when to try again (no endless spinner)', async () => {
    const t = await mfaTenant(w);
    const setup = await signIn(w.h, t);
    await enrollSms(w.h, t, setup);
    // The hour's 10 challenges: 1 for the setup, 9 more.
    for (let i = 0; i < 9; i++) await challengeSms(w.h, t, setup);
    const page = await mountElement(w, { key: t.devKey, sessionId: await signIn(w.h, t) });
    assert.deepEqual(await waitForEvent(page, 'mfaReady'), { setup: false, required: true });
    await inMfa(page, '[data-screen=unavailable]').waitFor();
    // Only the specific wait, not "Try again later. Try again in 51 minutes."
    await bannerOf(page).getByText(/^Too many codes sent \(at most 10 an hour\)\. Try again in \d+ minutes\.$/).waitFor();
    assert.equal(await inMfa(page, '.loading').count(), 0, 'no spinner left');
    assert.equal(await focused(page), null, 'the first screen takes no focus');
    await screenshot(page.locator('#mount'), 'mfa-unavailable');
    await assertAccessible(page, 'the unavailable screen');
    await page.close();
  });

  it('a user with several factors picks another one with the keyboard: "Use another method", then email', async () => {
    const t = await mfaTenant(w);
    const setup = await signIn(w.h, t);
    await enrollSms(w.h, t, setup);
    const email = await w.h.call('POST', '/v1/factors', { devKey: t.devKey, session: setup, body: { type: 'email' } });
    assert.equal(email.statusCode, 201, email.body);
    const verified = await w.h.call('POST', `/v1/mfa/challenges/${email.json().challenge.challengeId}/verify`, { devKey: t.devKey, session: setup, body: { code: await latestCode(w.h, t.email) } });
    assert.equal(verified.statusCode, 200, verified.body);

    const page = await mountElement(w, { key: t.devKey, sessionId: await signIn(w.h, t) });
    await inMfa(page, '[data-screen=code]').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Use a backup code' }).count(), 0, 'no backup codes, so none offered');
    assert.equal(await focused(page), null, 'the first screen takes no focus');
    await page.getByLabel('Verification code').focus();
    // Focus order from the code field: remember, Verify, Send a new code, Use another method.
    for (const expected of ['input remember', 'button Verify', 'button Send a new code', 'button Use another method']) {
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), expected);
    }
    await page.keyboard.press('Enter');
    const methods = inMfa(page, '[data-screen=methods]');
    await methods.waitFor();
    assert.deepEqual(await methods.getByRole('button').allTextContents(), [`EmailSend a code to ${t.email.charAt(0)}••••@example.com`], 'the other factor only');
    await screenshot(page.locator('#mount'), 'mfa-other-methods');
    await assertAccessible(page, 'the other-methods screen');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await inMfa(page, '[data-screen=code]').getByText(/We sent a 6-digit code to .*@example\.com/).waitFor();
    await page.keyboard.type(await latestCode(w.h, t.email));
    await page.keyboard.press('Enter');
    assert.equal((await waitForEvent(page, 'mfaSuccess') as Record<string, unknown>).setup, false);
    await page.close();
  });

  it('an already trusted session is ready with setup true and asks nothing', async () => {
    const { t, sessionId } = await challengedUser();
    const { challengeId, code } = await challengeSms(w.h, t, sessionId);
    await w.h.call('POST', `/v1/mfa/challenges/${challengeId}/verify`, { devKey: t.devKey, session: sessionId, body: { code } });
    const page = await mountElement(w, { key: t.devKey, sessionId });
    assert.deepEqual(await waitForEvent(page, 'mfaReady'), { setup: true, required: false });
    await inMfa(page, '[data-screen=verified]').waitFor();
    await screenshot(page.locator('#mount'), 'mfa-already-verified');
    await page.close();
  });
});
