import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { configFromEnv } from '/work/main/src/config.ts';
import { startServer } from '/work/main/src/server.ts';
import { latchkeyEnv } from '/work/main/bench/lib.ts';
import { openSession, resolveDevKey } from '/work/main/src/core/session/sessions.ts';
const dir = mkdtempSync(join(tmpdir(), 'lk-ctx-'));
const server = await startServer(configFromEnv(latchkeyEnv(dir, false)));
const deps = server.lk.deps; const sb = server.sandbox!;
const org = (await deps.store.organizations.get(sb.organizationId))!;
const devKey = await resolveDevKey(deps, sb.devKey);
const user = (await deps.store.users.get(sb.user.userId))!;
const tokens: string[] = [];
for (let i = 0; i < 30000; i++) tokens.push((await openSession(deps, { user, org, devKey, kind: 'user' })).token);
await server.close();
const db = new DatabaseSync(join(dir, 'latchkey.sqlite'));
const compiled = (server.lk.db as any).selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.userId').innerJoin('organizations as o','o.id','s.orgId').selectAll('s').where('s.tokenHash','=','x').compile();
// the real statement: find from sql-store by logging? rebuild simply:
const sqlText = `select "s"."id", "s"."token_hash", "s"."kind", "s"."user_id", "s"."org_id", "s"."dev_key_id", "s"."scope", "s"."created_at", "s"."last_seen_at", "s"."expires_at", "s"."idle_minutes", "s"."trusted_at", "s"."trust_method", "s"."ended_at", "s"."name", "u"."id" as "ctx_user_id", "u"."org_id" as "ctx_user_org_id", "u"."username" as "ctx_user_username", "u"."password_hash" as "ctx_user_password_hash", "u"."email" as "ctx_user_email", "u"."phone" as "ctx_user_phone", "u"."failed_attempts" as "ctx_user_failed_attempts", "u"."locked_until" as "ctx_user_locked_until", "u"."created_at" as "ctx_user_created_at", "o"."id" as "ctx_org_id", "o"."name" as "ctx_org_name", "o"."mfa_required" as "ctx_org_mfa_required", "o"."allow_email_factor" as "ctx_org_allow_email_factor", "o"."session_idle_minutes" as "ctx_org_session_idle_minutes", "o"."remember_device_days" as "ctx_org_remember_device_days", "o"."allowed_origins" as "ctx_org_allowed_origins", "o"."partner_key_id" as "ctx_org_partner_key_id", "o"."created_at" as "ctx_org_created_at", exists (select "f"."id" from "factors" as "f" where "f"."user_id" = "s"."user_id" and "f"."status" = ?) as "has_active_factor" from "sessions" as "s" inner join "users" as "u" on "u"."id" = "s"."user_id" inner join "organizations" as "o" on "o"."id" = "s"."org_id" where "s"."token_hash" = ?`;
console.log(db.prepare('EXPLAIN QUERY PLAN ' + sqlText).all('active', 'x'));
const st = db.prepare(sqlText); st.setReturnArrays(true);
const digests = tokens.map((t) => deps.secrets.digest(t));
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  for (const d of digests) st.all('active', d);
  console.log('full row', ((performance.now() - t) * 1000 / digests.length).toFixed(2), 'µs');
  const st2 = db.prepare('select id from sessions where token_hash = ?');
  t = performance.now();
  for (const d of digests) st2.all(d);
  console.log('id only', ((performance.now() - t) * 1000 / digests.length).toFixed(2), 'µs');
}
