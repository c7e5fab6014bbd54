import type { User } from '../../core/model.ts';
import type { Account, ConnectionJob, InstitutionDocument } from '../../core/connection/model.ts';
import type { ChallengeView, ConnectionView } from '../../core/connection/views.ts';
import type { ConnectionState } from '../../core/connection/connection-state.ts';
import type { CredentialField, InstitutionConnector } from '../../ports/institution.ts';
import { credentialGuid, guidOf } from './mx-ids.ts';
import { isAnswerable, MX_CHALLENGE_TYPES, MX_CONNECTION_STATUS_IDS, mxStatusOf } from './mx-status.ts';

/** Latchkey's records in the MX Platform API's shapes (v20111101, as mx-platform-node v2 types them). */

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Users created without MX's optional `id` get a username no client can choose; their `id` shows as null. */
export const ANONYMOUS_USERNAME_PREFIX = 'mx-anonymous-';

export const mxUserId = (u: User): string | null => (u.username.startsWith(ANONYMOUS_USERNAME_PREFIX) ? null : u.username);

export const userView = (u: User) => ({
  email: u.email, guid: guidOf('user', u.id), id: mxUserId(u), is_disabled: false, metadata: null,
});

export const institutionView = (c: InstitutionConnector) => ({
  code: c.code, forgot_password_url: null, forgot_username_url: null, instructional_text: null, iso_country_code: 'US',
  medium_logo_url: c.logoUrl, name: c.name, small_logo_url: c.logoUrl,
  supports_account_identification: false, supports_account_statement: false, supports_account_verification: false,
  supports_oauth: false, supports_tax_document: true, supports_transaction_history: false,
  trouble_signing_in_url: null, url: c.url,
});

/** MX names the login field LOGIN and the secret PASSWORD (Connect widget credential types). */
function credentialType(field: CredentialField, index: number): string {
  if (field.type === 'password') return 'PASSWORD';
  return index === 0 ? 'LOGIN' : 'TEXT';
}

export const credentialViews = (c: InstitutionConnector) => c.credentialFields.map((f, i) => ({
  display_order: i + 1, field_name: f.name, field_type: credentialType(f, i), guid: credentialGuid(c.code, f.name),
  label: f.label, type: credentialType(f, i),
}));

/** MX's image_data is the bare base64 of the image; Latchkey keeps a data: URI. */
function base64Of(dataUri: string | null): string | null {
  if (!dataUri?.startsWith('data:')) return dataUri;
  const comma = dataUri.indexOf(',');
  if (comma < 0) return dataUri;
  const payload = dataUri.slice(comma + 1);
  return dataUri.slice(0, comma).endsWith(';base64') ? payload : Buffer.from(decodeURIComponent(payload), 'utf8').toString('base64');
}

/** An answerable challenge (prompts are never shown to MX clients: see answerableChallenges). */
export function challengeView(x: ChallengeView) {
  const type = isAnswerable(x.type) ? MX_CHALLENGE_TYPES[x.type] : null;
  const out: Record<string, unknown> = { field_name: null, guid: guidOf('challenge', x.challengeId), label: x.label, type };
  if (x.type === 'options') out.options = x.options.map((o) => ({ guid: guidOf('challenge', o.optionId), label: o.label, value: o.value }));
  if (x.type === 'image_options') {
    out.image_options = x.options.map((o) => ({ guid: guidOf('challenge', o.optionId), label: o.label, value: o.value, data_uri: o.image }));
  }
  if (x.type === 'image_data') out.image_data = base64Of(x.image);
  return out;
}

/** A member as the API shows it, with its jobs (the active one decides the status of work in progress). */
export interface MemberSnapshot {
  view: ConnectionView;
  activeJobId: string | null;
  jobs: readonly ConnectionJob[];
  user: User;
}

export const activeJob = (s: MemberSnapshot): ConnectionJob | null => s.jobs.find((j) => j.id === s.activeJobId) ?? null;

/** The challenges an MX client can answer (a prompt is approved in the institution's app). */
export const answerableChallenges = (view: ConnectionView) => view.challenges.filter((x) => isAnswerable(x.type));

