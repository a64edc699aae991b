// The benchmark's report arithmetic (bench/stats.ts, bench/targets.ts): medians, percentiles,
// ratios and the verdict on each issue-9 target. Timing itself is never asserted.
import http from "node:http";
import { runMemory } from "../../bench/memory";
import type { ReadFigures, SystemRounds } from "../../bench/read-phase";
import { median, percentile, ratio } from "../../bench/stats";
import { memoryVerdict, readVerdicts, summariseRead, summariseWrites, writeVerdicts } from "../../bench/targets";
import type { WriteFigures } from "../../bench/writes";

const rounds = (p50: number[], rps: number[], p99At16: number[]): SystemRounds => ({
  p50,
  p99: p50.map((x) => x * 2),
  rps,
  p50At16: p99At16,
  p99At16,
  serverCpu: [1, 1, 1],
  dbCpu: [0.2, 0.2, 0.2],
  lockMs: [150, 175, 200],
  failed: 0,
});
const counts = (total: number, audit = 0, transaction = 0) => ({ total, audit, transaction });

function read(hubRps: number[], hubP50: number[], hubP99At16: number[], hubStatements = counts(1)): ReadFigures {
  return {
    key: "case",
    title: "Case",
    inputs: 10,
    mismatch: null,
    statements: { hub: hubStatements, postgraphile: counts(1), floor: counts(1) },
    rounds: { hub: rounds(hubP50, hubRps, hubP99At16), postgraphile: rounds([4, 4, 4], [100, 90, 110], [20, 20, 20]), floor: rounds([2, 2, 2], [400, 400, 400], [5, 5, 5]) },
  };
}

describe("stats", () => {
  it("nearest-rank percentiles and medians", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 5])).toBe(5);
    expect(ratio(1, 0)).toBeNaN();
  });
});

describe("read targets", () => {
  it("uses medians over rounds and judges each target", () => {
    const s = summariseRead(read([50, 200, 100], [10, 5, 6], [30, 30, 30], counts(16, 3, 2)))!;
    expect(s.rps.hub).toBe(100);
    expect(s.rpsVsPostgraphile).toBe(1);
    expect(s.p50VsFloor).toBe(3);
    expect(s.auditTail).toBe(5);
    const v = readVerdicts([read([50, 200, 100], [10, 5, 6], [30, 30, 30], counts(16, 3, 2))], 16);
    const by = (t: string) => v.find((x) => x.target.includes(t))!;
    expect(by("throughput").met).toBe(true);
    expect(by("within 3x").met).toBe(true);
    expect(by("4x p50").met).toBe(false);
    expect(by("4x p50").limit).toMatch(/audit advisory lock took 175 ms/);
    expect(by("one data statement").met).toBe(false);
    expect(by("one data statement").measured).toMatch(/^11\.0 data statements/);
    expect(by("at most one statement").met).toBe(false);
  });

  it("a hub slower than PostGraphile does not meet the throughput target, and says what limits it", () => {
    const v = readVerdicts([read([9, 10, 11], [40, 40, 40], [100, 100, 100], counts(16, 3, 2))], 16);
    const t = v.find((x) => x.target.includes("throughput"))!;
    expect(t.met).toBe(false);
    expect(t.measured).toMatch(/0\.10x/);
    expect(t.limit).toMatch(/16\.0 SQL statements per request/);
  });

  it("a read whose answers differ is not reported", () => {
    const f = { ...read([1], [1], [1]), mismatch: "hub differs" };
    expect(summariseRead(f)).toBeUndefined();
    expect(readVerdicts([f], 16)).toEqual([expect.objectContaining({ met: null, measured: expect.stringMatching(/not reported/) })]);
  });
});

describe("write and memory targets", () => {
  const w: WriteFigures = {
    records: 1000,
    hubCold: [2, 1, 3],
    hubReplay: [0.1, 0.2, 0.3],
    floorCold: [0.1, 0.1, 0.2],
    floorReplay: [0.05, 0.05, 0.05],
    statements: { hubCold: 12000, hubReplay: 9000, floorCold: 8 },
    coldStatuses: { CREATED: 1000 },
    replayStatuses: { UNCHANGED: 1000 },
  };

  it("cold vs bulk SQL, records per second, replay vs cold", () => {
    const s = summariseWrites(w);
    expect(s.coldSeconds).toBe(2);
    expect(s.recordsPerSecond).toBe(500);
    expect(s.coldVsFloor).toBeCloseTo(20);
    expect(s.replayVsCold).toBeCloseTo(0.1);
    const v = writeVerdicts(w);
    expect(v.map((x) => x.met)).toEqual([false, false, true]);
    expect(v[0]!.limit).toMatch(/12\.0 statements per record/);
  });

  it("memory is flat when the second half's RSS peak is within 10% of the first half's", async () => {
    // A stand-in hub whose RSS follows a script, under a real (tiny) autocannon run.
    const server = http.createServer((_req, res) => res.end("{}"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const hub = (rss: () => number) => ({ name: "hub" as const, base, pid: 0, headers: {}, rssMb: rss, stop: async () => {} });
    try {
      let t = 0;
      const sawtooth = await runMemory(hub(() => 200 + ((t++ % 4) * 30)), [{ method: "GET", path: "/" }], 5, 1, 0);
      expect(sawtooth.flat).toBe(true);
      expect(memoryVerdict(sawtooth).met).toBe(true);
      let u = 0;
      const growing = await runMemory(hub(() => 200 + 10 * u++), [{ method: "GET", path: "/" }], 5, 1, 0);
      expect(growing.flat).toBe(false);
      expect(memoryVerdict(growing).limit).toMatch(/second half's peak is \d+\.?\d* MB higher/);
    } finally {
      server.close();
    }
  }, 30_000);
});
