// The few things we do below Prisma (migrations, readiness, catalog checks), for both drivers.
export interface RawSql {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}
