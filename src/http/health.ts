// GET /healthz (the process is up) and GET /readyz (the database is reachable and fully
// migrated, and the hub is not draining): public, for orchestrators and load balancers.
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database";
import { migrationStatus } from "../db/migrations";

export async function readiness(db: Database): Promise<{ ready: boolean; database: string; pendingMigrations: string[] }> {
  try {
    await db.raw.query("SELECT 1");
    const s = await migrationStatus(db.raw);
    return { ready: s.pending.length === 0 && s.modified.length === 0, database: "reachable", pendingMigrations: s.pending };
  } catch {
    return { ready: false, database: "unreachable", pendingMigrations: [] };
  }
}

export function healthRoutes(app: FastifyInstance, opts: { db: Database; draining: () => boolean }): void {
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    // Draining first: a load balancer must stop sending work at once, whatever the database says.
    if (opts.draining()) return reply.code(503).send({ status: "draining", ready: false });
    const r = await readiness(opts.db);
    return reply.code(r.ready ? 200 : 503).send({ status: r.ready ? "ready" : "not-ready", ...r });
  });
}
