import { Type, type TSchema } from 'typebox';
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN, E164_PATTERN } from '../core/account/user-rules.ts';

/** Shared schemas: one per endpoint drives validation, types and the OpenAPI document. */
export const Problem = Type.Object({
  type: Type.String(), title: Type.String(), status: Type.Integer(), code: Type.String(), detail: Type.String(),
  field: Type.Optional(Type.String()),
}, { $id: 'Problem', description: 'RFC 9457 problem details with a stable Latchkey error code.' });

const ProblemRef = Type.Ref('Problem');
/** Error responses every endpoint may give, documented once. */
export function errors(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemRef]));
}

export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 time' });
/** A type list, not an anyOf: the serializer then writes it without trying each branch (a hot-path cost). */
export const NullableTimestamp = Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date-time', description: 'ISO 8601 time, or null' });
export const Id = (description: string) => Type.String({ minLength: 1, maxLength: 64, description });
export const Phone = Type.String({ pattern: E164_PATTERN, description: 'E.164 phone number, e.g. +14155550100' });
export const Email = Type.String({ maxLength: EMAIL_MAX_LENGTH, pattern: EMAIL_PATTERN, description: 'One plain mailbox, e.g. ana@example.com' });
export const DeviceName = Type.String({ minLength: 1, maxLength: 200, description: 'A nickname for the device, sent again at sign-in with rememberMeId.' });
export const RememberMeId = Type.String({ minLength: 1, maxLength: 200, description: 'The rememberMeId returned when the device was remembered.' });
export const MfaStatus = Type.Union([Type.Literal('CHALLENGE'), Type.Literal('COMPLETE'), Type.Literal('DISABLED'), Type.Literal('SETUP')], {
  description: 'CHALLENGE: MFA required and not yet done; COMPLETE: MFA-trusted; DISABLED: the organization has MFA off; SETUP: the user must first set up a factor.',
});
export const FactorType = Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('totp'), Type.Literal('backup_codes')]);
export const Limit = Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$', description: 'a whole number of items from 1 to 1000; 50 by default' }));

export const security = {
  devKey: [{ devKey: [] }],
  session: [{ devKey: [], session: [] }],
  admin: [{ adminToken: [] }],
};

type IsoField<V> = V extends number ? string : V extends number | null ? string | null : Iso<V>;
/** `T` with every epoch-millisecond field named `…At` as an ISO 8601 string. */
export type Iso<T> = T extends readonly (infer U)[] ? Iso<U>[]
  : T extends object ? { [K in keyof T]: K extends `${string}At` ? IsoField<T[K]> : Iso<T[K]> } : T;

// Date#toISOString costs about half a microsecond, and the same instants recur request after request (a session's expiry).
const isoMemo = new Map<number, string>();
function iso(ms: number): string {
  let s = isoMemo.get(ms);
  if (s === undefined) {
    if (isoMemo.size >= 4096) isoMemo.clear();
    isoMemo.set(ms, (s = new Date(ms).toISOString()));
  }
  return s;
}

/** Converts every epoch-millisecond field named `…At` to ISO 8601, recursively. Every response passes through here, hence the plain loop. */
export function isoTimes<T>(value: T): Iso<T> {
  if (value === null || typeof value !== 'object') return value as Iso<T>;
  if (Array.isArray(value)) return value.map(isoTimes) as Iso<T>;
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const v: unknown = value[k];
    if (typeof v === 'number') out[k] = k.endsWith('At') ? iso(v) : v;
    else out[k] = v !== null && typeof v === 'object' ? isoTimes(v) : v;
  }
  return out as Iso<T>;
}

export const limitOf = (raw: string | undefined) => Math.min(1000, Math.max(1, Number(raw ?? 50)));

/** preValidation hook for endpoints whose body is all optional: no body at all means `{}`. */
export async function emptyBodyIsObject(req: { body: unknown }): Promise<void> {
  if (req.body === undefined || req.body === null) req.body = {};
}
