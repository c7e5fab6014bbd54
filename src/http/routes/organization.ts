import { Type } from 'typebox';
import type { App } from '../types.ts';
import type { Latchkey } from '../../registry.ts';
import { requireSession } from '../auth.ts';
import { errors, security } from '../schemas.ts';

/** What an end-user screen (the mfa Element) needs of the signed-in user's organization; no admin settings. */
export const OrganizationSettings = Type.Object({
  organizationId: Type.String(), name: Type.String(), mfaRequired: Type.Boolean(), allowEmailFactor: Type.Boolean(),
  rememberDeviceDays: Type.Integer({ description: 'How long "Remember this device" lasts' }),
  sessionIdleMinutes: Type.Integer(),
});

export function organizationRoutes(app: App, lk: Latchkey): void {
  app.get('/v1/organization', {
    schema: {
      tags: ['Sessions'], summary: 'The signed-in user\'s organization settings',
      description: 'The settings a sign-in or MFA screen shows the user, such as how many days "Remember this device" lasts.',
      security: security.session, response: { 200: OrganizationSettings, ...errors(401) },
    },
  }, async (req) => {
    const { org } = await requireSession(lk, req);
    return {
      organizationId: org.id, name: org.name, mfaRequired: org.mfaRequired, allowEmailFactor: org.allowEmailFactor,
      rememberDeviceDays: org.rememberDeviceDays, sessionIdleMinutes: org.sessionIdleMinutes,
    };
  });
}
