import type { Problem } from '@latchkey/client';
import { LatchkeyElement } from '../shared/base-element.ts';
import { problemFailure, type ElementErrorPayload } from '../shared/errors.ts';
import { userSession } from '../shared/launch.ts';
import { countdown, type Ticking } from './countdown.ts';
import { followEvents } from './event-stream.ts';
import { promptScreen, roundScreen, type Answer } from './challenges.ts';
import { credentialsScreen, holdScreen, noticeScreen, searchScreen, successScreen, waitingScreen, type Action, type SearchScreen } from './screens.ts';
import type { ConnectChallenge, ConnectReady, ConnectSuccess, Connection, InstitutionDetail } from './types.ts';

type LastAction = 'fix-hold' | 'refresh' | null;

const SEARCH_DELAY_MS = 250;
const SEARCH_LIMIT = '20';
/** While signing in takes long, how soon and how often the job is read to tell an institution that is being retried. */
const FIRST_RETRY_CHECK_MS = 3_000;
const RETRY_CHECK_MS = 10_000;

/** Screens for the states whose way out is a new job (`POST …/refresh`): [screen, heading, text]. */
const RETRY: Record<string, (name: string) => [string, string, string]> = {
  EXPIRED: () => ['expired', 'Time ran out', 'The verification was not completed in time.'],
  REJECTED: (name) => ['refused', 'Sign-in not approved', `The request was refused in the ${name} app.`],
  INSTITUTION_DOWN: (name) => ['down', `${name} isn\u2019t responding`, `${name} is not answering right now. Try again later.`],
  INTERACTIVE_REQUIRED: (name) => ['reconnect', `Reconnect ${name}`, `${name} asks you to verify it\u2019s you again.`],
  LOCKED: (name) => ['locked', 'This login is locked', `Contact ${name} to unlock it.`],
};

/**
 * The `connect` Element: institution search, the institution's credential form,
 * then each state of the connection as the server's event stream reports it —
 * every challenge type, holds, refused credentials — until it is connected.
 * Answers go with a single-use answer token, never the page's session.
 * Events: connectReady, connectChallenge, connectSuccess, error (docs/elements.md).
 */
export class ConnectElement extends LatchkeyElement {
  protected static override css = `
ul.results, ul.accounts { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
button.institution { display: flex; gap: 12px; align-items: center; inline-size: 100%; text-align: start; background: var(--_bg); color: inherit; border-color: var(--_border); }
button.institution:hover { border-color: var(--_primary); }
button.institution > span:last-child { display: grid; }
.monogram { inline-size: 32px; block-size: 32px; border-radius: 50%; background: var(--_info-bg); color: var(--_primary); display: grid; place-items: center; font-weight: 700; flex: none; }
ul.accounts li { padding: 8px 12px; border: 1px solid var(--lk-color-frame-border, #e3e8ee); border-radius: calc(var(--_radius) * .75); }
img { border: 1px solid var(--_border); border-radius: 4px; max-inline-size: 100%; }
.choice img { flex: none; }
.images .choice { align-items: center; }
fieldset[aria-invalid="true"] .choice { border-color: var(--_error); }
a { color: var(--_primary); }
.mask { white-space: nowrap; }
[role="timer"] { font-variant-numeric: tabular-nums; font-weight: 600; }`;

  #institution: InstitutionDetail | null = null;
  #connection: Connection | null = null;
  /** What the current screen shows (state, round, challenges), so a repeat of the same news leaves the user's typing alone. */
  #shown = '';
  /** Bumped by every action, so a view fetched before it cannot overwrite the action's answer. */
  #generation = 0;
  #lastAction: LastAction = null;
  #stopStream: (() => void) | null = null;
  /** The countdown or the retry check of the screen shown, if any. */
  #timer: Ticking | null = null;
  #syncing = false;
  #syncAgain = false;
  #done = false;
  /** The sign-in found this login already linked (the server answered with the existing connection). */
  #existing = false;

  protected async run(): Promise<void> {
    await userSession(this.ctx);
    await this.#showSearch();
    this.emit('connectReady', { step: 'search' } satisfies ConnectReady);
  }

