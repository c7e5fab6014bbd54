import type { Organization, User } from '../core/model.ts';

/** What the API shows of an organization and a user (never a password hash). */
export const viewOrganization = (o: Organization) => ({
  organizationId: o.id, name: o.name, mfaRequired: o.mfaRequired, allowEmailFactor: o.allowEmailFactor,
  sessionIdleMinutes: o.sessionIdleMinutes, rememberDeviceDays: o.rememberDeviceDays, allowedOrigins: o.allowedOrigins, createdAt: o.createdAt,
});

export const viewUser = (u: User, now: number) => ({
  userId: u.id, organizationId: u.orgId, username: u.username, email: u.email, phone: u.phone,
  locked: u.lockedUntil !== null && u.lockedUntil > now, createdAt: u.createdAt,
});
