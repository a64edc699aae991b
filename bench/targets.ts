// The targets, judged on one run's medians and ratios (issue 9). Pure: figures in,
// verdicts out, so the arithmetic is unit-tested (test/bench/targets.test.ts).
import type { MemoryFigures } from "./memory";
import type { PgliteFigures } from "./pglite-phase";
import type { ReadFigures, SystemRounds } from "./read-phase";
import { fmt, fmtRatio, median, ratio } from "./stats";
import type { GatewayFigures } from "./gateway-phase";
import type { WriteFigures } from "./writes";

export interface Verdict {
  target: string;
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
  /** What limits it (from this run's figures), when not met. */
  limit: string;
}

export interface ReadSummary {
  key: string;
  title: string;
  statements: { hub: number; postgraphile: number; floor: number };
  /** The hub's statements on the audit log (its table, advisory locks) and BEGIN/COMMIT per request. */
  hubAudit: number;
  hubTransaction: number;
  p50: { hub: number; postgraphile: number; floor: number };
  p99: { hub: number; postgraphile: number; floor: number };
  rps: { hub: number; postgraphile: number; floor: number };
  hubP99At16: number;
  hubCpu: number;
  hubDbCpu: number;
  /** Mean time of the hub's advisory-lock statement under load, ms (NaN: none taken). */
  hubLockMs: number;
  /** hub throughput / PostGraphile's (target >= 1). */
  rpsVsPostgraphile: number;
  rpsVsFloor: number;
  /** hub p50 / floor p50 at one connection (target <= 3). */
  p50VsFloor: number;
  /** hub p99 at N connections / hub p50 at one (target <= 4). */
  auditTail: number;
}

const med = (r: SystemRounds | undefined, k: keyof Omit<SystemRounds, "failed">) => median(r?.[k] ?? []);

export function summariseRead(f: ReadFigures): ReadSummary | undefined {
  if (f.mismatch || !f.rounds.hub || !f.rounds.postgraphile || !f.rounds.floor) return undefined;
  const by = (k: keyof Omit<SystemRounds, "failed">) => ({ hub: med(f.rounds.hub, k), postgraphile: med(f.rounds.postgraphile, k), floor: med(f.rounds.floor, k) });
  const rps = by("rps");
  const p50 = by("p50");
  const hubP99At16 = med(f.rounds.hub, "p99At16");
  return {
    key: f.key,
    title: f.title,
    statements: { hub: f.statements.hub?.total ?? NaN, postgraphile: f.statements.postgraphile?.total ?? NaN, floor: f.statements.floor?.total ?? NaN },
    hubAudit: f.statements.hub?.audit ?? NaN,
    hubTransaction: f.statements.hub?.transaction ?? NaN,
    p50,
    p99: by("p99"),
    rps,
    hubP99At16,
    hubCpu: med(f.rounds.hub, "serverCpu"),
    hubDbCpu: med(f.rounds.hub, "dbCpu"),
    hubLockMs: med(f.rounds.hub, "lockMs"),
    rpsVsPostgraphile: ratio(rps.hub, rps.postgraphile),
    rpsVsFloor: ratio(rps.hub, rps.floor),
    p50VsFloor: ratio(p50.hub, p50.floor),
    auditTail: ratio(hubP99At16, p50.hub),
  };
}

const cpuNote = (s: ReadSummary) =>
  `the hub process used ${Math.round(s.hubCpu * 100)}% of its core at 16 connections (PostgreSQL ${Math.round(s.hubDbCpu * 100)}%)` +
  (s.hubCpu + s.hubDbCpu < 0.85 ? ", so requests waited rather than computed" : "") +
  (Number.isFinite(s.hubLockMs) ? `; each audit advisory lock took ${fmt(s.hubLockMs, " ms")} on average under load` : "");
