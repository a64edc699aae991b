// Part 4: the hub on its embedded database (PGlite) against the hub on PostgreSQL, the three
// reads at one connection, interleaved over rounds. The PGlite data directory is seeded by the
// same seeder (deterministic data; its own ids, so its inputs are read from it).
import path from "node:path";
import { openDatabase } from "../src/db/database";
import { applyMigrations } from "../src/db/migrations";
import { seedDemo } from "../src/seed/demo";
import { latencyAtOne, send } from "./load";
import { READS, type ReadSpec } from "./reads";
import { median } from "./stats";
import type { RunningSystem } from "./systems";

export interface PgliteFigures {
  scale: number;
  seedSeconds: number;
  /** Median p50 at one connection over the rounds, ms. */
  reads: { key: ReadSpec["key"]; title: string; postgres: number; pglite: number }[];
}

/** Seeds `dataDir/pglite` at `scale` and returns each read's inputs from it. */
export async function preparePglite(dataDir: string, scale: number): Promise<{ inputs: Map<string, string[]>; seedSeconds: number }> {
  const db = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
  try {
    await applyMigrations(db.raw);
    const t0 = performance.now();
    await seedDemo(db, { scale });
    const seedSeconds = (performance.now() - t0) / 1000;
    await db.raw.exec("VACUUM ANALYZE");
    const inputs = new Map<string, string[]>();
    for (const spec of READS) inputs.set(spec.key, (await db.raw.query<{ v: string }>(spec.inputsSql)).map((r) => r.v));
    return { inputs, seedSeconds };
  } finally {
    await db.close();
  }
}

export async function runPglite(opts: {
  postgres: RunningSystem;
  postgresInputs: Map<string, string[]>;
  pglite: RunningSystem;
  pgliteInputs: Map<string, string[]>;
  rounds: number;
  duration: number;
  log: (line: string) => void;
}): Promise<PgliteFigures["reads"]> {
  const out: PgliteFigures["reads"] = [];
  for (const spec of READS) {
    const reqs = (inputs: Map<string, string[]>) => (inputs.get(spec.key) ?? []).map((i) => spec.request("hub", i));
    const pg = reqs(opts.postgresInputs);
    const lite = reqs(opts.pgliteInputs);
    if (!pg.length || !lite.length) continue;
    for (const r of lite.slice(0, 10)) await send(opts.pglite, r); // warm-up
    const times = { postgres: [] as number[], pglite: [] as number[] };
    for (let round = 0; round < opts.rounds; round++) {
      const order = round % 2 ? (["pglite", "postgres"] as const) : (["postgres", "pglite"] as const);
      for (const which of order) {
        const res = await latencyAtOne(which === "pglite" ? opts.pglite : opts.postgres, which === "pglite" ? lite : pg, opts.duration);
        times[which].push(res.p50);
        opts.log(`round ${round + 1} ${spec.key} hub on ${which}: 1 conn p50 ${res.p50.toFixed(2)} ms`);
      }
    }
    out.push({ key: spec.key, title: spec.title, postgres: median(times.postgres), pglite: median(times.pglite) });
  }
  return out;
}
