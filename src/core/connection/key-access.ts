import type { CoreDeps } from '../deps.ts';
import type { DevKey, Organization, User } from '../model.ts';
import type { ConnectionDeps } from './deps.ts';
import type { Connection } from './model.ts';
import { fail } from '../errors.ts';
import { keyMayActFor } from '../session/sessions.ts';

/**
 * Access by developer key alone, for server-to-server vendor APIs whose one
 * credential is an API key (Q2's `Authorization: Bearer <apiKey>`): the key reaches
 * what belongs to an organization it may act for. Anything else looks missing.
 */

/** A user of an organization the key may act for. */
export async function userForKey(deps: CoreDeps, devKey: DevKey, userId: string): Promise<{ org: Organization; user: User }> {
  const user = await deps.store.users.get(userId);
  const org = user ? await deps.store.organizations.get(user.orgId) : null;
  if (!user || !org || !keyMayActFor(devKey, org)) fail('LK_ERR_NOT_FOUND', { field: 'userId' });
  return { org, user };
}

/** A connection of an organization the key may act for. */
export async function connectionForKey(deps: ConnectionDeps, devKey: DevKey, connectionId: string): Promise<Connection> {
  const c = await deps.connections.connections.get(connectionId);
  const org = c ? await deps.store.organizations.get(c.orgId) : null;
  if (!c || !org || !keyMayActFor(devKey, org)) fail('LK_ERR_NOT_FOUND', { field: 'connectionId' });
  return c;
}