const stmts = (s: ReadSummary) => `${fmt(s.statements.hub)} SQL statements per request (PostGraphile ${fmt(s.statements.postgraphile)}, floor ${fmt(s.statements.floor)})`;

export function readVerdicts(reads: readonly ReadFigures[], connections: number): Verdict[] {
  const out: Verdict[] = [];
  for (const f of reads) {
    const s = summariseRead(f);
    if (!s) {
      out.push({ target: `1. ${f.title}`, measured: "not reported: the systems' answers differ", met: null, limit: f.mismatch ?? "" });
      continue;
    }
    const tput = s.rpsVsPostgraphile >= 1;
    out.push({
      target: `1. ${s.title}: throughput at ${connections} connections >= PostGraphile`,
      measured: `hub ${fmt(s.rps.hub)} req/s, PostGraphile ${fmt(s.rps.postgraphile)} req/s: ${fmtRatio(s.rpsVsPostgraphile)}`,
      met: tput,
      limit: tput ? "" : `${stmts(s)}; ${cpuNote(s)}`,
    });
    const lat = s.p50VsFloor <= 3;
    out.push({
      target: `1. ${s.title}: p50 at 1 connection within 3x of the floor`,
      measured: `hub ${fmt(s.p50.hub, " ms")}, floor ${fmt(s.p50.floor, " ms")}: ${fmtRatio(s.p50VsFloor)}`,
      met: lat,
      limit: lat ? "" : stmts(s),
    });
    const data = s.statements.hub - s.hubAudit - s.hubTransaction;
    const one = data <= 1;
    out.push({
      target: `1. ${s.title}: one data statement per root field`,
      measured: `${fmt(data)} data statements per request (of ${fmt(s.statements.hub)} in all)`,
      met: one,
      limit: one ? "" : "each relation is loaded by a statement of its own, so the count grows with the nesting of the selection",
    });
    const audit = s.hubAudit + s.hubTransaction <= 1;
    out.push({
      target: `3. ${s.title}: the audit log adds at most one statement per request`,
      measured: `${fmt(s.hubAudit)} audit statements + ${fmt(s.hubTransaction)} BEGIN/COMMIT per request`,
      met: audit,
      limit: audit ? "" : "beyond the one-statement seal pass per request: reads of the head by the signed head checkpoint (at most 10 a second, AUDIT_CHECKPOINT_FILE) and full seal passes (the first after start, or after another writer sealed), spread over the requests",
    });
    const tail = s.auditTail <= 4;
    out.push({
      target: `3. ${s.title}: hub p99 at ${connections} connections <= 4x p50 at 1`,
      measured: `p99 ${fmt(s.hubP99At16, " ms")} vs p50 ${fmt(s.p50.hub, " ms")}: ${fmtRatio(s.auditTail)}`,
      met: tail,
      limit: tail ? "" : `requests queue: ${cpuNote(s)}`,
    });
  }
  return out;
}

export interface WriteSummary {
  coldSeconds: number;
  replaySeconds: number;
  floorSeconds: number;
  recordsPerSecond: number;
  coldVsFloor: number;
  replayVsCold: number;
}

export function summariseWrites(w: WriteFigures): WriteSummary {
  const coldSeconds = median(w.hubCold);
  const floorSeconds = median(w.floorCold);
  const replaySeconds = median(w.hubReplay);
  return {
    coldSeconds,
    replaySeconds,
    floorSeconds,
    recordsPerSecond: w.records / coldSeconds,
    coldVsFloor: ratio(coldSeconds, floorSeconds),
    replayVsCold: ratio(replaySeconds, coldSeconds),
  };
}

