import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { NO_BROWSER } from './support/browser.ts';
import { mountElement, recordedEvents, startWorld, waitForEvent, type ElementsWorld } from './support/elements.ts';
import { SANDBOX_BANK, bannerOf, capture, challengeScreen, inConnect, mountConnect, screenOf, signInToSandbox } from './support/connect.ts';
import { PASSWORD } from '../support/harness.ts';

/**
 * The connect Element's live states, driven by the server's event stream: prompts
 * approved, refused or expired while the page waits, holds, refused credentials,
 * a stream that drops, and the error event.
 */
describe('connect Element: live states from the event stream', { skip: NO_BROWSER }, () => {
  let w: ElementsWorld;
  before(async () => {
    w = await startWorld();
  });
  after(() => w.close());

  /** The sandbox bank's prompt is polled by the job on the server's clock: move it, a poll at a time, until `done`. */
  async function pollUntil(page: Page, done: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 100 && !(await done()); i++) {
      w.h.time.advance(1_500);
      await page.waitForTimeout(50);
    }
    assert.ok(await done(), 'the prompt was decided');
  }
  const requestsTo = (page: Page, test: (url: string, method: string) => boolean) => {
    const seen: string[] = [];
    page.on('request', (r) => void (test(r.url(), r.method()) && seen.push(r.url())));
    return seen;
  };

  it('a prompt waits with a live countdown, without polling, and connects when approved in the app', async () => {
    const { page } = await mountConnect(w);
    const reads = requestsTo(page, (url, method) => method === 'GET' && /\/v1\/connections\/con_[^/]+$/.test(url));
    await signInToSandbox(page, 'mfa_prompt_approve');
    const prompt = screenOf(page, 'prompt');
    await prompt.waitFor();
    assert.equal(await page.getByRole('heading', { name: `${SANDBOX_BANK} needs your approval` }).count(), 1);
    assert.notEqual(await prompt.locator('p').first().textContent(), await prompt.locator('h2').textContent(), 'the body says more than the heading');
    assert.equal(await prompt.locator('input').count(), 0, 'nothing to answer');
    assert.deepEqual(await prompt.locator('button').allTextContents(), ['Choose another institution'], 'only the way out');
    const timer = prompt.getByRole('timer');
    const first = await timer.textContent();
    assert.match(first ?? '', /^(10:00|9:5\d)$/);
    await page.waitForFunction((t) => document.querySelector('latchkey-connect')!.shadowRoot!.querySelector('[role=timer]')!.textContent !== t, first);
    assert.match(await timer.textContent() ?? '', /^9:5\d$/, 'the countdown ticks');
    assert.deepEqual((await waitForEvent(page, 'connectChallenge') as { types: string[] }).types, ['prompt']);
    await capture(page, 'connect-prompt');
    // While nothing happens on the server, the page does not ask: it waits on the event stream.
    const before = reads.length;
    await page.waitForTimeout(1_500);
    assert.equal(reads.length, before, 'no polling while waiting');

    await pollUntil(page, async () => (await recordedEvents(page)).some((e) => e.name === 'connectSuccess'));
    await screenOf(page, 'success').waitFor();
    await page.close();
  });

  it('taken off the page and put back (a single-page app\'s route change), it goes on: the countdown ticks and the approval arrives', async () => {
    const { page } = await mountConnect(w);
    await signInToSandbox(page, 'mfa_prompt_approve');
    const prompt = screenOf(page, 'prompt');
    await prompt.waitFor();
    type Parked = { parked: { el: Element; parent: Node } };
    await page.evaluate(() => {
      const el = document.querySelector('latchkey-connect')!;
      (window as unknown as Parked).parked = { el, parent: el.parentNode! };
      el.remove();
    });
    const shown = () => page.evaluate(() => (window as unknown as Parked).parked.el.shadowRoot!.querySelector('[role=timer]')!.textContent);
    const whileAway = await shown();
    await page.waitForTimeout(1_500);
    assert.equal(await shown(), whileAway, 'off the page, nothing ticks');
    await page.evaluate(() => {
      const { el, parent } = (window as unknown as Parked).parked;
      parent.appendChild(el);
    });
    await page.waitForFunction((t) => document.querySelector('latchkey-connect')!.shadowRoot!.querySelector('[role=timer]')!.textContent !== t, whileAway);
    assert.match(await shown() ?? '', /^9:5\d$/, 'the countdown goes on, from the server\'s deadline');
    await pollUntil(page, async () => (await recordedEvents(page)).some((e) => e.name === 'connectSuccess'));
    await screenOf(page, 'success').waitFor();
    await page.close();
  });

  it('a prompt refused in the app says so, and "Try again" starts a new one', async () => {
    const { page } = await mountConnect(w);
    await signInToSandbox(page, 'mfa_prompt_refuse');
    await screenOf(page, 'prompt').waitFor();
    await pollUntil(page, () => screenOf(page, 'refused').isVisible());
    assert.match(await screenOf(page, 'refused').textContent() ?? '', /refused in the Latchkey Sandbox Bank app/);
    await capture(page, 'connect-prompt-refused');
    await page.getByRole('button', { name: 'Try again' }).click();
    await screenOf(page, 'prompt').waitFor();
    await page.close();
  });

  it('a prompt nobody answers expires on the server\'s clock; "Try again" asks again', async () => {
    const { page } = await mountConnect(w);
    await signInToSandbox(page, 'mfa_prompt_never');
    await screenOf(page, 'prompt').waitFor();
    w.h.time.advance(10 * 60_000 + 1);
    await screenOf(page, 'expired').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Time ran out' }).count(), 1);
    await capture(page, 'connect-prompt-expired');
    await page.getByRole('button', { name: 'Try again' }).click();
    await screenOf(page, 'prompt').waitFor();
    await page.close();
  });

  it('hold: the institution\'s message, its reason and a link; "I\'ve done this" runs fix-hold, and a hold that stays says so', async () => {
    const { page } = await mountConnect(w);
    await signInToSandbox(page, 'hold_account_issue_accept_toc');
    const hold = screenOf(page, 'hold');
    await hold.waitFor();
    assert.match(await hold.textContent() ?? '', /Sign in to Latchkey Sandbox Bank and accept the updated terms of service, then try again\./);
    assert.equal(await hold.locator('[data-hold-reason]').getAttribute('data-hold-reason'), 'account_issue_accept_toc');
    assert.match(await hold.locator('[data-hold-reason]').textContent() ?? '', /Accept the updated terms of service/);
    const link = hold.getByRole('link', { name: /Go to Latchkey Sandbox Bank/ });
    assert.equal(await link.getAttribute('href'), 'https://latchkey-sandbox-bank.example/account/account_issue_accept_toc');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    await capture(page, 'connect-hold');
    const fixHolds = requestsTo(page, (url, method) => method === 'POST' && url.endsWith('/fix-hold'));
    await page.getByRole('button', { name: 'I’ve done this' }).click();
    // The sandbox holds this login every time: back on the hold, with a banner that says so.
    await bannerOf(page).getByText('Latchkey Sandbox Bank still needs this done before it lets you in.').waitFor();
    await hold.waitFor();
    assert.equal(fixHolds.length, 1);
    await capture(page, 'connect-hold-again');
    await page.close();
  });

  it('hold to change the password: the credential form takes the new one (reauthenticate) and connects', async () => {
    const { page } = await mountConnect(w);
    await signInToSandbox(page, 'hold_account_issue_update_password', 'casey');
    await screenOf(page, 'hold').waitFor();
    await page.getByRole('button', { name: 'I’ve changed it: sign in again' }).click();
    await screenOf(page, 'reauthenticate').waitFor();
    await page.getByLabel('Username').fill('casey');
    await page.getByLabel('Password').fill('good');
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await waitForEvent(page, 'connectSuccess');
    await page.close();
  });

  it('denied credentials bring the same form back with the institution\'s message; new ones connect', async () => {
    const { page, t, sessionId } = await mountConnect(w);
    const reauths = requestsTo(page, (url, method) => method === 'POST' && url.endsWith('/reauthenticate'));
    await signInToSandbox(page, 'bad_password', 'dana');
    const form = screenOf(page, 'reauthenticate');
    await form.waitFor();
    await bannerOf(page).getByText(/did not accept this username and password/).waitFor();
    assert.equal(await page.getByRole('heading', { name: `Sign in to ${SANDBOX_BANK} again` }).count(), 1);
    assert.equal(await page.getByLabel('Password').inputValue(), '', 'the refused password is not kept');
    await capture(page, 'connect-denied');
    await page.getByLabel('Username').fill('dana');
    await page.getByLabel('Password').fill('good');
    await page.getByLabel('Password').press('Enter');
    const success = await waitForEvent(page, 'connectSuccess') as { connectionId: string };
    assert.equal(reauths.length, 1, 'the same connection, re-authenticated');
    const list = (await w.h.call('GET', '/v1/connections', { devKey: t.devKey, session: sessionId })).json().connections;
    assert.deepEqual(list.map((c: { connectionId: string }) => c.connectionId), [success.connectionId]);
    await page.close();
  });

  it('a stream that ends (the session ended) resumes from Last-Event-ID with the refreshed session; nothing is missed', async () => {
    const { page, t, sessionId } = await mountConnect(w, { refresh: true });
    const streams: Promise<Record<string, string>>[] = [];
    page.on('request', (r) => void (r.url().endsWith('/events') && streams.push(r.allHeaders())));
    await signInToSandbox(page, 'mfa_question');
    await challengeScreen(page, 'question');
    // The partner's session ends (sign-out); the open stream ends with it at its next event.
    assert.equal((await w.h.call('DELETE', '/v1/session', { devKey: t.devKey, session: sessionId })).statusCode, 204);
    await inConnect(page, '[data-screen=challenge] input').fill('correct');
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForEvent(page, 'connectSuccess');
    const headers = await Promise.all(streams);
    assert.ok(headers.length >= 2, 'the stream was opened again');
    assert.equal(headers[0]!['last-event-id'], undefined);
    assert.match(headers.at(-1)!['last-event-id'] ?? '', /^[1-9]\d*$/, 'the reconnect says where it left off');
    assert.equal(await page.evaluate(() => (window as unknown as { __lk: { authFailed: number } }).__lk.authFailed), 1);
    await page.close();
  });

  it('error: a partner session is not a user\'s (exact payload, and the fallback screen when the page does not handle it)', async () => {
    const { t } = await mountConnect(w);
    const partner = await w.h.call('POST', '/v1/partner/sessions', { devKey: t.partnerKey, body: { organizationId: t.orgId, username: t.username, password: PASSWORD } });
    assert.equal(partner.statusCode, 201, partner.body);
    const page = await mountElement(w, { name: 'connect', key: t.devKey, sessionId: partner.json().sessionId });
    assert.deepEqual(await waitForEvent(page, 'error'), {
      code: 'LAUNCH_REQUIREMENTS_NOT_MET', reason: 'SESSION_NOT_SUPPORTED', message: 'The connect Element needs a user session; this is a partner session.',
      element: 'connect', elementId: 'element1',
    });
    await screenOf(page, 'fallback').waitFor();
    await capture(page, 'connect-error-fallback');
    await page.close();
  });

  it('an institution that is down: the waiting screen says it is retried, not just "Signing in…"', async () => {
    const { page } = await mountConnect(w);
    await signInToSandbox(page, 'down');
    const screen = screenOf(page, 'processing');
    await screen.getByText(`${SANDBOX_BANK} is not answering; trying again…`).waitFor({ timeout: 10_000 });
    assert.equal(await screen.getByText('Signing in… This can take a moment.').count(), 0);
    await capture(page, 'connect-retrying');
    await page.close();
  });

  it('locked: no "Try again" that cannot work; "Choose another institution" goes back to the search, as from a challenge', async () => {
    const { page } = await mountConnect(w);
    await signInToSandbox(page, 'locked');
    const locked = screenOf(page, 'locked');
    await locked.waitFor();
    assert.equal(await locked.getByRole('heading', { name: 'This login is locked' }).count(), 1);
    assert.doesNotMatch(await locked.locator('p').first().textContent() ?? '', /^This login is locked/);
    assert.deepEqual(await locked.getByRole('button').allTextContents(), ['Choose another institution']);
    await capture(page, 'connect-locked');
    await page.getByRole('button', { name: 'Choose another institution' }).click();
    await screenOf(page, 'search').waitFor();
    assert.ok(await page.getByLabel('Search for your institution').evaluate((i) => i === (i.getRootNode() as ShadowRoot).activeElement), 'focus goes to the search');
    // From a challenge too; the next sign-in follows the new connection.
    await signInToSandbox(page, 'mfa_question', 'other');
    const challenge = await challengeScreen(page, 'question');
    await challenge.getByRole('button', { name: 'Choose another institution' }).click();
    await screenOf(page, 'search').waitFor();
    await signInToSandbox(page, 'good', 'third');
    await waitForEvent(page, 'connectSuccess');
    await page.close();
  });

  it('error: a connection deleted by the partner mid-way ends the Element (exact payload; handled, so no fallback)', async () => {
    const { page, t, sessionId } = await mountConnect(w, { handleErrors: true });
    await signInToSandbox(page, 'hold_account_issue_verify_identity');
    await screenOf(page, 'hold').waitFor();
    const as = { devKey: t.devKey, session: sessionId };
    const [c] = (await w.h.call('GET', '/v1/connections', as)).json().connections;
    assert.equal((await w.h.call('DELETE', `/v1/connections/${c.connectionId}`, as)).statusCode, 204);
    const gone = (await w.h.call('POST', `/v1/connections/${c.connectionId}/fix-hold`, as)).json();
    await page.getByRole('button', { name: 'I’ve done this' }).click();
    assert.deepEqual(await waitForEvent(page, 'error'), {
      code: 'WIDGET_INTERNAL_ERROR', message: `LK_ERR_NOT_FOUND: ${gone.detail}`, element: 'connect', elementId: 'element1', status: 404, problemCode: 'LK_ERR_NOT_FOUND',
    });
    assert.equal(await screenOf(page, 'fallback').count(), 0);
    assert.equal(await screenOf(page, 'ended').count(), 1);
    assert.equal((await recordedEvents(page)).filter((e) => e.name === 'error').length, 2, 'once to onEvent, once on window');
    await page.close();
  });
});
