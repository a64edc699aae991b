// GET /healthz (the process is up) and GET /readyz (the database is reachable and fully
// migrated, and the hub is not draining): public, for orchestrators and load balancers.
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database";
import { readiness } from "./readiness";

export function healthRoutes(app: FastifyInstance, opts: { db: Database; draining: () => boolean }): void {
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    // Draining first: a load balancer must stop sending work at once, whatever the database says.
    if (opts.draining()) return reply.code(503).send({ status: "draining", ready: false });
    const r = await readiness(opts.db);
    return reply.code(r.ready ? 200 : 503).send({ status: r.ready ? "ready" : "not-ready", ...r });
  });
}
