// The federation gateway's overhead: the three reads sent straight to the hub and through the
// gateway (`tppo-hub gateway` in front of the same hub, same token, same requests), interleaved
// in one run: p50 at one connection and throughput at N connections. Before measuring, each
// read's answer through the gateway must equal the hub's own.
import { isDeepStrictEqual } from "node:util";
import { latencyAtOne, send, throughput } from "./load";
import { READS, readInputs, type ReadSpec } from "./reads";
import { median } from "./stats";
import type { RunningSystem } from "./systems";
import type pg from "pg";

export interface GatewayFigures {
  reads: {
    key: ReadSpec["key"];
    title: string;
    /** Medians over rounds: p50 at one connection (ms), throughput at `connections` (requests/s). */
    hubP50: number;
    gatewayP50: number;
    hubRps: number;
    gatewayRps: number;
    /** Answers through the gateway that differed from the hub's (then no figures are taken). */
    mismatch?: string;
  }[];
}

export async function runGatewayOverhead(opts: {
  hub: RunningSystem;
  gateway: RunningSystem;
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
    for (const r of requests.slice(0, 5)) {
      const [a, b] = [await send(opts.hub, r), await send(opts.gateway, r)];
      const [da, db] = [JSON.parse(a.body), JSON.parse(b.body)];
      if (a.status !== 200 || b.status !== 200 || da.errors || db.errors || !isDeepStrictEqual(da.data, db.data)) {
        mismatch = `hub ${a.status} ${a.body.slice(0, 150)} / gateway ${b.status} ${b.body.slice(0, 150)}`;
        break;
      }
    }
    if (mismatch) {
      opts.log(`gateway ${spec.key}: answers differ, no figures: ${mismatch}`);
      out.push({ key: spec.key, title: spec.title, hubP50: NaN, gatewayP50: NaN, hubRps: NaN, gatewayRps: NaN, mismatch });
      continue;
    }
    for (const r of requests.slice(0, 20)) await send(opts.gateway, r); // warm-up
    const t = { hubP50: [] as number[], gatewayP50: [] as number[], hubRps: [] as number[], gatewayRps: [] as number[] };
    for (let round = 0; round < opts.rounds; round++) {
      const order = round % 2 ? (["gateway", "hub"] as const) : (["hub", "gateway"] as const);
      for (const which of order) {
        const system = which === "hub" ? opts.hub : opts.gateway;
        const lat = await latencyAtOne(system, requests, opts.duration);
        const thr = await throughput(system, requests, opts.connections, opts.duration);
        if (thr.failed) throw new Error(`${which} ${spec.key}: ${thr.failed} failed requests under load`);
        t[`${which}P50`].push(lat.p50);
        t[`${which}Rps`].push(thr.rps);
        opts.log(`round ${round + 1} ${spec.key} ${which === "hub" ? "straight to the hub" : "through the gateway"}: p50 ${lat.p50.toFixed(2)} ms, ${thr.rps.toFixed(0)} req/s at ${opts.connections}`);
      }
    }
    out.push({ key: spec.key, title: spec.title, hubP50: median(t.hubP50), gatewayP50: median(t.gatewayP50), hubRps: median(t.hubRps), gatewayRps: median(t.gatewayRps) });
  }
  return { reads: out };
}
