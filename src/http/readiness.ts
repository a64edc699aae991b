// GET /readyz: the database answers and is fully migrated. Bounded in time, so an orchestrator
// gets its 503 at once while PostgreSQL is away, rather than after the pool's acquire timeout or
// never (a connection whose server stopped answering).
import type { Database } from "../db/database";
import { migrationStatus } from "../db/migrations";

export interface Readiness {
  ready: boolean;
  database: "reachable" | "unreachable";
  pendingMigrations: string[];
}

/** @default 1000 (PostgreSQL): longer than a healthy check takes, short enough for a load balancer's probe. */
export const READINESS_TIMEOUT_MS = 1_000;

export async function readiness(db: Database, opts: { timeoutMs?: number } = {}): Promise<Readiness> {
  // PGlite is in this process: it cannot be away, only busy (it runs one transaction at a time),
  // and a busy embedded hub is still the right place to send work.
  const timeoutMs = db.kind === "postgres" ? (opts.timeoutMs ?? READINESS_TIMEOUT_MS) : 2 ** 31 - 1;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("readiness check timed out")), timeoutMs);
  });
  const check = (async (): Promise<Readiness> => {
    await db.raw.query("SELECT 1");
    const s = await migrationStatus(db.raw);
    return { ready: s.pending.length === 0 && s.modified.length === 0, database: "reachable", pendingMigrations: s.pending };
  })();
  check.catch(() => undefined); // a check that loses the race must not become an unhandled rejection
  try {
    return await Promise.race([check, timeout]);
  } catch {
    return { ready: false, database: "unreachable", pendingMigrations: [] };
  } finally {
    clearTimeout(timer);
  }
}
