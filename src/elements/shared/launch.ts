import type { ElementContext } from './base-element.ts';
import { launchFailure } from './errors.ts';

/**
 * The launch check every Element that acts for a user makes: the session must be
 * a user's (not a partner's or an API token's), and the one `getUserContext()`
 * names, when the page gives it. Returns the session for the first screen.
 */
export async function userSession({ api, config, name }: ElementContext) {
  const [session, context] = await Promise.all([api.must((c) => c.GET('/v1/session')), config.getUserContext?.()]);
  if (session.kind !== 'user') throw launchFailure('SESSION_NOT_SUPPORTED', `The ${name} Element needs a user session; this is a ${session.kind} session.`);
  if ((context?.userId && context.userId !== session.userId) || (context?.orgId && context.orgId !== session.organizationId)) {
    throw launchFailure('USER_CONTEXT_MISMATCH', 'getUserContext() names another user or organization than the session.');
  }
  return session;
}
