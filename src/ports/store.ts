import type {
  AuditEvent, Challenge, DevKey, Factor, Organization, OutboxMessage, ProtectedRequest,
  RememberedDevice, Session, User,
} from '../core/model.ts';

/** What one purge deleted, table by table. */
export interface PurgedCounts {
  sessions: number;
  challenges: number;
  devices: number;
  outbox: number;
  counters: number;
}

/**
 * The persistence port. Every method is one statement unless it says otherwise;
 * methods marked ATOMIC carry a concurrency guarantee that every backend must keep
 * (the storage contract suite checks each one against SQLite and PostgreSQL).
 */
export interface Store {
  organizations: {
    insert(org: Organization): Promise<void>;
    get(id: string): Promise<Organization | null>;
    update(id: string, patch: Partial<Omit<Organization, 'id' | 'createdAt'>>): Promise<void>;
  };
  users: {
    insert(user: User): Promise<void>;
    get(id: string): Promise<User | null>;
    findByUsername(orgId: string, username: string): Promise<User | null>;
    /**
     * Sign-in's read: the organization, its user of that name if any, and whether that user has
     * an active factor, in one statement. Null when the organization does not exist.
     */
    findForSignIn(orgId: string, username: string): Promise<{ org: Organization; user: User | null; hasActiveFactor: boolean } | null>;
    listByOrg(orgId: string): Promise<User[]>;
    /**
     * ATOMIC: add one to the user's consecutive-failure count. When it reaches
     * `threshold`, the same statement sets `lockedUntil` and restarts the count, and
     * `locked` is true for exactly that caller.
     */
    recordFailure(id: string, threshold: number, lockUntil: number): Promise<{ locked: boolean }>;
    /** Reset the failure count and clear any lock. */
    clearFailures(id: string): Promise<void>;
  };
  devKeys: {
    insert(key: DevKey): Promise<void>;
    findByHash(keyHash: string): Promise<DevKey | null>;
    get(id: string): Promise<DevKey | null>;
    /** Marks the key revoked (once); this process stops accepting it at once. */
    revoke(id: string, at: number): Promise<void>;
  };
  sessions: {
    insert(session: Session): Promise<void>;
    /** The hot path: the session with its user and organization, and whether the user has an active factor, in one read. */
    findContext(tokenHash: string): Promise<{ session: Session; user: User; org: Organization; hasActiveFactor: boolean } | null>;
    get(id: string): Promise<Session | null>;
    touch(id: string, at: number): Promise<void>;
    trust(id: string, at: number, method: string): Promise<void>;
    end(id: string, at: number): Promise<void>;
    listTokens(userId: string): Promise<Session[]>;
  };
  factors: {
    insert(factor: Factor): Promise<void>;
    listByUser(userId: string): Promise<Factor[]>;
    activate(id: string, at: number): Promise<void>;
    delete(id: string): Promise<void>;
    /**
     * ATOMIC: record `step` as the last accepted TOTP step only if it is newer
     * than the one stored. Under concurrent calls with the same step exactly one
     * returns true; a step at or below the stored one always returns false.
     */
    claimTotpStep(id: string, step: number): Promise<boolean>;
  };
  backupCodes: {
    replaceAll(factorId: string, userId: string, codeHashes: string[]): Promise<void>;
    /**
     * ATOMIC: mark one unused code with this hash as used and return true; under
     * concurrent calls with the same code exactly one caller receives true.
     */
    consume(userId: string, codeHash: string, at: number): Promise<boolean>;
    countUnused(userId: string): Promise<number>;
  };
  challenges: {
    insert(challenge: Challenge): Promise<void>;
    /** The challenge and, in the same read, its factor (null once the factor was removed). */
    getWithFactor(id: string): Promise<{ challenge: Challenge; factor: Factor | null } | null>;
    /**
     * ATOMIC: add one wrong attempt unless the challenge is complete; returns the
     * new count, or null when the challenge is already complete.
     */
    recordWrongAttempt(id: string): Promise<number | null>;
    /**
     * ATOMIC: mark the challenge complete if it is not yet complete, still has
     * attempts left and has not expired at `at`. Under concurrent calls exactly one
     * caller receives true.
     */
    complete(id: string, at: number): Promise<boolean>;
    /** Replace the code of a live challenge (resend); the attempt count is kept. */
    reissue(id: string, codeHash: string | null, expiresAt: number): Promise<void>;
  };
  devices: {
    insert(device: RememberedDevice): Promise<void>;
    findByTokenHash(tokenHash: string): Promise<RememberedDevice | null>;
    listByUser(userId: string): Promise<RememberedDevice[]>;
    get(id: string): Promise<RememberedDevice | null>;
    markUsed(id: string, at: number): Promise<void>;
    revoke(id: string, at: number): Promise<void>;
  };
  /**
   * Fixed-window counters for rate limits.
   * ATOMIC: `hit` adds one to the counter of (key, windowStart) and returns the new count.
   */
  counters: {
    hit(key: string, windowStart: number): Promise<number>;
    peek(key: string, windowStart: number): Promise<number>;
    reset(key: string): Promise<void>;
  };
  audit: {
    insert(event: AuditEvent): Promise<void>;
    list(filter: { orgId?: string; userId?: string; type?: string; limit: number }): Promise<AuditEvent[]>;
  };
  outbox: {
    insert(message: OutboxMessage): Promise<void>;
    list(filter: { orgId?: string; destination?: string; limit: number }): Promise<OutboxMessage[]>;
  };
  protectedRequests: {
    insert(request: ProtectedRequest): Promise<void>;
  };
  /** Housekeeping: deletes what no longer counts for anything, and says how many of each. */
  retention: {
    /**
     * Sessions that ended, idled out or passed their lifetime before `expiredBefore`;
     * challenges and remembered devices that expired (or devices revoked) before it; sandbox
     * outbox messages sent before it; rate-limit counters whose window began before `countersBefore`.
     * Many statements, each deleting a bounded chunk, so that no one of them holds the database long.
     */
    purge(cutoffs: { expiredBefore: number; countersBefore: number }): Promise<PurgedCounts>;
  };
  /** Small key-value state (the sandbox clock offset). */
  settings: {
    get(key: string): Promise<string | null>;
    set(key: string, value: string): Promise<void>;
  };
  close(): Promise<void>;
}
