import {
  SelectQueryNode, SqliteDialect,
  type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, type SqliteDatabase,
} from 'kysely';
import type { DatabaseSync } from 'node:sqlite';

type Db = SqliteDatabase & { raw: DatabaseSync };

/** The writes of one turn transaction, each waiting for its commit. */
type Batch = Array<{ resolve: () => void; reject: (e: unknown) => void }>;

/** SQLITE_BUSY, and its extended codes (SQLITE_BUSY_SNAPSHOT is 517): another process has written, or is writing. */
const isBusy = (err: unknown) => ((err as { errcode?: number }).errcode ?? 0) % 256 === 5;

/**
 * Kysely's SQLite driver with group commit.
 *
 * Every write outside an explicit transaction used to be its own transaction: one commit,
 * one append of every page it touched to the write-ahead log. Under load that commit cost
 * most of a request (three writes per MFA verification, about 50 µs of CPU). Here the
 * statements made outside a transaction during one turn of the event loop share one
 * transaction, committed on `setImmediate`; each write's promise settles only once that
 * commit is done, so no caller learns of a write before it is durable (as durable as
 * `synchronous = NORMAL`). A statement that fails is undone alone (SQLite's statement
 * journal), as in autocommit.
 *
 * Reads (SELECT queries) share the turn's transaction too and answer at once. On its own, each
 * read would be a read transaction of its own, whose locks on the write-ahead log's index cost
 * three system calls (about 5 µs here, more than the read). Reads see the turn's writes, as
 * they would on the one connection anyway, and one snapshot of other processes' commits.
 * Anything else, raw SQL included, counts as a write. Explicit transactions (`db.transaction()`)
 * commit the open turn first and then have the connection to themselves: statements from
 * elsewhere wait until they end.
 */
export class GroupCommitSqliteDriver implements Driver {
  readonly #db: Db;
  /** The handle whose explicit transaction holds the connection, if any. */
  #owner: Handle | null = null;
  #ownerDone: Promise<void> = Promise.resolve();
  #release: () => void = () => {};
  /** The writes of the open turn transaction, waiting for its commit; null when none is open. */
  #batch: Batch | null = null;
  /** Whether the open turn has read (so holds a snapshot), and whether it has written (so holds the write lock). */
  #turnRead = false;
  #turnWrote = false;

  constructor(db: Db) {
    this.#db = db;
  }

  async init(): Promise<void> {}

  // Connections are cheap handles on the one SQLite connection; only transactions take it exclusively.
  async acquireConnection(): Promise<DatabaseConnection> {
    return new Handle(this);
  }

  async releaseConnection(): Promise<void> {}

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    const handle = conn as Handle;
    while (this.#owner) await this.#ownerDone;
    this.flush();
    this.#owner = handle;
    this.#ownerDone = new Promise((resolve) => { this.#release = resolve; });
    try {
      this.#db.raw.exec('BEGIN');
    } catch (err) {
      this.#endTransaction();
      throw err;
    }
  }

