import type {
  Account, Connection, ConnectionEvent, ConnectionJob, InstitutionChallenge, InstitutionDocument, WebhookDelivery, WebhookEndpoint,
} from '../core/connection/model.ts';
import type { ConnectionState } from '../core/connection/connection-state.ts';

/**
 * Persistence of the institution side. Methods marked ATOMIC carry a concurrency
 * guarantee every backend keeps (checked by the storage contract suite).
 */
export interface ConnectionStore {
  /** Runs `fn` in one database transaction: all of its writes land, or none. */
  transaction<T>(fn: (tx: ConnectionStore) => Promise<T>): Promise<T>;
  connections: {
    /** ATOMIC: inserts unless a connection with the same loginDigest exists; returns the one stored. */
    insertOrGet(connection: Connection): Promise<{ connection: Connection; created: boolean }>;
    get(id: string): Promise<Connection | null>;
    listByUser(orgId: string, userId: string): Promise<Connection[]>;
    /**
     * ATOMIC: applies `patch` and adds one to eventSeq only if the state is one of
     * `from` (and the round is `round`, when given). Under concurrent calls exactly
     * one caller receives the updated connection; the others receive null.
     */
    transition(id: string, from: readonly ConnectionState[], patch: Partial<Connection>, round?: number): Promise<Connection | null>;
    /** Connected connections whose last good aggregation is older than `before` and that have no job running. */
    dueForRefresh(before: number, limit: number): Promise<Connection[]>;
    /** Deletes the connection and everything that belongs to it. */
    delete(id: string): Promise<void>;
  };
  jobs: {
    insert(job: ConnectionJob): Promise<void>;
    update(id: string, patch: Partial<ConnectionJob>): Promise<void>;
    listByConnection(connectionId: string): Promise<ConnectionJob[]>;
    /**
     * ATOMIC: leases one due job — queued with runAt ≤ now, or running with an
     * expired lease (its worker died) — until `leaseUntil`. Exactly one worker
     * receives a given job.
     */
    claimDue(now: number, leaseUntil: number): Promise<ConnectionJob | null>;
  };
  challenges: {
    insertMany(challenges: InstitutionChallenge[]): Promise<void>;
    listByConnection(connectionId: string, round?: number): Promise<InstitutionChallenge[]>;
    update(id: string, patch: Partial<InstitutionChallenge>): Promise<void>;
    /** Pending challenges past their deadline. */
    dueForExpiry(now: number, limit: number): Promise<InstitutionChallenge[]>;
  };
  events: {
    insert(event: ConnectionEvent): Promise<void>;
    listAfter(connectionId: string, afterSeq: number): Promise<ConnectionEvent[]>;
    get(id: string): Promise<ConnectionEvent | null>;
  };
  accounts: {
    /** Makes the connection's accounts these: an account already known by its externalId keeps its ID. */
    replaceAll(connectionId: string, accounts: Account[]): Promise<void>;
    listByConnection(connectionId: string): Promise<Account[]>;
  };
  documents: {
    upsertMany(documents: InstitutionDocument[]): Promise<void>;
    listByConnection(connectionId: string): Promise<InstitutionDocument[]>;
  };
  answerTokens: {
    insert(token: { tokenHash: string; connectionId: string; expiresAt: number; createdAt: number }): Promise<void>;
    /** A token by its digest, used or not. */
    find(tokenHash: string): Promise<{ connectionId: string; expiresAt: number; usedAt: number | null } | null>;
    /** ATOMIC: marks an unused, unexpired token used and returns its connection; exactly one caller succeeds. */
    consume(tokenHash: string, now: number): Promise<string | null>;
  };
  resumes: {
    get(connectionId: string, idempotencyKey: string): Promise<string | null>;
    /** ATOMIC: records the first result for the key; returns false when one was already recorded. */
    put(connectionId: string, idempotencyKey: string, result: string, at: number): Promise<boolean>;
  };
  retention: {
    /** Deletes answer tokens that expired, and resume results recorded, before `before`; returns how many of each. */
    purge(before: number): Promise<{ answerTokens: number; resumes: number }>;
  };
  webhooks: {
    insertEndpoint(endpoint: WebhookEndpoint): Promise<void>;
    listEndpoints(orgId: string): Promise<WebhookEndpoint[]>;
    getEndpoint(id: string): Promise<WebhookEndpoint | null>;
    disableEndpoint(id: string, at: number): Promise<void>;
    insertDeliveries(deliveries: WebhookDelivery[]): Promise<void>;
    /**
     * ATOMIC: leases one due delivery that is the oldest pending one of its endpoint
     * and connection (so each receiver sees a connection's events in order).
     */
    claimDue(now: number, leaseUntil: number): Promise<WebhookDelivery | null>;
    updateDelivery(id: string, patch: Partial<WebhookDelivery>): Promise<void>;
    listDeliveries(filter: { orgId?: string; endpointId?: string; connectionId?: string; limit: number }): Promise<WebhookDelivery[]>;
    getDelivery(id: string): Promise<WebhookDelivery | null>;
  };
}
