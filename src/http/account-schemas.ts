import { Type } from 'typebox';
import { Email, Phone, Timestamp } from './schemas.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_MAX_LENGTH } from '../core/account/user-rules.ts';

/** A browser origin exactly as browsers send it (no path, no trailing slash), or "*". */
export const Origin = Type.String({ maxLength: 200, pattern: '^(\\*|https?://[^/?#\\s]+)$', description: 'an origin such as https://app.example.com:8443, or "*"' });

export const OrganizationBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  mfaRequired: Type.Optional(Type.Boolean({ description: 'Default true' })),
  allowEmailFactor: Type.Optional(Type.Boolean({ description: 'Default true; NIST SP 800-63B rev 4 does not count email as out-of-band.' })),
  sessionIdleMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, description: 'Default 35 (BILL); ASVS 3.3.2 asks 30 at level 2.' })),
  rememberDeviceDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 400, description: 'Default 180 (seed 000); BILL\'s API references say 30.' })),
  allowedOrigins: Type.Optional(Type.Array(Origin, { maxItems: 50, description: 'Browser origins allowed to call the API (docs/security.md, "Browsers and CORS"); "*" for any.' })),
}, { additionalProperties: false });

export const OrganizationPatchBody = Type.Partial(OrganizationBody, { additionalProperties: false });

export const OrganizationView = Type.Object({
  organizationId: Type.String(), name: Type.String(), mfaRequired: Type.Boolean(), allowEmailFactor: Type.Boolean(),
  sessionIdleMinutes: Type.Integer(), rememberDeviceDays: Type.Integer(), allowedOrigins: Type.Array(Type.String()), createdAt: Timestamp,
});

export const UserBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: USERNAME_MAX_LENGTH }),
  password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: `At least ${PASSWORD_MIN_LENGTH} characters (NIST SP 800-63B).` }),
  email: Type.Optional(Email),
  phone: Type.Optional(Phone),
}, { additionalProperties: false });

export const UserView = Type.Object({
  userId: Type.String(), organizationId: Type.String(), username: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]), phone: Type.Union([Type.String(), Type.Null()]),
  locked: Type.Boolean(), createdAt: Timestamp,
});
