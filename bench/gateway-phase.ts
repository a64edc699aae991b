// The federation gateway's overhead: the three reads sent straight to the hub and through the
// gateway (`tppo-hub gateway` in front of the same hub, same token, same requests), interleaved
// in one run: p50 at one connection and throughput at N connections. A second gateway with the hub
// pass-through off (every operation through Hive's planner) is measured in the same rounds, for
// the before/after. Before measuring, each read's answer through each gateway must equal the hub's own.
import { isDeepStrictEqual } from "node:util";
import { latencyAtOne, send, throughput } from "./load";
import { READS, readInputs, type ReadSpec } from "./reads";
import { median } from "./stats";
import type { RunningSystem } from "./systems";
import type pg from "pg";

export interface GatewayFigures {
  /** The gateways' core: the servers' (with the hub and PostgreSQL) or the load generator's. */
  cpu?: "server" | "client";
  reads: {
    key: ReadSpec["key"];
    title: string;
    /** Medians over rounds: p50 at one connection (ms), throughput at `connections` (requests/s). */
    hubP50: number;
    gatewayP50: number;
    hubRps: number;
    gatewayRps: number;
    /** The same through the planner-only gateway (GATEWAY_HUB_PASS_THROUGH=off). */
    plannerP50?: number;
    plannerRps?: number;
    /** Answers through the gateway that differed from the hub's (then no figures are taken). */
    mismatch?: string;
  }[];
}

export async function runGatewayOverhead(opts: {
  hub: RunningSystem;
  gateway: RunningSystem;
  planner?: RunningSystem;
  client: pg.Client;
  rounds: number;
  duration: number;
  connections: number;
  log: (line: string) => void;
}): Promise<GatewayFigures> {
  const out: GatewayFigures["reads"] = [];
  for (const spec of READS) {
    const requests = (await readInputs(opts.client, spec)).map((i) => spec.request("hub", i));
    if (!requests.length) continue;
    // Same answers first (a few inputs); the gateway answers in JSON with the same data.
    let mismatch: string | undefined;
    const gateways = opts.planner ? [opts.gateway, opts.planner] : [opts.gateway];
    for (const r of requests.slice(0, 5)) {
      for (const g of gateways) {
        const [a, b] = [await send(opts.hub, r), await send(g, r)];
        const [da, db] = [JSON.parse(a.body), JSON.parse(b.body)];
        if (a.status !== 200 || b.status !== 200 || da.errors || db.errors || !isDeepStrictEqual(da.data, db.data)) {
          mismatch ??= `hub ${a.status} ${a.body.slice(0, 150)} / gateway ${b.status} ${b.body.slice(0, 150)}`;
        }
      }
    }
    if (mismatch) {
      opts.log(`gateway ${spec.key}: answers differ, no figures: ${mismatch}`);
      out.push({ key: spec.key, title: spec.title, hubP50: NaN, gatewayP50: NaN, hubRps: NaN, gatewayRps: NaN, mismatch });
      continue;
    }
    for (const g of gateways) for (const r of requests.slice(0, 20)) await send(g, r); // warm-up
    const t = { hubP50: [] as number[], gatewayP50: [] as number[], plannerP50: [] as number[], hubRps: [] as number[], gatewayRps: [] as number[], plannerRps: [] as number[] };
    const names = { hub: "straight to the hub", gateway: "through the gateway", planner: "through the planner-only gateway" };
    const systems = opts.planner ? (["hub", "gateway", "planner"] as const) : (["hub", "gateway"] as const);
    for (let round = 0; round < opts.rounds; round++) {
      // Rotated each round, so no system always runs first or last.
      const order = systems.map((_, i) => systems[(i + round) % systems.length]!);
      for (const which of order) {
        const system = which === "hub" ? opts.hub : which === "gateway" ? opts.gateway : opts.planner!;
        const lat = await latencyAtOne(system, requests, opts.duration);
        const thr = await throughput(system, requests, opts.connections, opts.duration);
        if (thr.failed) throw new Error(`${which} ${spec.key}: ${thr.failed} failed requests under load`);
        t[`${which}P50`].push(lat.p50);
        t[`${which}Rps`].push(thr.rps);
        opts.log(`round ${round + 1} ${spec.key} ${names[which]}: p50 ${lat.p50.toFixed(2)} ms, ${thr.rps.toFixed(0)} req/s at ${opts.connections}`);
      }
    }
    out.push({
      key: spec.key,
      title: spec.title,
      hubP50: median(t.hubP50),
      gatewayP50: median(t.gatewayP50),
      hubRps: median(t.hubRps),
      gatewayRps: median(t.gatewayRps),
      ...(opts.planner ? { plannerP50: median(t.plannerP50), plannerRps: median(t.plannerRps) } : {}),
    });
  }
  return { reads: out };
}
