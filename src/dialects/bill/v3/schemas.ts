import { Type } from 'typebox';
import { DeviceName, Email, RememberMeId } from '../../../http/schemas.ts';
import { USERNAME_MAX_LENGTH } from '../../../core/account/user-rules.ts';

/** v3 request bodies; an unknown or misspelt field is BDC_1002, as BILL documents. */
const Text = Type.String({ minLength: 1, maxLength: 1024 });
const strict = { additionalProperties: false } as const;

export const LoginBody = Type.Object({
  devKey: Type.Optional(Text), username: Text, password: Text, organizationId: Text,
  rememberMeId: Type.Optional(RememberMeId), device: Type.Optional(DeviceName),
}, strict);

export const SetupBody = Type.Object({
  phone: Type.String({ minLength: 1, maxLength: 32 }),
  type: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  primary: Type.Optional(Type.Boolean({ description: 'Deprecated: false is refused since 2026-04-03.' })),
}, strict);

export const ValidateSetupBody = Type.Object({ setupId: Text, type: Type.String({ minLength: 1, maxLength: 20 }), token: Text }, strict);

export const ChallengeBody = Type.Object({ useBackup: Type.Optional(Type.Boolean()) }, strict);

export const ValidateChallengeBody = Type.Object({
  challengeId: Text, token: Text, device: Type.Optional(DeviceName),
  machineName: Type.Optional(Type.String({ maxLength: 200 })), rememberMe: Type.Optional(Type.Boolean()),
}, strict);

export const StepUpBody = Type.Object({ rememberMeId: RememberMeId, device: Type.Optional(DeviceName) }, strict);

export const PartnerLoginBody = Type.Object({ appKey: Type.Optional(Text), username: Text, password: Text }, strict);

export const LoginAsUserBody = Type.Object({
  userId: Text, organizationId: Text, rememberMeId: Type.Optional(RememberMeId), device: Type.Optional(DeviceName),
}, strict);

/** BILL's organization fields are accepted and echoed; only `name` is kept. */
export const OrganizationBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });

export const PartnerUserBody = Type.Object({
  firstName: Type.String({ minLength: 1, maxLength: 100 }),
  lastName: Type.Optional(Type.String({ maxLength: 100 })),
  email: Email,
  username: Type.String({ minLength: 1, maxLength: USERNAME_MAX_LENGTH }),
  acceptTermsOfService: Type.Boolean(),
  roleId: Type.Optional(Type.String({ maxLength: 64 })),
  externalId: Type.Optional(Type.String({ maxLength: 200 })),
  password: Type.Optional(Type.String({ minLength: 8, maxLength: 1024, description: 'Latchkey extension: lets the user sign in with POST /v3/login too.' })),
}, strict);

export const AnyBody = Type.Optional(Type.Record(Type.String(), Type.Unknown()));