export function writeVerdicts(w: WriteFigures): Verdict[] {
  const s = summariseWrites(w);
  const perRecord = `${fmt(w.statements.hubCold / w.records)} statements per record cold (${w.statements.hubCold} for the batch; bulk SQL ${w.statements.floorCold})`;
  return [
    {
      target: `2. contribute of ${w.records} mixed records: cold within 10x of bulk SQL`,
      measured: `hub ${fmt(s.coldSeconds, " s")}, bulk SQL ${fmt(s.floorSeconds, " s")}: ${fmtRatio(s.coldVsFloor)}`,
      met: s.coldVsFloor <= 10,
      limit: s.coldVsFloor <= 10 ? "" : perRecord,
    },
    {
      target: "2. at least 1,000 records/s sustained on PostgreSQL",
      measured: `${fmt(s.recordsPerSecond)} records/s`,
      met: s.recordsPerSecond >= 1000,
      limit: s.recordsPerSecond >= 1000 ? "" : perRecord,
    },
    {
      target: "2. exact replay under 0.2x the cold time",
      measured: `replay ${fmt(s.replaySeconds, " s")} vs cold ${fmt(s.coldSeconds, " s")}: ${fmtRatio(s.replayVsCold)}`,
      met: s.replayVsCold < 0.2,
      limit: s.replayVsCold < 0.2 ? "" : `${w.statements.hubReplay} statements for a replay that changes nothing (${fmt(w.statements.hubReplay / w.records)} per record)`,
    },
  ];
}

export function pgliteVerdicts(p: PgliteFigures): Verdict[] {
  return p.reads.map((r) => {
    const x = ratio(r.pglite, r.postgres);
    return {
      target: `4. ${r.title}: PGlite within 2x of PostgreSQL at 1 connection`,
      measured: `p50 PGlite ${fmt(r.pglite, " ms")} vs PostgreSQL ${fmt(r.postgres, " ms")}: ${fmtRatio(x)}`,
      met: x <= 2,
      limit: x <= 2 ? "" : "PGlite runs single-threaded inside the hub process (WebAssembly), so every statement's execution adds to the hub's own CPU",
    };
  });
}

export function memoryVerdict(m: MemoryFigures): Verdict {
  const growth = m.secondHalfPeakMb - m.firstHalfPeakMb;
  return {
    target: `5. memory flat over a ${m.seconds} s run`,
    measured:
      `RSS ${fmt(m.startMb, " MB")} before, ${fmt(m.peakMb, " MB")} peak, ${fmt(m.endMb, " MB")} at the end; after 10 s of warm-up, peak ` +
      `${fmt(m.firstHalfPeakMb, " MB")} in the first half and ${fmt(m.secondHalfPeakMb, " MB")} in the second (${m.requests} requests)`,
    met: m.flat,
    limit: m.flat ? "" : `the second half's peak is ${fmt(growth, " MB")} higher (${fmt((growth * 1024) / Math.max(1, m.requests), " KB")} per request of the run)`,
  };
}

/** Issue 10: the gateway's overhead on p50 and on throughput, each under 15%. */
export function gatewayVerdicts(g: GatewayFigures): Verdict[] {
  return g.reads.map((r) => {
    if (r.mismatch) return { target: `10. ${r.title}: gateway overhead under 15%`, measured: "not measured: the answers through the gateway differ from the hub's", met: null, limit: "" };
    const p50 = r.gatewayP50 / r.hubP50 - 1;
    const rps = 1 - r.gatewayRps / r.hubRps;
    const met = p50 < 0.15 && rps < 0.15;
    return {
      target: `10. ${r.title}: gateway overhead under 15% (p50 and throughput)`,
      measured: `p50 ${fmt(r.gatewayP50, " ms")} through the gateway vs ${fmt(r.hubP50, " ms")} straight (+${(p50 * 100).toFixed(1)}%); ${fmt(r.gatewayRps)} vs ${fmt(r.hubRps)} req/s (${rps > 0 ? "-" : "+"}${Math.abs(rps * 100).toFixed(1)}%)`,
      met,
      limit: met ? "" : "the gateway's own work per request (HTTP, parse, validate, policy check, one more HTTP hop to the hub) on the cores the hub and PostgreSQL use",
    };
  });
}
