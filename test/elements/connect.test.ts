import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Request } from 'playwright-core';
import { NO_BROWSER } from './support/browser.ts';
import { mountElement, recordedEvents, startWorld, waitForEvent, type ElementsWorld } from './support/elements.ts';
import { SANDBOX_BANK, bannerOf, capture, challengeScreen, inConnect, mountConnect, screenOf, signInToSandbox } from './support/connect.ts';

/** The connect Element through the real server and the sandbox bank, on a partner page of another origin, in Chromium. */
describe('connect Element: search, credentials and every challenge type', { skip: NO_BROWSER }, () => {
  let w: ElementsWorld;
  before(async () => {
    w = await startWorld();
  });
  after(() => w.close());

  /** Every resume request the page sends, with all its headers. */
  function resumes(page: Page): Promise<Record<string, string>>[] {
    const seen: Promise<Record<string, string>>[] = [];
    page.on('request', (r: Request) => {
      if (r.method() === 'PUT' && r.url().endsWith('/resume')) seen.push(r.allHeaders());
    });
    return seen;
  }

  it('searches institutions and signs in with the keyboard only; a question, answered, connects with the exact connectSuccess payload', async () => {
    const { page, t, sessionId } = await mountConnect(w);
    assert.deepEqual(await waitForEvent(page, 'connectReady'), { step: 'search' });
    const search = page.getByLabel('Search for your institution');
    // The first screen leaves focus where the page has it: nothing in the Element, and the page's body.
    assert.equal(await page.evaluate(() => document.querySelector('latchkey-connect')!.shadowRoot!.activeElement), null, 'the first screen takes no focus');
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    await search.focus();
    assert.ok(await inConnect(page, 'button.institution').count() >= 4, 'every institution is listed before a search');
    await capture(page, 'connect-search');

    await page.keyboard.type('latchkey');
    await inConnect(page, 'li').first().filter({ hasText: SANDBOX_BANK }).waitFor();
    await page.waitForFunction(() => document.querySelector('latchkey-connect')!.shadowRoot!.querySelectorAll('button.institution').length === 1);
    await capture(page, 'connect-search-results');
    // Enter in the field picks the first result.
    await page.keyboard.press('Enter');
    await screenOf(page, 'credentials').waitFor();
    assert.equal(await page.getByRole('heading', { name: `Sign in to ${SANDBOX_BANK}` }).count(), 1);
    assert.equal(await page.getByLabel('Password').getAttribute('type'), 'password');
    assert.equal(await page.getByLabel('Password').getAttribute('autocomplete'), 'current-password');
    await capture(page, 'connect-credentials');
    // A missing field is a banner, and the field says it is invalid.
    await page.keyboard.press('Tab');
    await page.keyboard.type('ana');
    await page.keyboard.press('Enter');
    await bannerOf(page).getByText('Enter your password.').waitFor();
    assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
    await page.keyboard.type('mfa_question');
    const password = await page.getByLabel('Password').elementHandle();
    await page.keyboard.press('Enter');

    const screen = await challengeScreen(page, 'question');
    const answer = page.getByLabel('What was the name of your first pet?');
    assert.ok(await answer.evaluate((i) => i === (i.getRootNode() as ShadowRoot).activeElement), 'focus moves to the question');
    assert.match(await screen.locator('[role=timer]').textContent() ?? '', /^(10:00|9:5\d)$/);
    assert.equal(await page.getByLabel('Password').count(), 0, 'the credential form is gone');
    // A typed value lives in the input's value (never in innerHTML): the field itself must have been emptied.
    assert.equal(await password!.evaluate((i) => (i as HTMLInputElement).value), '', 'the password is not kept in the DOM');
    const challenge = await waitForEvent(page, 'connectChallenge') as Record<string, unknown>;
    assert.deepEqual(challenge, { connectionId: challenge.connectionId, institutionCode: 'latchkey_sandbox', round: 1, types: ['question'], retry: false });
    await capture(page, 'connect-question');
    const answerField = await answer.elementHandle();
    await page.keyboard.type('correct');
    await page.keyboard.press('Enter');
    assert.equal(await answerField!.evaluate((i) => (i as HTMLInputElement).value), '', 'the answer leaves the DOM once read');

    const success = await waitForEvent(page, 'connectSuccess') as { connectionId: string };
    const accounts = (await w.h.call('GET', `/v1/connections/${success.connectionId}/accounts`, { devKey: t.devKey, session: sessionId })).json().accounts;
    assert.equal(accounts.length, 3);
    assert.deepEqual(success, { connectionId: challenge.connectionId, institution: { code: 'latchkey_sandbox', name: SANDBOX_BANK }, accounts, existing: false });
    assert.deepEqual(Object.keys(accounts[0]).sort(), ['accountId', 'balance', 'currency', 'mask', 'name', 'type', 'updatedAt']);
    await screenOf(page, 'success').getByText('Everyday Checking').waitFor();
    await capture(page, 'connect-success');
    const events = (await recordedEvents(page)).filter((e) => e.via === 'window').map((e) => e.name);
    assert.deepEqual(events, ['connectReady', 'connectChallenge', 'connectSuccess']);
    await page.close();
  });

  it('a login that is already linked says so (not "Connected"), and connectSuccess says existing: true', async () => {
    const { page, t, sessionId } = await mountConnect(w);
    await signInToSandbox(page, 'good', 'linked');
    const first = await waitForEvent(page, 'connectSuccess') as { connectionId: string; existing: boolean };
    assert.equal(first.existing, false);
    await screenOf(page, 'success').waitFor();
    await page.close();
    // The same login again, with another password: the server answers 200 with the existing connection and drops the new credentials.
    const again = await mountElement(w, { name: 'connect', key: t.devKey, sessionId });
    await signInToSandbox(again, 'another-password', 'linked');
    const second = await waitForEvent(again, 'connectSuccess') as { connectionId: string; existing: boolean };
    assert.deepEqual([second.connectionId, second.existing], [first.connectionId, true]);
    const screen = screenOf(again, 'already-linked');
    await screen.getByRole('heading', { name: `Already linked to ${SANDBOX_BANK}` }).waitFor();
    assert.match(await screen.textContent() ?? '', /was already linked, so nothing changed/);
    assert.equal(await again.getByRole('heading', { name: /^Connected to/ }).count(), 0);
    await capture(again, 'connect-already-linked');
    await again.close();
  });

  it('choose a phone, then the code texted to it: two rounds, each resumed with a single-use answer token and no session', async () => {
    const { page, t, sessionId } = await mountConnect(w);
    const sent = resumes(page);
    await signInToSandbox(page, 'mfa_phone');
    const round1 = await challengeScreen(page, 'options');
    assert.equal(await round1.getByRole('radio').count(), 3);
    await capture(page, 'connect-options');
    // Continue with nothing chosen: a banner; then choose with the keyboard.
    await page.getByRole('button', { name: 'Continue' }).click();
    await bannerOf(page).getByText('Answer “Which phone should we text a code to?” first.').waitFor();
    await page.getByRole('radio', { name: 'Text xxx-xxx-0102' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    const round2 = await challengeScreen(page, 'code_sent');
    const code = page.getByLabel('Enter the code we texted to xxx-xxx-0102');
    assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
    assert.match(await round2.textContent() ?? '', /Sent by text message to xxx-xxx-0102\./);
    await capture(page, 'connect-code-sent');
    await code.fill('correct');
    await page.getByRole('button', { name: 'Continue' }).click();
    const success = await waitForEvent(page, 'connectSuccess') as { connectionId: string };

    assert.equal(sent.length, 2, 'one resume per round');
    for (const headers of await Promise.all(sent)) {
      assert.match(headers['x-answer-token'] ?? '', /^[A-Za-z0-9_-]{20,}$/);
      assert.equal(headers.authorization, undefined, 'the resume carries the answer token, not the session');
      assert.equal(headers['x-dev-key'], t.devKey);
    }
    const challenges = (await recordedEvents(page)).filter((e) => e.via === 'window' && e.name === 'connectChallenge').map((e) => e.payload);
    assert.deepEqual(challenges.map((c) => (c as { round: number }).round), [1, 2]);
    const c = (await w.h.call('GET', `/v1/connections/${success.connectionId}`, { devKey: t.devKey, session: sessionId })).json();
    assert.equal(c.round, 2);
    assert.equal(c.state, 'CONNECTED');
    await page.close();
  });

  for (const [password, types, answer] of [
    ['mfa_authenticator', 'code_generated', 'Enter the 6-digit code from your authenticator app'],
    ['mfa_image', 'image_data', 'Type the word in the picture'],
  ] as const) {
    it(`${types}: the ${password} challenge is answered in a labelled field`, async () => {
      const { page } = await mountConnect(w);
      await signInToSandbox(page, password);
      const screen = await challengeScreen(page, types);
      if (types === 'image_data') {
        const img = screen.locator('img');
        assert.match(await img.getAttribute('src') ?? '', /^data:image\/svg\+xml/);
        assert.equal(await img.getAttribute('alt'), `Picture from ${SANDBOX_BANK} to read`);
        assert.ok(await img.evaluate((i) => (i as HTMLImageElement).naturalWidth > 0), 'the picture loads');
      }
      await capture(page, `connect-${types.replace('_', '-')}`);
      await page.getByLabel(answer).fill('correct');
      await page.getByLabel(answer).press('Enter');
      await waitForEvent(page, 'connectSuccess');
      await page.close();
    });
  }

  it('image_options: the security image is chosen among pictures, by its name', async () => {
    const { page } = await mountConnect(w);
    await signInToSandbox(page, 'mfa_image_options');
    const screen = await challengeScreen(page, 'image_options');
    assert.equal(await screen.locator('img[src^="data:image/"]').count(), 3);
    assert.equal(await screen.getByRole('radiogroup', { name: 'Choose your security image' }).count(), 1);
    await capture(page, 'connect-image-options');
    // Arrow keys move through the radios, as in any radio group.
    await page.getByRole('radio', { name: 'Harbor' }).focus();
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.getByRole('radio', { name: 'Sunrise' }).isChecked());
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForEvent(page, 'connectSuccess');
    await page.close();
  });

  it('multi-round: two rounds of two questions, each round a new form', async () => {
    const { page } = await mountConnect(w);
    await signInToSandbox(page, 'mfa_questions_2_2');
    const first = await challengeScreen(page, 'question question');
    assert.match(await first.textContent() ?? '', /Answer both to continue/);
    await capture(page, 'connect-multi-round-1');
    const labels1 = await first.locator('label').allTextContents();
    for (const l of labels1) await page.getByLabel(l).fill('correct');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForFunction((old) => {
      const labels = [...document.querySelector('latchkey-connect')!.shadowRoot!.querySelectorAll('[data-screen=challenge] label')].map((l) => l.textContent);
      return labels.length === 2 && labels[0] !== old;
    }, labels1[0]);
    const second = await challengeScreen(page, 'question question');
    const labels2 = await second.locator('label').allTextContents();
    assert.notDeepEqual(labels2, labels1);
    await capture(page, 'connect-multi-round-2');
    for (const l of labels2) await page.getByLabel(l).fill('correct');
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForEvent(page, 'connectSuccess');
    const rounds = (await recordedEvents(page)).filter((e) => e.via === 'window' && e.name === 'connectChallenge').map((e) => (e.payload as { round: number }).round);
    assert.deepEqual(rounds, [1, 2]);
    await page.close();
  });

  it('a rejected answer asks again with the institution\'s message, then connects', async () => {
    const { page } = await mountConnect(w);
    await signInToSandbox(page, 'mfa_reject_then_pass');
    await challengeScreen(page, 'question');
    await inConnect(page, '[data-screen=challenge] input').fill('correct');
    await page.getByRole('button', { name: 'Continue' }).click();
    await bannerOf(page).getByText('The answer was not accepted. Try again.').waitFor();
    await inConnect(page, '[data-screen=challenge] h2', ).getByText(`${SANDBOX_BANK} asks again`).waitFor();
    const retry = (await recordedEvents(page)).filter((e) => e.via === 'window' && e.name === 'connectChallenge').map((e) => (e.payload as { retry: boolean }).retry);
    assert.deepEqual(retry, [false, true]);
    await capture(page, 'connect-rejected');
    await inConnect(page, '[data-screen=challenge] input').fill('correct');
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForEvent(page, 'connectSuccess');
    await page.close();
  });
});
