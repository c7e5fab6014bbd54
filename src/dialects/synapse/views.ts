import type { Latchkey } from '../../registry.ts';
import type { Organization, User } from '../../core/model.ts';
import type { Account, Connection } from '../../core/connection/model.ts';
import { refreshTokenOf } from './auth.ts';
import { institutionName, mfaKindOf, promptOf, type LoginOutcome } from './bank-login.ts';

/** Where v2 is mounted, for its banks' resource_uri. */
export const V2_BASE = '/synapse/api/v2';

type Mfa = Extract<LoginOutcome, { kind: 'mfa' }>;

/** A native user as a Synapse v3.1 user. Latchkey keeps no KYC data: names and documents are empty. */
export function userView(lk: Latchkey, org: Organization, user: User): Record<string, unknown> {
  return {
    _id: user.id,
    client: { id: org.id, name: org.name },
    documents: [],
    emails: [],
    extra: {
      cip_tag: 1, date_joined: user.createdAt, extra_security: false, is_business: false, is_trusted: false,
      last_updated: user.createdAt, public_note: null, supp_id: '',
    },
    is_hidden: false,
    legal_names: [],
    logins: [{ email: user.email ?? user.username, scope: 'READ_AND_WRITE' }],
    permission: 'UNVERIFIED',
    phone_numbers: user.phone ? [user.phone] : [],
    photos: [],
    refresh_token: refreshTokenOf(lk, org.id, user.id),
  };
}

/** An account as a v3.1 ACH-US node. The bank does not give the routing number or the name on the account. */
export function nodeView(lk: Latchkey, c: Connection, a: Account): Record<string, unknown> {
  const bank = institutionName(lk, c);
  return {
    _id: a.id,
    allowed: 'CREDIT-AND-DEBIT',
    extra: { supp_id: '', other: {} },
    info: {
      account_num: a.mask, routing_num: '', bank_long_name: bank, bank_name: bank,
      class: a.type === 'savings' ? 'SAVINGS' : 'CHECKING', type: 'PERSONAL', name_on_account: ' ', nickname: a.name,
      balance: { amount: a.balance, currency: a.currency, updated_on: a.updatedAt },
    },
    is_active: true,
    type: 'ACH-US',
    user_id: c.userId,
  };
}

/** v3.1's list of nodes (one page holds them all). */
export function nodesBody(nodes: Record<string, unknown>[]): Record<string, unknown> {
  return { error_code: '0', http_code: '200', limit: nodes.length, node_count: nodes.length, nodes, page: 1, page_count: 1, success: true };
}

/** v3.1's MFA object: every open question of the round, one per line. */
export function v31Mfa(m: Mfa): Record<string, unknown> {
  return {
    access_token: m.accessToken,
    message: m.challenges.map(promptOf).join('\n'),
    type: mfaKindOf(m.challenges) === 'device' ? 'device' : 'question',
  };
}

/** v2 writes dates like `2015-04-27T16:25:33.020610`, without a zone (UTC here). */
const v2Date = (ms: number) => `${new Date(ms).toISOString().slice(0, -1)}000`;

/** An account as a v2 bank. account_class 1 is checking, 2 savings; account_type 1 is personal. */
export function bankView(lk: Latchkey, c: Connection, a: Account, user: User): Record<string, unknown> {
  return {
    account_class: a.type === 'savings' ? 2 : 1,
    account_number_string: `********${a.mask}`,
    account_type: 1,
    address: '[]',
    balance: a.balance.toFixed(2),
    bank_name: institutionName(lk, c),
    date: v2Date(a.updatedAt),
    email: user.email ?? '',
    id: a.id,
    is_buyer_default: false,
    is_seller_default: false,
    // Spelled as Synapse spells it; true once the bank asked for MFA on this login.
    mfa_verifed: c.round > 0,
    name_on_account: ' ',
    nickname: a.name,
    phone_number: user.phone ?? '',
    resource_uri: `${V2_BASE}/bank/${a.id}`,
    routing_number_string: '',
  };
}

/** v2's `response` of an MFA round: questions as a list, a device code as one message. */
export function v2MfaResponse(m: Mfa): Record<string, unknown> {
  const open = m.challenges.filter((c) => c.needsAnswer);
  if (mfaKindOf(m.challenges) === 'device') {
    const message = (open.length ? open : m.challenges).map(promptOf).join('\n');
    return { access_token: m.accessToken, cookies: '', form_extra: '', mfa: { message }, type: 'device' };
  }
  return { access_token: m.accessToken, mfa: open.map((c) => ({ question: promptOf(c) })), type: 'questions' };
}
