import type { App } from '../../../http/types.ts';
import type { Latchkey } from '../../../registry.ts';
import type { SignInResult } from '../../../core/session/sign-in.ts';
import { logout, signIn } from '../../../core/session/sign-in.ts';
import { describeSession, resolveDevKey } from '../../../core/session/sessions.ts';
import { metaOf } from '../../../http/auth.ts';
import { keyOf, orgCall } from './auth.ts';
import { LoginBody } from './schemas.ts';

/** What /v3/login and /v3/partner/login-as-user answer. */
export const signedIn = (r: SignInResult) => ({
  sessionId: r.token, organizationId: r.ctx.org.id, userId: r.ctx.user.id, trusted: r.ctx.session.trustedAt !== null,
});

export function sessionRoutes(app: App, lk: Latchkey): void {
  app.post('/v3/login', { schema: { body: LoginBody } }, async (req) => {
    const { devKey: bodyKey, username, password, organizationId, rememberMeId, device } = req.body;
    const devKey = await resolveDevKey(lk.deps, keyOf(req, bodyKey, 'devKey'));
    return signedIn(await signIn(lk.deps, devKey, { organizationId, username, password, rememberMeId, device }, metaOf(req)));
  });

  app.get('/v3/login/session', async (req) => {
    const ctx = await orgCall(lk, req);
    const info = describeSession(ctx, ctx.hasActiveFactor);
    // mfaBypass: MFA is not asked of this session (Latchkey sets MFA per organization, not per key).
    return { organizationId: info.organizationId, userId: info.userId, mfaStatus: info.mfaStatus, mfaBypass: info.mfaStatus === 'DISABLED' };
  });

  app.post('/v3/logout', async (req) => {
    const ctx = await orgCall(lk, req);
    await logout(lk.deps, ctx.session, metaOf(req));
    return {};
  });
}
