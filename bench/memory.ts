// Part 5: the hub's resident memory while autocannon keeps it busy with all three reads.
import { throughput } from "./load";
import type { ReadRequest } from "./reads";
import type { RunningSystem } from "./systems";

export interface MemoryFigures {
  seconds: number;
  connections: number;
  requests: number;
  /** RSS in MB: before the load, the largest sample, at the end of the load. */
  startMb: number;
  warmMb: number;
  peakMb: number;
  endMb: number;
  /** End at most 10% or 20 MB above the RSS after the first 10 s of load: no per-request growth. */
  flat: boolean;
  samples: number[];
}

const WARM_S = 10;

export async function runMemory(hub: RunningSystem, requests: readonly ReadRequest[], seconds: number, connections: number): Promise<MemoryFigures> {
  const startMb = hub.rssMb();
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(hub.rssMb()), 1000);
  let result;
  try {
    result = await throughput(hub, requests, connections, seconds);
  } finally {
    clearInterval(timer);
  }
  const endMb = hub.rssMb();
  samples.push(endMb);
  const warmMb = samples[Math.min(WARM_S, samples.length) - 1] ?? startMb;
  const peakMb = Math.max(startMb, ...samples);
  return {
    seconds,
    connections,
    requests: result.requests,
    startMb,
    warmMb,
    peakMb,
    endMb,
    flat: endMb <= warmMb * 1.1 || endMb - warmMb <= 20,
    samples,
  };
}