  // Removed from the page, the Element stops listening and ticking; put back, it goes on where it was.
  connectedCallback(): void {
    if (this.ended || this.#done) return;
    if (this.#connection && !this.#stopStream) this.#listen(this.#connection.connectionId);
    this.#timer?.start();
  }

  disconnectedCallback(): void {
    this.#stopListening();
    this.#timer?.stop();
  }

  protected override fail(err: unknown): ElementErrorPayload | undefined {
    this.#stop();
    return super.fail(err);
  }

  #stop(): void {
    this.#stopListening();
    this.#stopTimer();
  }

  #stopListening(): void {
    this.#stopStream?.();
    this.#stopStream = null;
  }

  #stopTimer(): void {
    this.#timer?.stop();
    this.#timer = null;
  }

  // ---- search and credentials ----

  async #showSearch(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = 0;
    const search = async (s: SearchScreen, query: string, n: number) => {
      const r = await this.ctx.api.run((c) => c.GET('/v1/institutions', { params: { query: { limit: SEARCH_LIMIT, ...(query ? { search: query } : {}) } } }));
      // A later keystroke's search wins; a typed search whose screen was left meanwhile says nothing (the first one runs before it shows).
      if (n !== latest || (n > 0 && !s.screen.isConnected)) return;
      if (!r.ok) return this.#problem(r.problem);
      s.showResults(r.data.institutions, query);
      this.announce(`${r.data.institutions.length} ${r.data.institutions.length === 1 ? 'institution' : 'institutions'} found.`);
    };
    const s = searchScreen({
      onSearch: (query) => {
        clearTimeout(timer);
        timer = setTimeout(() => void search(s, query, ++latest).catch((err) => this.fail(err)), SEARCH_DELAY_MS);
      },
      onPick: (institution) => {
        clearTimeout(timer);
        void this.act(() => this.#pick(institution.code));
      },
    });
    await search(s, '', latest);
    this.show(s.screen, s.input);
  }

  async #pick(code: string): Promise<void> {
    this.#institution = await this.ctx.api.must((c) => c.GET('/v1/institutions/{institutionCode}', { params: { path: { institutionCode: code } } }));
    this.clearBanner();
    this.#showCredentials(false);
  }

  #showCredentials(reauth: boolean): void {
    this.#stopTimer();
    const { screen } = credentialsScreen({
      institution: this.#institution!, reauth,
      onSubmit: (credentials) => void this.act(() => this.#signIn(credentials, reauth)),
      onMissing: (label) => this.banner('error', `Enter your ${label.toLowerCase()}.`),
      ...(reauth ? {} : { onBack: () => void this.act(() => (this.clearBanner(), this.#showSearch())) }),
    });
    this.show(screen);
  }

  async #signIn(credentials: Record<string, string>, reauth: boolean): Promise<void> {
    const { api } = this.ctx;
    const connectionId = this.#connection?.connectionId;
    const r = reauth && connectionId
      ? await api.run((c) => c.POST('/v1/connections/{connectionId}/reauthenticate', { params: { path: { connectionId } }, body: { credentials } }))
      : await api.run((c) => c.POST('/v1/connections', { body: { institutionCode: this.#institution!.code, credentials } }));
    if (!r.ok) return this.#problem(r.problem);
    this.#lastAction = null;
    // 200, not 201: this login is already linked, and the server kept the connection as it was (the typed credentials are not used).
    this.#existing = !reauth && r.status === 200;
    await this.#follow(r.data);
  }

  // ---- following the connection ----

  /** Shows an action's answer and follows that connection's events from now on. */
  async #follow(c: Connection): Promise<void> {
    this.#generation++;
    if (this.#connection?.connectionId !== c.connectionId || !this.#stopStream) {
      this.#stopStream?.();
      this.#listen(c.connectionId);
    }
    await this.#render(c);
  }

  #listen(connectionId: string): void {
    // An action that finishes after the page removed the Element must not open a stream nobody stops.
    if (!this.isConnected) return;
    this.#stopStream = followEvents(this.ctx.api, connectionId, () => void this.#sync(), (err) => this.fail(err));
  }

  /** An event arrived: read the connection (events carry no challenges) and show it. Reads never overlap. */
  async #sync(): Promise<void> {
    if (this.#syncing) {
      this.#syncAgain = true;
      return;
    }
    this.#syncing = true;
    try {
      do {
        this.#syncAgain = false;
        const generation = this.#generation;
        const connectionId = this.#connection?.connectionId;
        if (!connectionId) return; // the user went back to the search
        const c = await this.ctx.api.must((x) => x.GET('/v1/connections/{connectionId}', { params: { path: { connectionId } } }));
        if (connectionId !== this.#connection?.connectionId) return;
        // An action drew its answer meanwhile: this read may be older than that answer, so read again.
        if (generation === this.#generation) await this.#render(c);
        else this.#syncAgain = true;
      } while (this.#syncAgain && !this.#done);
    } catch (err) {
      this.fail(err);
    } finally {
      this.#syncing = false;
    }
  }

  async #render(c: Connection): Promise<void> {
    // An action's answer can arrive after a read that already showed a later state (a fast institution's next round).
    if (this.#connection?.connectionId === c.connectionId && Date.parse(c.updatedAt) < Date.parse(this.#connection.updatedAt)) return;
    this.#connection = c;
    const key = [c.state, c.round, c.nextAction, ...c.challenges.map((x) => x.challengeId)].join(' ');
    if (this.#done || key === this.#shown) return;
    this.#shown = key;
    this.#stopTimer();
    this.clearBanner();
    const name = c.institution.name;
    const again = (action: LastAction, text: string) => this.#lastAction === action && this.banner('error', text);
    if (c.state === 'CONNECTED') return this.#success(c);
    if (c.group === 'processing') {
      const screen = c.state === 'RESUMED'
        ? waitingScreen('processing', `Checking with ${name}`, 'Sending your answers\u2026')
        : waitingScreen('processing', `Connecting to ${name}`, 'Signing in\u2026 This can take a moment.');
      this.show(screen);
      return this.#watchRetries(c.connectionId, name, screen);
    }
    switch (c.nextAction) {
      case 'answer_challenges':
        return this.#challenge(c);
      case 'reauthenticate':
        this.#showCredentials(true);
        return void this.banner('error', c.statusMessage ?? `${name} did not accept these credentials.`);
      case 'fix_hold': {
        const hold = c.hold ?? { reason: 'account_issue_contact_institution', message: c.statusMessage, url: null };
        const actions: Action[] = [hold.reason === 'account_issue_update_password'
          ? { label: 'I\u2019ve changed it: sign in again', run: () => this.#showCredentials(true) }
          : { label: 'I\u2019ve done this', run: () => void this.act(() => this.#post('fix-hold')) }, this.#another()];
        this.show(holdScreen({ institution: name, hold, actions }));
        return void again('fix-hold', `${name} still needs this done before it lets you in.`);
      }
      default: {
        const [screen, title, text] = (RETRY[c.state] ?? RETRY.INSTITUTION_DOWN!)(name);
        // A locked login stays locked until the institution unlocks it: no "Try again" that cannot work.
        const retry: Action[] = c.state === 'LOCKED' ? [] : [{ label: 'Try again', run: () => void this.act(() => this.#post('refresh')) }];
        this.show(noticeScreen(screen, title, c.state === 'LOCKED' || c.state === 'INSTITUTION_DOWN' ? c.statusMessage ?? text : text,
          [...retry, { ...this.#another(), primary: c.state === 'LOCKED' }]));
        return void again('refresh', 'It did not work this time either.');
      }
    }
  }

  /** The way back to the search: this connection is left as it is on the server, and no longer followed. */
  #another(): Action {
    return {
      label: 'Choose another institution', primary: false,
      run: () => void this.act(async () => {
        this.#stop();
        this.#generation++;
        this.#connection = null;
        this.#shown = '';
        this.#existing = false;
        this.#lastAction = null;
        this.clearBanner();
        await this.#showSearch();
      }),
    };
  }

  /**
   * An institution that does not answer is retried with backoff while the connection stays PROCESSING, with no
   * event: while that screen shows, the job is read now and then, and a retry is said ("… is not answering; trying again").
   */
  #watchRetries(connectionId: string, name: string, screen: HTMLElement): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let run = 0; // bumped by stop and start: a check answered after either has nothing more to do
    const check = async (mine: number) => {
      const r = await this.ctx.api.run((x) => x.GET('/v1/connections/{connectionId}/jobs', { params: { path: { connectionId } } }));
      if (mine !== run || !screen.isConnected) return;
      const job = r.ok ? r.data.jobs.at(-1) : undefined;
      const retrying = job && (job.status === 'queued' || job.status === 'running') && job.attempts >= 1 && job.error !== null;
      const text = screen.querySelector('.loading span');
      const words = retrying ? `${name} is not answering; trying again\u2026` : null;
      if (words && text && text.textContent !== words) {
        text.textContent = words;
        this.announce(words);
      }
      schedule(mine, RETRY_CHECK_MS);
    };
    const schedule = (mine: number, ms: number) => {
      timer = setTimeout(() => void check(mine).catch((err) => this.fail(err)), ms);
    };
    const stop = () => {
      run++;
      clearTimeout(timer);
    };
    this.#timer = { stop, start: () => (stop(), schedule(run, FIRST_RETRY_CHECK_MS)) };
    this.#timer.start();
  }

  #challenge(c: Connection): void {
    const name = c.institution.name;
    const retry = c.state === 'REJECTED';
    if (retry) this.banner('error', c.statusMessage ?? 'The answer was not accepted. Try again.');
    const timer = countdown(Math.min(...c.challenges.map((x) => x.expiresInSeconds)), (text) => this.announce(text));
    this.#timer = timer;
    const prompt = c.challenges.find((x) => !x.needsAnswer);
    if (prompt) {
      this.show(promptScreen({ institution: name, challenge: prompt, timer: timer.el, another: this.#another() }));
    } else {
      const { screen, focus } = roundScreen({
        institution: name, challenges: c.challenges, retry, timer: timer.el,
        onSubmit: (answers) => void this.act(() => this.#answer(c.connectionId, answers)),
        onMissing: (label) => this.banner('error', `Answer \u201c${label}\u201d first.`),
        another: this.#another(),
      });
      this.show(screen, focus);
    }
    this.emit('connectChallenge', {
      connectionId: c.connectionId, institutionCode: c.institutionCode, round: c.round, types: c.challenges.map((x) => x.type), retry,
    } satisfies ConnectChallenge);
  }

  /** Resumes with a fresh single-use answer token: the resume itself carries no session (docs/connections.md, "Answer tokens"). */
  async #answer(connectionId: string, answers: Answer[]): Promise<void> {
    const { api } = this.ctx;
    const path = { connectionId };
    const token = await api.run((c) => c.POST('/v1/connections/{connectionId}/answer-tokens', { params: { path } }));
    if (!token.ok) return this.#problem(token.problem);
    const r = await api.run((c) => c.PUT('/v1/connections/{connectionId}/resume', {
      params: { path }, headers: { 'x-answer-token': token.data.answerToken }, body: { challenges: answers },
    }));
    if (!r.ok) return this.#problem(r.problem);
    await this.#follow(r.data);
  }

  async #post(what: 'refresh' | 'fix-hold'): Promise<void> {
    const path = { connectionId: this.#connection!.connectionId };
    const r = what === 'refresh'
      ? await this.ctx.api.run((c) => c.POST('/v1/connections/{connectionId}/refresh', { params: { path }, body: {} }))
      : await this.ctx.api.run((c) => c.POST('/v1/connections/{connectionId}/fix-hold', { params: { path } }));
    if (!r.ok) return this.#problem(r.problem);
    this.#lastAction = what;
    await this.#follow(r.data);
  }

  async #success(c: Connection): Promise<void> {
    this.#done = true;
    this.#stop();
    const connectionId = c.connectionId;
    const { accounts } = await this.ctx.api.must((x) => x.GET('/v1/connections/{connectionId}/accounts', { params: { path: { connectionId } } }));
    const existing = this.#existing;
    this.show(successScreen(c.institution.name, accounts, existing));
    this.emit('connectSuccess', { connectionId, institution: c.institution, accounts, existing } satisfies ConnectSuccess);
  }

  /** A recoverable problem as a banner; the event stream brings any state change that caused it. A connection gone (404) is not recoverable. */
  #problem(p: Problem): void {
    if (p.status === 404) throw problemFailure(p);
    this.banner('error', p.code === 'LK_ERR_CHALLENGE_EXPIRED' ? 'Time ran out to answer.' : p.detail);
  }
}
