// Command-line options of `npm run bench` (documented in DEVELOPERS.md).
import { Command, InvalidArgumentError } from "commander";

export interface BenchOptions {
  /** Demo data scale (about 60 cases per unit). @default 100 */
  scale: number;
  /** Scale of the embedded-database (PGlite) comparison. @default the same as scale */
  pgliteScale: number;
  /** Rounds of interleaved A/B/C measurements. @default 3 */
  rounds: number;
  /** Seconds of each latency and each throughput measurement. @default 5 */
  duration: number;
  /** Connections of the throughput runs. @default 16 */
  connections: number;
  /** Seconds of the memory run. @default 60 */
  memoryDuration: number;
  /** Pin servers and load generator to different cores with taskset. @default true */
  pin: boolean;
  /** Where the report goes; "" writes none. @default docs/benchmarks.md */
  out: string;
  /** A line saying how the run was done (e.g. "baseline, before the read-path change"). */
  label: string;
  /** Where the gateways run: on the servers' core (with the hub and PostgreSQL) or the load generator's. @default server */
  gatewayCpu: "server" | "client";
  /** Parts to run. @default all but import */
  only: Set<Part>;
  /** Rows of the import benchmark's spreadsheet. @default 100000 */
  importRows: number;
  /** Database of the import benchmark: postgres, pglite, or auto (PostgreSQL when installed). @default auto */
  importDb: "postgres" | "pglite" | "auto";
}

export const PARTS = ["reads", "writes", "pglite", "memory", "gateway", "import"] as const;
/** Run unless --only names parts: the import benchmark (bench/import.ts) runs only when asked for. */
const DEFAULT_PARTS = PARTS.filter((p) => p !== "import");
export type Part = (typeof PARTS)[number];

const int = (min: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`an integer >= ${min}`);
  return n;
};

export function parseOptions(argv: string[]): BenchOptions {
  const cmd = new Command("bench")
    .description("TPPO Hub vs PostGraphile v4 vs hand-written SQL, on a throwaway PostgreSQL cluster")
    .option("--scale <n>", "demo data scale (about 60 cases each)", int(1), 100)
    .option("--pglite-scale <n>", "scale of the PGlite comparison (default: --scale)", int(1))
    .option("--rounds <n>", "rounds of interleaved measurements", int(1), 3)
    .option("--duration <s>", "seconds per latency and per throughput measurement", int(1), 5)
    .option("--connections <n>", "connections of the throughput runs", int(1), 16)
    .option("--memory-duration <s>", "seconds of the memory run", int(1), 60)
    .option("--no-pin", "do not pin processes to cores with taskset")
    .option("--out <file>", "report file ('' for none)", "docs/benchmarks.md")
    .option("--label <text>", "what this run is (goes into the report)", "")
    .option("--gateway-cpu <where>", "the gateways' core: server (with the hub and PostgreSQL) or client (with the load generator)", "server")
    .option("--only <parts>", `comma-separated parts: ${PARTS.join(",")}`, DEFAULT_PARTS.join(","))
    .option("--import-rows <n>", "rows of the import benchmark's spreadsheet (--only import)", int(1), 100_000)
    .option("--import-db <db>", "database of the import benchmark: postgres, pglite or auto", "auto")
    .exitOverride();
  cmd.parse(argv, { from: "user" });
  const o = cmd.opts();
  const only = new Set(String(o.only).split(",").filter(Boolean) as Part[]);
  if (o.gatewayCpu !== "server" && o.gatewayCpu !== "client") throw new InvalidArgumentError("--gateway-cpu: server or client");
  for (const p of only) if (!PARTS.includes(p)) throw new InvalidArgumentError(`--only: unknown part ${p} (${PARTS.join(", ")})`);
  if (!["postgres", "pglite", "auto"].includes(o.importDb)) throw new InvalidArgumentError("--import-db: postgres, pglite or auto");
  return {
    scale: o.scale,
    pgliteScale: o.pgliteScale ?? o.scale,
    rounds: o.rounds,
    duration: o.duration,
    connections: o.connections,
    memoryDuration: o.memoryDuration,
    gatewayCpu: o.gatewayCpu,
    pin: o.pin,
    out: o.out,
    label: o.label,
    only,
    importRows: o.importRows,
    importDb: o.importDb,
  };
}
