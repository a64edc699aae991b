// The few things we do below Prisma (migrations, readiness, catalog checks, bulk loads), for both drivers.
export interface RawSql {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** One connection inside a transaction. */
export interface RawSession extends RawSql {
  /**
   * `COPY table (columns) FROM STDIN` in PostgreSQL's text format: `data` holds one line per row,
   * columns separated by tabs (src/seed/copy-text.ts writes it). The fastest way to load rows:
   * no SQL to parse per row, constraints and indexes checked as for INSERT.
   */
  copyFrom(table: string, columns: readonly string[], data: string): Promise<void>;
}

export interface RawDatabase extends RawSql {
  /** Runs `fn` on one connection in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: RawSession) => Promise<T>): Promise<T>;
}

/** `COPY "table" ("a","b") FROM <source>`; names are the schema's own, quoted. */
export function copyStatement(table: string, columns: readonly string[], source: "STDIN" | "'/dev/blob'"): string {
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  return `COPY ${ident(table)} (${columns.map(ident).join(",")}) FROM ${source}`;
}
