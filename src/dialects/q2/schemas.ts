import { Type } from 'typebox';

/** Request shapes, as Q2 documents them (legacy REST for POST /auth and /auth/step). */
const Identifier = Type.String({ minLength: 1, maxLength: 64, description: 'An MFA item\'s identifier' });

const AnswerItem = Type.Object({
  identifier: Identifier,
  answer: Type.Optional(Type.String({ maxLength: 1000, description: 'Omitted when choosing an item (the code method\'s where-to-send)' })),
}, { additionalProperties: false });

const Answers = Type.Array(AnswerItem, { minItems: 1, maxItems: 20 });

export const AuthParams = Type.Object({ authId: Type.String({ minLength: 1, maxLength: 64, description: 'The auth\'s _id' }) });
export const CompanyParams = Type.Object({ companyId: Type.String({ minLength: 1, maxLength: 100, description: 'The company\'s _id' }) });

export const CreateAuthBody = Type.Object({
  clientId: Type.String({ minLength: 1, maxLength: 64, description: 'A Latchkey user ID of the API key\'s organization' }),
  companyId: Type.String({ minLength: 1, maxLength: 100, description: 'A company _id (GET /companies)' }),
  items: Type.Optional(Type.Array(Type.Union([Type.Literal('bill'), Type.Literal('swap'), Type.Literal('payment')]), {
    minItems: 1, maxItems: 3, description: 'Accepted and ignored: Latchkey does the auth only',
  })),
  form: Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 500 }), { description: 'The company\'s login fields, e.g. username and password' }),
  authId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Re-authenticate this auth with the new form' })),
}, { additionalProperties: false });

export const AnswerQuestionsBody = Type.Object({ answers: Answers }, { additionalProperties: false });

export const StepBody = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 64, description: 'The auth\'s _id' }),
  mfa: Type.Union([Answers, Type.Object({ identifier: Identifier }, { additionalProperties: false })]),
}, { additionalProperties: false });
