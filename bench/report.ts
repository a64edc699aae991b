// What a run prints (a table of medians and ratios) and writes (docs/benchmarks.md): the
// machine, the date, the scale, the command, the figures, and each target met or not.
import os from "node:os";
import type { MemoryFigures } from "./memory";
import type { PgliteFigures } from "./pglite-phase";
import type { GatewayFigures } from "./gateway-phase";
import type { ReadFigures } from "./read-phase";
import { fmt, fmtRatio } from "./stats";
import { gatewayVerdicts, memoryVerdict, pgliteVerdicts, readVerdicts, summariseRead, summariseWrites, writeVerdicts, type Verdict } from "./targets";
import type { WriteFigures } from "./writes";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  postgres: string;
  os: string;
  /** 1-minute load average when the run started and ended: other work on the machine. */
  loadAtStart: number;
  loadAtEnd?: number;
}

export function machine(postgres: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    os: `${os.type()} ${os.release()}`,
    loadAtStart: os.loadavg()[0]!,
  };
}

export interface BenchResult {
  date: string;
  command: string;
  label: string;
  machine: Machine;
  pinning: string;
  scale: number;
  cases: number;
  seedSeconds: number;
  rounds: number;
  duration: number;
  connections: number;
  totalSeconds: number;
  reads?: ReadFigures[];
  writes?: WriteFigures;
  pglite?: PgliteFigures;
  memory?: MemoryFigures;
  gateway?: GatewayFigures;
}

