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
  peakMb: number;
  endMb: number;
  /**
   * After the first 10 s (heap warm-up), the highest RSS of the first and of the second half of
   * the run: the garbage collector's sawtooth makes single samples meaningless, its peaks are not.
   */
  firstHalfPeakMb: number;
  secondHalfPeakMb: number;
  /** The second half's peak at most 10% or 20 MB above the first half's: no per-request growth. */
  flat: boolean;
  samples: number[];
}


/** `warmSeconds` of samples (heap warm-up) are left out of the flatness check. */
export async function runMemory(hub: RunningSystem, requests: readonly ReadRequest[], seconds: number, connections: number, warmSeconds = 10): Promise<MemoryFigures> {
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
  const steady = samples.slice(warmSeconds);
  const half = Math.ceil(steady.length / 2);
  const firstHalfPeakMb = Math.max(...steady.slice(0, half));
  const secondHalfPeakMb = Math.max(...steady.slice(half));
  return {
    seconds,
    connections,
    requests: result.requests,
    startMb,
    peakMb: Math.max(startMb, ...samples),
    endMb,
    firstHalfPeakMb,
    secondHalfPeakMb,
    flat: secondHalfPeakMb <= firstHalfPeakMb * 1.1 || secondHalfPeakMb - firstHalfPeakMb <= 20,
    samples,
  };
}
