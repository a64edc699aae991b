// Load on one system for one read: latency at one connection (a closed loop of keep-alive
// requests timed here, sub-millisecond resolution) and throughput at N connections (autocannon).
import http from "node:http";
import type { RunningSystem } from "./systems";
import type { ReadRequest } from "./reads";
import { percentile } from "./stats";

// autocannon ships no types; the part used here.
interface Histogram { average: number; mean: number; p50: number; p99: number; max: number; total: number }
export interface AutocannonResult { duration: number; requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: (opts: Record<string, unknown>) => Promise<AutocannonResult> = require("autocannon");

export interface Reply {
  status: number;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request over a kept-alive connection. */
export function send(system: Pick<RunningSystem, "base" | "headers">, req: ReadRequest): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      system.base + req.path,
      { method: req.method, agent, headers: { ...system.headers, ...(req.body ? { "content-type": "application/json" } : {}) } },
      (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    r.on("error", reject);
    r.end(req.body);
  });
}

export interface LatencyResult {
  requests: number;
  p50: number;
  p99: number;
}

/** Requests one after another for `seconds` (at least 20), cycling through the inputs. */
export async function latencyAtOne(system: RunningSystem, requests: readonly ReadRequest[], seconds: number): Promise<LatencyResult> {
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end || times.length < 20; i++) {
    const req = requests[i % requests.length]!;
    const t0 = performance.now();
    const reply = await send(system, req);
    times.push(performance.now() - t0);
    if (reply.status !== 200) throw new Error(`${system.name} ${req.path}: HTTP ${reply.status}: ${reply.body.slice(0, 300)}`);
  }
  times.sort((a, b) => a - b);
  return { requests: times.length, p50: percentile(times, 50), p99: percentile(times, 99) };
}

export interface ThroughputResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failed: number;
}

/** autocannon at `connections` for `seconds`, cycling through the inputs. */
export async function throughput(system: RunningSystem, requests: readonly ReadRequest[], connections: number, seconds: number): Promise<ThroughputResult> {
  let next = 0;
  const r = await autocannon({
    url: system.base,
    connections,
    duration: seconds,
    timeout: 60,
    requests: [
      {
        method: requests[0]!.method,
        headers: { ...system.headers, ...(requests[0]!.body ? { "content-type": "application/json" } : {}) },
        setupRequest: (req: Record<string, unknown>) => {
          const pick = requests[next++ % requests.length]!;
          return { ...req, method: pick.method, path: pick.path, body: pick.body };
        },
      },
    ],
  });
  return { rps: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, failed: r.non2xx + r.errors + r.timeouts };
}