function statusOf(s: MemberSnapshot) {
  const prompts = s.view.challenges.filter((x) => !isAnswerable(x.type));
  const promptOnly = s.view.state === 'CHALLENGED' && prompts.length > 0 && answerableChallenges(s.view).length === 0;
  const from: ConnectionState | null = activeJob(s)?.fromState ?? null;
  const name = mxStatusOf(s.view.state, from, promptOnly);
  return { name, id: MX_CONNECTION_STATUS_IDS[name], message: promptOnly ? prompts[0]!.label : s.view.statusMessage };
}

export function memberView(s: MemberSnapshot) {
  const { view } = s;
  const status = statusOf(s);
  const latest = [...s.jobs].sort((a, b) => b.createdAt - a.createdAt)[0];
  return {
    aggregated_at: iso(view.aggregatedAt),
    background_aggregation_is_disabled: false,
    connection_status: status.name,
    connection_status_id: status.id,
    connection_status_message: status.message,
    guid: guidOf('member', view.connectionId),
    id: null,
    institution_code: view.institutionCode,
    institution_guid: guidOf('institution', view.institutionCode),
    is_authenticated: view.isAuthenticated,
    is_being_aggregated: view.isBeingAggregated,
    is_managed_by_user: false,
    is_manual: false,
    is_oauth: false,
    metadata: null,
    most_recent_job_detail_code: null,
    most_recent_job_detail_text: null,
    most_recent_job_guid: latest ? guidOf('job', latest.id) : null,
    name: view.institution.name,
    needs_updated_credentials: view.state === 'DENIED' || view.state === 'PREVENTED',
    oauth_window_uri: null,
    successfully_aggregated_at: iso(view.successfullyAggregatedAt),
    user_guid: guidOf('user', s.user.id),
    user_id: mxUserId(s.user),
  };
}

/** GET …/status: seed 002's fields; `challenges` appears when there is something to answer. */
export function memberStatusView(s: MemberSnapshot) {
  const { view } = s;
  const status = statusOf(s);
  const challenges = answerableChallenges(view);
  return {
    aggregated_at: iso(view.aggregatedAt),
    ...(challenges.length > 0 ? { challenges: challenges.map(challengeView) } : {}),
    connection_status: status.name,
    connection_status_id: status.id,
    connection_status_message: status.message,
    guid: guidOf('member', view.connectionId),
    has_processed_account_numbers: false,
    has_processed_accounts: view.successfullyAggregatedAt !== null,
    has_processed_transactions: false,
    is_authenticated: view.isAuthenticated,
    is_being_aggregated: view.isBeingAggregated,
    successfully_aggregated_at: iso(view.successfullyAggregatedAt),
  };
}

const ACCOUNT_TYPES: Readonly<Record<string, string>> = {
  checking: 'CHECKING', savings: 'SAVINGS', credit_card: 'CREDIT_CARD', loan: 'LOAN', investment: 'INVESTMENT',
};

export function accountView(a: Account, member: { connectionId: string; institutionCode: string }, user: User) {
  const updated = iso(a.updatedAt);
  return {
    account_number: a.mask, available_balance: a.balance, balance: a.balance, created_at: updated, currency_code: a.currency,
    guid: guidOf('account', a.id), id: null, institution_code: member.institutionCode, is_closed: false, is_hidden: false,
    is_manual: false, member_guid: guidOf('member', member.connectionId), member_id: null, name: a.name, subtype: null,
    // MX's catch-all type for what it has no name for (a utility bill account).
    type: ACCOUNT_TYPES[a.type] ?? 'ANY', updated_at: updated, user_guid: guidOf('user', user.id), user_id: mxUserId(user),
  };
}

/** "1099-INT 2025" → TAX1099_INT, in the style of MX's document_type values (TAX1099_C…). */
const documentType = (name: string) => `TAX${(name.split(' ')[0] ?? name).toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;

export function taxDocumentView(d: InstitutionDocument, userId: string) {
  const guid = guidOf('taxDocument', d.id);
  const memberGuid = guidOf('member', d.connectionId);
  const userGuid = guidOf('user', userId);
  return {
    content_hash: null, created_at: iso(d.createdAt), document_type: documentType(d.name), guid, issued_on: null,
    member_guid: memberGuid, tax_year: String(d.year), updated_at: iso(d.createdAt),
    uri: `/users/${userGuid}/members/${memberGuid}/tax_documents/${guid}.pdf`, user_guid: userGuid,
  };
}
