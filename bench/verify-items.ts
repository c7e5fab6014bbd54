/** Challenges ready to be verified, made by the real core code: what the verification scenarios consume. */
import { openSession, resolveDevKey } from '../src/core/session/sessions.ts';
import { issueChallenge } from '../src/core/challenge/challenges.ts';
import { userId } from '../src/core/ids.ts';
import { addActiveSmsFactor, type SandboxCredentials } from '../src/sandbox/seed.ts';
import type { CoreDeps } from '../src/core/deps.ts';
import type { Factor, User } from '../src/core/model.ts';
import type { VerifyItem } from './protocol.ts';

/**
 * Returns `prepare(count)`: `users` extra users in the sandbox organization (made on first use),
 * each with an active SMS factor; for every challenge a fresh signed-in session (no password
 * hash: openSession directly) and a challenge issued by issueChallenge, with the code captured
 * from the delivery instead of the outbox.
 */
export function verifyItemMaker(deps: CoreDeps, sandbox: SandboxCredentials, users: number): (count: number) => Promise<VerifyItem[]> {
  const setUpPeople = async () => {
    const org = (await deps.store.organizations.get(sandbox.organizationId))!;
    const devKey = await resolveDevKey(deps, sandbox.devKey);
    const template = (await deps.store.users.get(sandbox.user.userId))!;
    const people: { user: User; factor: Factor }[] = [];
    for (let i = 0; i < users; i++) {
      const user: User = { ...template, id: userId(deps.random), username: `bench-${i}-${deps.random.token(6)}`, phone: `+1555${String(1000000 + i).slice(-7)}` };
      await deps.store.users.insert(user);
      people.push({ user, factor: await addActiveSmsFactor(deps, user) });
    }
    return { people, org, devKey };
  };
  let setUp: ReturnType<typeof setUpPeople> | undefined;
  return async (count) => {
    const { people, org, devKey } = await (setUp ??= setUpPeople());
    const items: VerifyItem[] = [];
    const one = async (i: number) => {
      const { user, factor } = people[i % people.length]!;
      const { token, session } = await openSession(deps, { user, org, devKey, kind: 'user' });
      let code = '';
      const capture: CoreDeps = { ...deps, delivery: { send: async (m) => void (code = /\b(\d{6})\b/.exec(m.body)![1]!) } };
      const view = await issueChallenge(capture, { session, user, org, devKey }, factor, 'sign_in', null);
      items.push({ session: token, challengeId: view.challengeId, code });
    };
    // A few at a time so PostgreSQL's pool is used; SQLite runs them one after another anyway.
    for (let i = 0; i < count; i += 8) await Promise.all(Array.from({ length: Math.min(8, count - i) }, (_, j) => one(i + j)));
    return items;
  };
}
