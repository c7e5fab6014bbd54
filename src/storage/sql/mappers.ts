import type { AuditEvent, Challenge, DevKey, Factor, Organization, OutboxMessage, Session, User } from '../../core/model.ts';
import type { AuditRow, ChallengeRow, DevKeyRow, FactorRow, OrganizationRow, OutboxRow, SessionRow } from './schema.ts';

/** Conversions between rows (0/1 booleans, JSON text) and domain records. */
export const toOrganization = (r: OrganizationRow): Organization => ({
  ...r, mfaRequired: r.mfaRequired === 1, allowEmailFactor: r.allowEmailFactor === 1, allowedOrigins: JSON.parse(r.allowedOrigins) as string[],
});
export const fromOrganization = (o: Organization): OrganizationRow => ({
  ...o, mfaRequired: o.mfaRequired ? 1 : 0, allowEmailFactor: o.allowEmailFactor ? 1 : 0, allowedOrigins: JSON.stringify(o.allowedOrigins),
});
export function fromOrganizationPatch(p: Partial<Organization>): Partial<OrganizationRow> {
  const { mfaRequired, allowEmailFactor, allowedOrigins, ...rest } = p;
  return {
    ...rest,
    ...(mfaRequired === undefined ? {} : { mfaRequired: mfaRequired ? 1 : 0 }),
    ...(allowEmailFactor === undefined ? {} : { allowEmailFactor: allowEmailFactor ? 1 : 0 }),
    ...(allowedOrigins === undefined ? {} : { allowedOrigins: JSON.stringify(allowedOrigins) }),
  };
}
export const toUser = (r: User): User => r;
export const toDevKey = (r: DevKeyRow): DevKey => ({ ...r, partner: r.partner === 1 });
export const fromDevKey = (k: DevKey): DevKeyRow => ({ ...k, partner: k.partner ? 1 : 0 });
export const toSession = (r: SessionRow): Session => r as Session;
export const toFactor = (r: FactorRow): Factor => r as Factor;
export const toChallenge = (r: ChallengeRow): Challenge => r as Challenge;
export const toAudit = (r: AuditRow): AuditEvent => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> });
export const toOutbox = (r: OutboxRow): OutboxMessage => r as OutboxMessage;
