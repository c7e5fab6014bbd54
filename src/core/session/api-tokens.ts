import type { Session, TokenScope } from '../model.ts';
import type { CoreDeps, RequestMeta } from '../deps.ts';
import type { SessionContext } from './sessions.ts';
import { openSession } from './sessions.ts';
import { fail } from '../errors.ts';
import { audit } from '../audit.ts';

/**
 * Token-based sign-in (the seeds' sync tokens): a long-lived, revocable credential
 * with limited scope, read-only by default. It opens sessions that are never MFA-trusted.
 */
export interface ApiTokenView {
  tokenId: string;
  name: string | null;
  scope: TokenScope;
  createdAt: number;
  lastUsedAt: number;
  revoked: boolean;
}

export function viewToken(s: Session): ApiTokenView {
  return { tokenId: s.id, name: s.name, scope: s.scope, createdAt: s.createdAt, lastUsedAt: s.lastSeenAt, revoked: s.endedAt !== null };
}

export async function createApiToken(
  deps: CoreDeps, ctx: SessionContext, input: { name: string; scope?: TokenScope | undefined }, meta: RequestMeta,
): Promise<{ token: string; view: ApiTokenView }> {
  if (ctx.session.kind !== 'user') fail('LK_ERR_FORBIDDEN', { detail: 'Only a signed-in user session can create API tokens.' });
  // A long-lived credential is minted only by someone who passed MFA (when the organization requires it).
  if (ctx.org.mfaRequired && ctx.session.trustedAt === null) fail('LK_ERR_MFA_REQUIRED', { detail: 'Complete MFA before creating an API token.' });
  const { token, session } = await openSession(deps, {
    user: ctx.user, org: ctx.org, devKey: ctx.devKey, kind: 'api_token', scope: input.scope ?? 'read', name: input.name,
  });
  await audit(deps, 'api_token.created', { orgId: ctx.org.id, userId: ctx.user.id }, meta, { tokenId: session.id, scope: session.scope });
  return { token, view: viewToken(session) };
}

export async function listApiTokens(deps: CoreDeps, userId: string): Promise<ApiTokenView[]> {
  return (await deps.store.sessions.listTokens(userId)).filter((s) => s.endedAt === null).map(viewToken);
}

export async function revokeApiToken(deps: CoreDeps, ctx: SessionContext, tokenId: string, meta: RequestMeta): Promise<void> {
  if (ctx.session.kind !== 'user') fail('LK_ERR_FORBIDDEN', { detail: 'Only a signed-in user session can revoke API tokens.' });
  const s = await deps.store.sessions.get(tokenId);
  if (!s || s.kind !== 'api_token' || s.userId !== ctx.user.id || s.endedAt !== null) fail('LK_ERR_NOT_FOUND', { field: 'tokenId' });
  await deps.store.sessions.end(s.id, deps.clock.now());
  await audit(deps, 'api_token.revoked', { orgId: ctx.org.id, userId: ctx.user.id }, meta, { tokenId });
}
