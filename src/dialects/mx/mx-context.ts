import type { Latchkey } from '../../registry.ts';
import type { User } from '../../core/model.ts';
import type { Connection } from '../../core/connection/model.ts';
import type { ConnectionView } from '../../core/connection/views.ts';
import type { MxCaller } from './mx-auth.ts';
import { getOwnConnection, viewConnection } from '../../core/connection/connections.ts';
import { idOf } from './mx-ids.ts';
import { notFound } from './mx-errors.ts';
import type { MemberSnapshot } from './mx-views.ts';

/** A user of the caller's organization by guid; any other looks missing. */
export async function userOf(lk: Latchkey, caller: MxCaller, userGuid: string): Promise<User> {
  const id = idOf('user', userGuid);
  const user = id ? await lk.deps.store.users.get(id) : null;
  if (!user || user.orgId !== caller.org.id) notFound();
  return user;
}

/** A member (connection) of that user, by guid. */
export async function memberOf(lk: Latchkey, caller: MxCaller, p: { user_guid: string; member_guid: string }): Promise<{ user: User; connection: Connection }> {
  const user = await userOf(lk, caller, p.user_guid);
  const id = idOf('member', p.member_guid) ?? notFound();
  return { user, connection: await getOwnConnection(lk.connectionDeps, caller.org.id, user.id, id) };
}

/**
 * What the member views need: the core's view of the connection and its jobs. `view`
 * is the core's result of a change (resume) to `c`, whose job it continues.
 */
export async function snapshotOf(lk: Latchkey, c: Connection, user: User, view?: ConnectionView): Promise<MemberSnapshot> {
  const d = lk.connectionDeps;
  const [v, jobs] = await Promise.all([view ?? viewConnection(d, c), d.connections.jobs.listByConnection(c.id)]);
  return { view: v, activeJobId: c.activeJobId, jobs, user };
}
