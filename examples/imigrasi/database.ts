// Imigrasi's database: PGlite in memory when no URL is given (the demo), or a real PostgreSQL
// database (`postgres://...`), which is what the agency runs. One small interface over both.
import pg from "pg";

export interface ImigrasiDb {
  kind: "pglite" | "postgres";
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function openImigrasiDb(opts: { url?: string } = {}): Promise<ImigrasiDb> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 4 });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on("error", () => undefined);
    return {
      kind: "postgres",
      query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
      exec: async (sql) => void (await pool.query(sql)),
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite();
  return {
    kind: "pglite",
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    exec: async (sql) => void (await db.exec(sql)),
    close: () => db.close(),
  };
}