export function verdicts(r: BenchResult): Verdict[] {
  return [
    ...(r.reads ? readVerdicts(r.reads, r.connections) : []),
    ...(r.writes ? writeVerdicts(r.writes) : []),
    ...(r.pglite ? pgliteVerdicts(r.pglite) : []),
    ...(r.memory ? [memoryVerdict(r.memory)] : []),
    ...(r.gateway ? gatewayVerdicts(r.gateway) : []),
  ].sort((a, b) => a.target.localeCompare(b.target, "en", { numeric: true }));
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

function readTable(r: BenchResult): string {
  const rows: string[][] = [];
  for (const f of r.reads ?? []) {
    const s = summariseRead(f);
    if (!s) {
      rows.push([f.title, "NOT REPORTED: answers differ", "", "", "", "", ""]);
      continue;
    }
    for (const sys of ["hub", "postgraphile", "floor"] as const) {
      rows.push([
        sys === "hub" ? s.title : "",
        { hub: "TPPO Hub", postgraphile: "PostGraphile v4", floor: "floor (SQL)" }[sys],
        fmt(s.statements[sys]),
        fmt(s.p50[sys]),
        fmt(s.p99[sys]),
        fmt(s.rps[sys]),
        sys === "hub" ? fmt(s.hubP99At16) : "",
      ]);
    }
  }
  return table(["Read", "System", "SQL/request", "p50 1 conn (ms)", "p99 1 conn (ms)", `req/s at ${r.connections}`, `hub p99 at ${r.connections} (ms)`], rows);
}

function ratioTable(r: BenchResult): string {
  const rows = (r.reads ?? []).flatMap((f) => {
    const s = summariseRead(f);
    return s
      ? [[s.title, fmtRatio(s.rpsVsPostgraphile), fmtRatio(s.rpsVsFloor), fmtRatio(s.p50VsFloor), fmtRatio(s.auditTail), `${Math.round(s.hubCpu * 100)}% / ${Math.round(s.hubDbCpu * 100)}%`]]
      : [];
  });
  return table(
    ["Read", "hub/PostGraphile throughput", "hub/floor throughput", "hub/floor p50", `hub p99@${r.connections} / p50@1`, "hub CPU / PostgreSQL CPU at 16"],
    rows,
  );
}

function writeTable(w: WriteFigures): string {
  const s = summariseWrites(w);
  return table(
    ["", "TPPO Hub contribute", "bulk SQL (unnest, ON CONFLICT)", "ratio"],
    [
      [`cold, ${w.records} records (s)`, fmt(s.coldSeconds), fmt(s.floorSeconds), fmtRatio(s.coldVsFloor)],
      ["exact replay (s)", fmt(s.replaySeconds), fmt(Math.min(...w.floorReplay)), `${fmtRatio(s.replayVsCold)} of cold`],
      ["records/s cold", fmt(s.recordsPerSecond), fmt(w.records / s.floorSeconds), ""],
      ["SQL statements per batch (cold / replay)", `${w.statements.hubCold} / ${w.statements.hubReplay}`, String(w.statements.floorCold), ""],
      ["results (round 1)", `cold ${JSON.stringify(w.coldStatuses)}, replay ${JSON.stringify(w.replayStatuses)}`, "", ""],
    ],
  );
}

function pgliteTable(p: PgliteFigures): string {
  return table(
    ["Read", "hub on PostgreSQL p50 (ms)", "hub on PGlite p50 (ms)", "PGlite/PostgreSQL"],
    p.reads.map((x) => [x.title, fmt(x.postgres), fmt(x.pglite), fmtRatio(x.pglite / x.postgres)]),
  );
}

/** `planner`: the figures of the gateway with the hub pass-through off (every operation through Hive's planner). */
function gatewayTable(g: GatewayFigures, connections: number, which: "gateway" | "planner" = "gateway"): string {
  const pct = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%` : "n/a");
  const p50 = (x: GatewayFigures["reads"][number]) => (which === "planner" ? (x.plannerP50 ?? NaN) : x.gatewayP50);
  const rps = (x: GatewayFigures["reads"][number]) => (which === "planner" ? (x.plannerRps ?? NaN) : x.gatewayRps);
  return table(
    ["Read", "p50 straight (ms)", "p50 via gateway (ms)", "p50 overhead", `req/s straight (${connections} conn)`, "req/s via gateway", "throughput change"],
    g.reads.map((x) => [x.title, fmt(x.hubP50), fmt(p50(x)), pct(p50(x) / x.hubP50 - 1), fmt(x.hubRps), fmt(rps(x)), pct(rps(x) / x.hubRps - 1)]),
  );
}
const hasPlanner = (g: GatewayFigures) => g.reads.some((x) => x.plannerP50 !== undefined);

const mark = (v: Verdict) => (v.met === null ? "not measured" : v.met ? "**met**" : "**not met**");

/** The figures as printed on stdout. */
export function renderText(r: BenchResult): string {
  const parts = [
    `TPPO Hub benchmark: scale ${r.scale} (${r.cases} cases), ${r.rounds} rounds of ${r.duration} s, ${r.machine.cpu} x${r.machine.cores}, ${r.pinning}`,
  ];
  if (r.reads) parts.push("Reads (medians over rounds)", readTable(r), "Ratios", ratioTable(r));
  if (r.writes) parts.push("Writes (medians over rounds)", writeTable(r.writes));
  if (r.pglite) parts.push(`Embedded database (PGlite at scale ${r.pglite.scale}) vs PostgreSQL (scale ${r.scale}), 1 connection`, pgliteTable(r.pglite));
  if (r.gateway) {
    parts.push(`Gateway overhead, hub pass-through on (medians over rounds; gateways on the ${r.gateway.cpu === "client" ? "load generator's" : "servers'"} core)`, gatewayTable(r.gateway, r.connections));
    if (hasPlanner(r.gateway)) parts.push("Gateway overhead, pass-through off: every operation through Hive's planner (same rounds)", gatewayTable(r.gateway, r.connections, "planner"));
  }
  if (r.memory) parts.push(`Memory: ${memoryVerdict(r.memory).measured}; ${r.memory.flat ? "flat" : "NOT flat"}`);
  parts.push(
    "Targets",
    verdicts(r)
      .map((v) => `${v.met === null ? "  ?  " : v.met ? " met " : " NOT "} ${v.target}: ${v.measured}${v.limit ? ` -- ${v.limit}` : ""}`)
      .join("\n"),
  );
  parts.push(`Whole run: ${(r.totalSeconds / 60).toFixed(1)} min`);
  return parts.join("\n\n") + "\n";
}

/** docs/benchmarks.md */
export function renderMarkdown(r: BenchResult): string {
  const m = r.machine;
  const lines = [
    "# Benchmarks",
    "",
    "Generated by `npm run bench` (bench/, see DEVELOPERS.md). Figures are medians over rounds in which the",
    "systems were measured interleaved, on one database; compare the ratios, not absolute times across runs.",
    "Benchmarks never fail CI on timing.",
    "",
    ...(r.label ? [`**${r.label}**`, ""] : []),
    "## The run",
    "",
    `- Date: ${r.date}`,
    `- Command: \`${r.command}\``,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB memory, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres}`,
    `- Load on the machine: 1-minute load average ${m.loadAtStart.toFixed(2)} at the start${m.loadAtEnd !== undefined ? ` and ${m.loadAtEnd.toFixed(2)} at the end` : ""} (other work shares these cores: absolute figures are noisy, ratios less so)`,
    `- Pinning: ${r.pinning}`,
    `- Data: demo dataset at scale ${r.scale} (${r.cases} cases), seeded in ${r.seedSeconds.toFixed(0)} s, then \`VACUUM ANALYZE\``,
    `- Measurements: ${r.rounds} rounds, systems interleaved (order rotated each round); latency at 1 connection and throughput at ${r.connections} connections (autocannon), ${r.duration} s each`,
    "- Systems: the TPPO Hub (`tppo-hub serve`, real signed token of a police investigator (purpose investigation, jurisdiction 61 and 63: every demo case), policy and audit on, request logs off);",
    "  PostGraphile v4 from npm with no auth at all; the floor, bare `node:http` + `pg` with one hand-written statement per request that builds the JSON in PostgreSQL.",
    "  The three return the same data for every read (checked before measuring: answers normalised for field names, enum spelling and list order, compared with the floor's).",
    "- The reads' exact selections, per system, are in `bench/reads.ts` and `bench/floor-sql.ts`.",
    "- SQL statements per request: pg_stat_statements over 20 sequential requests, everything the server sent (BEGIN/COMMIT and the audit log's statements included).",
    "- The cluster is tuned for throwaway runs (fsync, synchronous_commit and full_page_writes off), for every system alike.",
    `- Whole run: ${(r.totalSeconds / 60).toFixed(1)} min`,
    "",
  ];
  if (r.reads) lines.push("## Reads", "", readTable(r), "", "Ratios (medians):", "", ratioTable(r), "");
  if (r.writes) {
    lines.push(
      "## Writes",
      "",
      `\`contribute\` of ${r.writes.records} mixed records (persons with a NIK, cases, victims linking them, early warnings) in one request, cold, then the exact same request again; against the same records written by bulk SQL (\`INSERT ... ON CONFLICT\` from \`unnest\`, one statement per table, one transaction). New records each round.`,
      "",
      writeTable(r.writes),
      "",
    );
  }
  if (r.pglite) {
    lines.push(
      "## Embedded database",
      "",
      `The hub on PGlite (scale ${r.pglite.scale}, seeded in ${r.pglite.seedSeconds.toFixed(0)} s) against the hub on PostgreSQL (scale ${r.scale}), the three reads at 1 connection, interleaved.`,
      "",
      pgliteTable(r.pglite),
      "",
    );
  }
  if (r.gateway) {
    lines.push(
      "## Gateway overhead (issue 10)",
      "",
      `The three reads straight to the hub and through the federation gateway (\`tppo-hub gateway\`: Hive Gateway's runtime, the supergraph of the hub alone, the caller's token verified, the policy check, a principal token for the hub), the same token and requests, interleaved in the same run; the hub and PostgreSQL on the servers' core, the gateways on the ${r.gateway.cpu === "client" ? "load generator's" : "servers'"} core. Each read's answer through each gateway was checked equal to the hub's first.`,
      "",
      "With the hub pass-through (an operation the hub answers alone is sent to it as written):",
      "",
      gatewayTable(r.gateway, r.connections),
      "",
      ...(hasPlanner(r.gateway) ? ["The same gateway with `GATEWAY_HUB_PASS_THROUGH=off` (every operation through Hive's planner), same rounds:", "", gatewayTable(r.gateway, r.connections, "planner"), ""] : []),
    );
  }
  if (r.memory) {
    const mem = r.memory;
    lines.push(
      "## Memory",
      "",
      `Hub RSS sampled every second over a ${mem.seconds} s run at ${mem.connections} connections (the three reads mixed, ${mem.requests} requests): ${memoryVerdict(mem).measured}. ${mem.flat ? "Flat." : "Not flat."}`,
      "",
      `Samples (MB): ${mem.samples.map((x) => x.toFixed(0)).join(" ")}`,
      "",
    );
  }
  lines.push(
    "## Targets (issue 9)",
    "",
    table(
      ["Target", "Measured", "Verdict", "What limits it"],
      verdicts(r).map((v) => [v.target, v.measured, mark(v), v.limit.replace(/\n/g, " ").replace(/\|/g, "\\|")]),
    ),
    "",
  );
  return lines.join("\n");
}
