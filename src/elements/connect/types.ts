import type { Json } from '../shared/types.ts';

/** The server's answers the connect Element reads, as the SDK types them. */
export type Connection = Json<'/v1/connections/{connectionId}', 'get', 200>;
export type Challenge = Connection['challenges'][number];
export type Institution = Json<'/v1/institutions', 'get', 200>['institutions'][number];
export type InstitutionDetail = Json<'/v1/institutions/{institutionCode}', 'get', 200>;
export type Account = Json<'/v1/connections/{connectionId}/accounts', 'get', 200>['accounts'][number];

/** The connect Element's events (docs/elements.md). */
export interface ConnectReady { step: 'search' }
export interface ConnectChallenge { connectionId: string; institutionCode: string; round: number; types: Challenge['type'][]; retry: boolean }
export interface ConnectSuccess { connectionId: string; institution: { code: string; name: string }; accounts: Account[]; existing: boolean }
