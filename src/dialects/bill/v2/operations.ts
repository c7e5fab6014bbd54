import type { FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Latchkey } from '../../../registry.ts';
import { resolveDevKey, type SessionContext } from '../../../core/session/sessions.ts';
import { logout, signIn } from '../../../core/session/sign-in.ts';
import { startChallenge, verifyChallenge } from '../../../core/challenge/challenges.ts';
import { isDeviceTrusted } from '../../../core/trust/remembered-devices.ts';
import { metaOf } from '../../../http/auth.ts';
import { BillError } from '../errors.ts';
import { orgSession, protectedOperation, V2_PREFIX } from '../shared.ts';

/** The form fields of a v2 request (`devKey`, `sessionId`, `data`, or Login's own fields). */
export type Form = Record<string, string>;

/** v2 clients send booleans as JSON booleans or as the strings 'true'/'false' [O]. */
const Bool = Type.Union([Type.Boolean(), Type.Literal('true'), Type.Literal('false')]);
const asBool = (v: boolean | string | undefined): boolean | undefined => (v === undefined ? undefined : v === true || v === 'true');
const Text = Type.String({ minLength: 1, maxLength: 1024 });

const LoginFields = Type.Object({
  userName: Text, password: Text, orgId: Text,
  mfaId: Type.Optional(Type.String({ maxLength: 1024 })), deviceId: Type.Optional(Type.String({ maxLength: 200 })),
});
const NoData = Type.Object({}, { additionalProperties: false });
const ChallengeData = Type.Object({ useBackup: Type.Optional(Bool) }, { additionalProperties: false });
const AuthenticateData = Type.Object({
  challengeId: Text, token: Type.Union([Text, Type.Integer({ minimum: 0 })]),
  deviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), machineName: Type.Optional(Type.String({ maxLength: 200 })),
  rememberMe: Type.Optional(Bool),
}, { additionalProperties: false });
const StatusData = Type.Object({ mfaId: Type.Optional(Text), deviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false });
const AnyData = Type.Record(Type.String(), Type.Unknown());

/** Checks a value against a schema; anything else is BILL's BDC_1002 (unknown or misspelt parameter, bad object). */
function checked<S extends TSchema>(schema: S): (value: unknown) => Static<S> {
  const compiled = Compile(schema);
  return (value) => {
    if (!compiled.Check(value)) throw new BillError('BDC_1002', 400);
    return value as Static<S>;
  };
}

/** The `data` form field: a JSON object (absent means `{}`). */
function dataOf<T>(form: Form, check: (v: unknown) => T): T {
  if (form.data === undefined || form.data === '') return check({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(form.data);
  } catch {
    throw new BillError('BDC_1002', 400);
  }
  return check(parsed);
}

const nonEmpty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

/** BILL's Login answer (note `usersId`), also echoed by GetSessionInfo. */
function sessionFields(sessionId: string, ctx: SessionContext, req: FastifyRequest) {
  return { sessionId, orgId: ctx.org.id, apiEndPoint: `${req.protocol}://${req.host}${V2_PREFIX}`, usersId: ctx.user.id };
}

export interface V2Call { lk: Latchkey; form: Form; req: FastifyRequest }
type Operation = (call: V2Call) => Promise<object>;

/** An operation on a signed-in session whose `data` has the given schema. */
function withSession<S extends TSchema>(schema: S, run: (ctx: SessionContext, data: Static<S>, call: V2Call) => Promise<object>): Operation {
  const check = checked(schema);
  return async (call) => {
    const ctx = await orgSession(call.lk, nonEmpty(call.form.devKey), nonEmpty(call.form.sessionId));
    return run(ctx, dataOf(call.form, check), call);
  };
}

const checkLogin = checked(LoginFields);

async function login({ lk, form, req }: V2Call) {
  const devKey = await resolveDevKey(lk.deps, nonEmpty(form.devKey));
  const f = checkLogin(form);
  const r = await signIn(lk.deps, devKey, {
    organizationId: f.orgId, username: f.userName, password: f.password, rememberMeId: nonEmpty(f.mfaId), device: nonEmpty(f.deviceId),
  }, metaOf(req));
  return sessionFields(r.token, r.ctx, req);
}

const protectedOp = (operation: string) => withSession(AnyData, (ctx, data, { lk, req }) => protectedOperation(lk, ctx, operation, data, req));

/** v2 operations by name (`/<Op>.json`); the four MFA-protected ones map to the core's sandbox operations. */
export function v2Operations(sandbox: boolean): Record<string, Operation> {
  const ops: Record<string, Operation> = {
    Login: login,
    GetSessionInfo: withSession(NoData, async (ctx, _d, { form, req }) => sessionFields(form.sessionId!, ctx, req)),
    Logout: withSession(NoData, async (ctx, _d, { lk, req }) => {
      await logout(lk.deps, ctx.session, metaOf(req));
      return {};
    }),
    MFAChallenge: withSession(ChallengeData, async (ctx, d, { lk, req }) => {
      const c = await startChallenge(lk.deps, ctx, { useBackup: asBool(d.useBackup) }, metaOf(req));
      return { challengeId: c.challengeId };
    }),
    MFAAuthenticate: withSession(AuthenticateData, async (ctx, d, { lk, req }) => {
      const r = await verifyChallenge(lk.deps, ctx, d.challengeId, { code: String(d.token), rememberMe: asBool(d.rememberMe), device: d.deviceId }, metaOf(req));
      // Without rememberMe the mfaId lives only as long as the session: the completed challenge's ID stands for it.
      return { mfaId: r.rememberMeId ?? d.challengeId };
    }),
    MFAStatus: withSession(StatusData, async (ctx, d, { lk }) => ({
      isTrusted: d.mfaId === undefined ? ctx.session.trustedAt !== null : await isDeviceTrusted(lk.deps, ctx.user, d.mfaId, d.deviceId),
    })),
  };
  if (!sandbox) return ops;
  return {
    ...ops,
    SendVendorInvite: protectedOp('send_vendor_invite'),
    SendInvite: protectedOp('send_invite'),
    VendorBankAccount: protectedOp('add_vendor_bank_account'),
    PayBills: protectedOp('pay_bills'),
  };
}
