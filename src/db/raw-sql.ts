// The few things we do below Prisma (migrations, readiness, catalog checks), for both drivers.
export interface RawSql {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** RawSql that can also run a transaction on one connection (the audit sealer, src/audit/sealer.ts). */
export interface TransactionalRawSql extends RawSql {
  /** Runs fn in one READ COMMITTED transaction: commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: RawSql) => Promise<T>): Promise<T>;
}
