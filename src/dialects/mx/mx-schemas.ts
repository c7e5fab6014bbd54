import { Type } from 'typebox';
import { PageQuery } from './mx-pagination.ts';

/**
 * Request shapes of the MX Platform API (v20111101). Fields Latchkey does not use are
 * accepted, as MX clients send them, but must have MX's types.
 */

const Guid = Type.String({ minLength: 1, maxLength: 100 });

export const UserParams = Type.Object({ user_guid: Guid });
export const MemberParams = Type.Object({ user_guid: Guid, member_guid: Guid });
export const AccountParams = Type.Object({ user_guid: Guid, account_guid: Guid });
export const TaxDocumentParams = Type.Object({ user_guid: Guid, member_guid: Guid, tax_document_guid: Guid });
export const InstitutionParams = Type.Object({ institution_code: Type.String({ minLength: 1, maxLength: 64 }) });

export const Paged = Type.Object(PageQuery);

export const UserQuery = Type.Object({
  ...PageQuery,
  id: Type.Optional(Type.String({ maxLength: 320 })),
  email: Type.Optional(Type.String({ maxLength: 320 })),
});

export const InstitutionQuery = Type.Object({ ...PageQuery, name: Type.Optional(Type.String({ maxLength: 100 })) });

export const UserCreateBody = Type.Object({
  user: Type.Object({
    email: Type.Optional(Type.String({ maxLength: 320 })),
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
    is_disabled: Type.Optional(Type.Boolean()),
    metadata: Type.Optional(Type.String({ maxLength: 10_000 })),
  }),
});

/** MX's CredentialRequest: a credential field's (or a challenge's) guid and its value. */
const CredentialRequest = Type.Object({
  guid: Type.String({ minLength: 1, maxLength: 200 }),
  value: Type.String({ maxLength: 1000 }),
});
const Credentials = Type.Array(CredentialRequest, { minItems: 1, maxItems: 20 });

export const MemberCreateBody = Type.Object({
  member: Type.Object({
    institution_code: Type.String({ minLength: 1, maxLength: 64 }),
    credentials: Credentials,
    id: Type.Optional(Type.String({ maxLength: 320 })),
    metadata: Type.Optional(Type.String({ maxLength: 10_000 })),
    skip_aggregation: Type.Optional(Type.Boolean()),
    background_aggregation_is_disabled: Type.Optional(Type.Boolean()),
    is_oauth: Type.Optional(Type.Boolean()),
  }),
});

export const MemberUpdateBody = Type.Object({
  member: Type.Object({
    credentials: Type.Optional(Credentials),
    id: Type.Optional(Type.String({ maxLength: 320 })),
    metadata: Type.Optional(Type.String({ maxLength: 10_000 })),
    background_aggregation_is_disabled: Type.Optional(Type.Boolean()),
  }),
});

/** MX's MemberResumeRequestBody: `{member: {challenges: [{guid, value}]}}`. */
export const MemberResumeBody = Type.Object({ member: Type.Object({ challenges: Credentials }) });
