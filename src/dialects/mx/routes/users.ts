import type { App } from '../../../http/types.ts';
import type { Latchkey } from '../../../registry.ts';
import { createUser } from '../../../core/account/accounts.ts';
import { callerOf } from '../mx-auth.ts';
import { userOf } from '../mx-context.ts';
import { MxError } from '../mx-errors.ts';
import { paginate } from '../mx-pagination.ts';
import { UserCreateBody, UserParams, UserQuery } from '../mx-schemas.ts';
import { ANONYMOUS_USERNAME_PREFIX, mxUserId, userView } from '../mx-views.ts';

/** Enough entropy that nobody signs in with it: MX users reach Latchkey only through the API key. */
const UNUSABLE_PASSWORD_BYTES = 32;

/** MX users are native users of the key's organization: the MX `id` is the username. */
export function userRoutes(app: App, lk: Latchkey): void {
  app.post('/users', { schema: { body: UserCreateBody } }, async (req) => {
    const { org } = callerOf(req);
    const { id, email } = req.body.user;
    if (id?.startsWith(ANONYMOUS_USERNAME_PREFIX)) throw new MxError(400, `A user id may not begin with "${ANONYMOUS_USERNAME_PREFIX}".`);
    const username = id ?? `${ANONYMOUS_USERNAME_PREFIX}${lk.deps.random.token(12)}`;
    // An empty email is taken as none; any other must be one plain mailbox, as everywhere in Latchkey.
    const user = await createUser(lk.deps, org, { username, password: lk.deps.random.token(UNUSABLE_PASSWORD_BYTES), email: email || undefined });
    return { user: userView(user) };
  });

  app.get('/users', { schema: { querystring: UserQuery } }, async (req) => {
    const { org } = callerOf(req);
    const { id, email } = req.query;
    const users = (await lk.deps.store.users.listByOrg(org.id))
      .filter((u) => (id === undefined || mxUserId(u) === id) && (email === undefined || u.email === email));
    const { items, pagination } = paginate(users, req.query);
    return { users: items.map(userView), pagination };
  });

  app.get('/users/:user_guid', { schema: { params: UserParams } }, async (req) => ({
    user: userView(await userOf(lk, callerOf(req), req.params.user_guid)),
  }));
}
