// Part 1: the three reads on the three systems. Same data first (a read whose answers differ
// gets no figures), then statements per request, then rounds of interleaved A/B/C measurements:
// latency at one connection and throughput at N connections.
import type pg from "pg";
import { measureCpu } from "./cpu";
import { dataOf, describeDifferences, differences, normalise } from "./compare";
import { latencyAtOne, send, throughput } from "./load";
import { READS, SYSTEMS, readInputs, type ReadRequest, type ReadSpec, type SystemName } from "./reads";
import { advisoryLockMs, resetStatements, statementsPer, type StatementCounts } from "./sql-count";
import type { RunningSystem } from "./systems";

export interface SystemRounds {
  p50: number[];
  p99: number[];
  rps: number[];
  p50At16: number[];
  p99At16: number[];
  /** Share of one core used during the throughput runs: the server process, PostgreSQL's backends. */
  serverCpu: number[];
  dbCpu: number[];
  /** Mean time of an advisory-lock statement during the throughput runs, ms (the audit log's lock). */
  lockMs: number[];
  failed: number;
}

export interface ReadFigures {
  key: ReadSpec["key"];
  title: string;
  inputs: number;
  /** Null when the three systems returned the same data for every input. */
  mismatch: string | null;
  statements: Partial<Record<SystemName, StatementCounts>>;
  rounds: Partial<Record<SystemName, SystemRounds>>;
}

/** The normalised `data` of one system's answer to one read. */
export async function answer(spec: ReadSpec, system: RunningSystem & { name: SystemName }, input: string): Promise<unknown> {
  const reply = await send(system, spec.request(system.name, input));
  if (reply.status !== 200) throw new Error(`${system.name}: HTTP ${reply.status}: ${reply.body.slice(0, 300)}`);
  const data = normalise(dataOf(system.name, reply.body), spec);
  const project = spec.project?.[system.name];
  return project ? normalise(project(data), spec) : data;
}

/**
 * Compares every system's answer with the floor's (hand-written SQL: the reference) for each
 * input; returns a description of the first differences, or null when all agree.
 */
export async function sameData(spec: ReadSpec, systems: Record<SystemName, RunningSystem>, inputs: readonly string[]): Promise<string | null> {
  for (const input of inputs) {
    const answers = {} as Record<SystemName, unknown>;
    for (const name of SYSTEMS) {
      try {
        answers[name] = await answer(spec, { ...systems[name], name }, input);
      } catch (err) {
        return `input ${input}: ${(err as Error).message}`;
      }
    }
    for (const name of SYSTEMS.filter((s) => s !== "floor")) {
      const diffs = differences(answers.floor, answers[name]);
      if (diffs.length) return `input ${input}: ${name} differs from the hand-written SQL:\n${describeDifferences(name, diffs)}`;
    }
  }
  return null;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
const rotate = <T>(xs: readonly T[], by: number) => xs.map((_, i) => xs[(i + by) % xs.length]!);

export async function runReads(opts: {
  systems: Record<SystemName, RunningSystem>;
  client: pg.Client;
  rounds: number;
  duration: number;
  connections: number;
  postmasterPid: number;
  log: (line: string) => void;
}): Promise<ReadFigures[]> {
  const { systems, client, log } = opts;
  const figures: ReadFigures[] = [];
  const requests = new Map<string, ReadRequest[]>();
  for (const spec of READS) {
    const inputs = await readInputs(client, spec);
    const fig: ReadFigures = { key: spec.key, title: spec.title, inputs: inputs.length, mismatch: null, statements: {}, rounds: {} };
    figures.push(fig);
    if (inputs.length === 0) {
      fig.mismatch = "no inputs in the seeded data";
      continue;
    }
    fig.mismatch = await sameData(spec, systems, inputs);
    if (fig.mismatch) {
      log(`${spec.key}: NOT MEASURED, the answers differ:\n${fig.mismatch}`);
      continue;
    }
    log(`${spec.key}: same data from all three systems for ${inputs.length} inputs`);
    for (const name of SYSTEMS) {
      const reqs = inputs.map((i) => spec.request(name, i));
      requests.set(`${spec.key}/${name}`, reqs);
      // Warm-up (plans, caches, JIT), then the statement count over sequential requests.
      for (let i = 0; i < Math.min(20, reqs.length * 2); i++) await send(systems[name], reqs[i % reqs.length]!);
      fig.statements[name] = await statementsPer(client, 20, async (i) => void (await send(systems[name], reqs[i % reqs.length]!)));
      fig.rounds[name] = { p50: [], p99: [], rps: [], p50At16: [], p99At16: [], serverCpu: [], dbCpu: [], lockMs: [], failed: 0 };
    }
    log(`${spec.key}: SQL statements per request: ${SYSTEMS.map((s) => `${s} ${fig.statements[s]!.total.toFixed(1)} (audit ${fig.statements[s]!.audit.toFixed(1)}, BEGIN/COMMIT ${fig.statements[s]!.transaction.toFixed(1)})`).join(", ")}`);
  }
  for (let round = 0; round < opts.rounds; round++) {
    for (const fig of figures) {
      if (fig.mismatch) continue;
      for (const name of rotate(SYSTEMS, round)) {
        const reqs = requests.get(`${fig.key}/${name}`)!;
        const r = fig.rounds[name]!;
        const lat = await latencyAtOne(systems[name], reqs, opts.duration);
        await resetStatements(client);
        const cpu = await measureCpu({ server: systems[name].pid, postmaster: opts.postmasterPid }, () =>
          throughput(systems[name], reqs, opts.connections, opts.duration),
        );
        const thr = cpu.result;
        r.serverCpu.push(cpu.server);
        r.dbCpu.push(cpu.db);
        const lockMs = await advisoryLockMs(client);
        if (Number.isFinite(lockMs)) r.lockMs.push(lockMs);
        r.p50.push(lat.p50);
        r.p99.push(lat.p99);
        r.rps.push(thr.rps);
        r.p50At16.push(thr.p50);
        r.p99At16.push(thr.p99);
        r.failed += thr.failed;
        log(
          `round ${round + 1} ${fig.key} ${name}: 1 conn p50 ${lat.p50.toFixed(2)} ms p99 ${lat.p99.toFixed(2)} ms; ` +
            `${opts.connections} conn ${thr.rps.toFixed(0)} req/s p99 ${thr.p99} ms (CPU: server ${pct(cpu.server)}, PostgreSQL ${pct(cpu.db)}${Number.isFinite(lockMs) ? `; advisory lock ${lockMs.toFixed(0)} ms each` : ""})${thr.failed ? `, ${thr.failed} failed` : ""}`,
        );
      }
    }
  }
  return figures;
}

/** All three reads' requests for one system, for mixed load (the memory run). */
export async function mixedRequests(client: pg.Client, system: SystemName): Promise<ReadRequest[]> {
  const out: ReadRequest[] = [];
  for (const spec of READS) for (const i of await readInputs(client, spec)) out.push(spec.request(system, i));
  return out;
}