  async commitTransaction(): Promise<void> {
    try {
      this.#db.raw.exec('COMMIT');
    } finally {
      if (!this.#db.raw.isTransaction) this.#endTransaction();
    }
  }

  async rollbackTransaction(): Promise<void> {
    try {
      if (this.#db.raw.isTransaction) this.#db.raw.exec('ROLLBACK');
    } finally {
      this.#endTransaction();
    }
  }

  async destroy(): Promise<void> {
    while (this.#owner) await this.#ownerDone;
    this.flush();
    this.#db.close();
  }

  /** Commits the open turn transaction, if any, and settles its writes. */
  flush(): void {
    const batch = this.#batch;
    if (!batch) return;
    this.#batch = null;
    try {
      this.#db.raw.exec('COMMIT');
    } catch (err) {
      try {
        if (this.#db.raw.isTransaction) this.#db.raw.exec('ROLLBACK');
      } catch {
        // The connection is already out of the transaction; nothing more to undo.
      }
      for (const w of batch) w.reject(err);
      return;
    }
    for (const w of batch) w.resolve();
  }

  /**
   * Runs one statement for `handle` (null: outside any transaction, as the store's prepared
   * hot-path statements run), waiting while another handle's transaction holds the connection.
   */
  async execute<R>(handle: Handle | null, query: CompiledQuery): Promise<QueryResult<R>> {
    while (this.#owner && this.#owner !== handle) await this.#ownerDone;
    if (handle !== null && this.#owner === handle) return this.#run<R>(query);
    const batch = this.#openTurn('BEGIN');
    if (!SelectQueryNode.is(query.query)) return this.#batched<R>(batch, query);
    this.#turnRead = true;
    try {
      return this.#run<R>(query);
    } catch (err) {
      return this.#failed(batch, err);
    }
  }

  /** The open turn transaction's batch, opening one (committed on `setImmediate`) if none is open. */
  #openTurn(begin: 'BEGIN' | 'BEGIN IMMEDIATE'): Batch {
    if (this.#batch) return this.#batch;
    this.#db.raw.exec(begin);
    const batch: Batch = (this.#batch = []);
    this.#turnRead = false;
    this.#turnWrote = false;
    setImmediate(() => {
      if (this.#batch === batch) this.flush();
    });
    return batch;
  }

  #batched<R>(batch: Batch, query: CompiledQuery): Promise<QueryResult<R>> {
    let result: QueryResult<R>;
    try {
      result = this.#run<R>(query);
    } catch (err) {
      // The turn's reads took a snapshot; its first write fails if another process has written
      // since, or is writing now (SQLite does not wait for a reader that would write). Nothing of
      // this turn is written yet: end it, and write in a new turn that waits for the lock (as a
      // turn that has not read already did, in its BEGIN, before failing: that one is not retried).
      if (!this.#turnRead || this.#turnWrote || !isBusy(err) || this.#batch !== batch) return this.#failed(batch, err);
      this.flush();
      batch = this.#openTurn('BEGIN IMMEDIATE');
      try {
        result = this.#run<R>(query);
      } catch (again) {
        return this.#failed(batch, again);
      }
    }
    // Raw SQL may only read: it takes a snapshot, not the write lock.
    if (this.#db.prepare(query.sql).reader) this.#turnRead = true;
    else this.#turnWrote = true;
    return new Promise((resolve, reject) => batch.push({ resolve: () => resolve(result), reject }));
  }

  /** A statement that failed. Some errors (disk full, I/O) end the whole transaction: then every write in it is lost. */
  #failed(batch: Batch, err: unknown): Promise<never> {
    if (!this.#db.raw.isTransaction && this.#batch === batch) {
      this.#batch = null;
      for (const w of batch) w.reject(err);
    }
    return Promise.reject(err);
  }

  #run<R>(query: CompiledQuery): QueryResult<R> {
    const stmt = this.#db.prepare(query.sql);
    if (stmt.reader) return { rows: stmt.all(query.parameters) as R[] };
    const { changes, lastInsertRowid } = stmt.run(query.parameters);
    return {
      numAffectedRows: changes === undefined || changes === null ? undefined : BigInt(changes),
      insertId: lastInsertRowid === undefined || lastInsertRowid === null ? undefined : BigInt(lastInsertRowid),
      rows: [],
    };
  }

  #endTransaction(): void {
    this.#owner = null;
    this.#release();
  }
}

class Handle implements DatabaseConnection {
  readonly #driver: GroupCommitSqliteDriver;
  constructor(driver: GroupCommitSqliteDriver) {
    this.#driver = driver;
  }
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.#driver.execute<R>(this, query);
  }
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Latchkey does not stream SQLite queries.');
  }
}

/** Kysely's SQLite dialect over {@link GroupCommitSqliteDriver}. */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly driver: GroupCommitSqliteDriver;
  constructor(db: Db) {
    super({ database: db });
    this.driver = new GroupCommitSqliteDriver(db);
  }
  override createDriver(): Driver {
    return this.driver;
  }
}
