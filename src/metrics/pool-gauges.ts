// Database connection gauges, read from the client when Prometheus scrapes.
import { Gauge, type Registry } from "prom-client";
import type { Database, PoolStats } from "../db/database";

export function registerPoolGauges(registry: Registry, db: Pick<Database, "kind" | "poolStats">): void {
  const labels = { backend: db.kind };
  const gauge = (name: string, help: string, read: (s: PoolStats) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames: ["backend"],
      registers: [registry],
      collect() {
        const v = read(db.poolStats());
        // PGlite cannot tell idle from busy: report nothing rather than a made-up number.
        if (v !== null) this.set(labels, v);
      },
    });
  gauge("tppo_hub_db_pool_max", "Connections the database client may open (PGlite: one, in process).", (s) => s.max);
  gauge("tppo_hub_db_pool_open", "Connections open now.", (s) => s.open);
  gauge("tppo_hub_db_pool_in_use", "Connections checked out by a query or transaction (PostgreSQL only).", (s) => (s.idle === null ? null : s.open - s.idle));
  gauge("tppo_hub_db_pool_idle", "Open connections not in use (PostgreSQL only).", (s) => s.idle);
  gauge("tppo_hub_db_pool_waiting", "Requests waiting for a connection (PostgreSQL only).", (s) => s.waiting);
}
