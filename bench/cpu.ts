// CPU time of processes from /proc, to say what limits a throughput run: the server process at
// 100% of its core, or PostgreSQL's backends.
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function stat(pid: number): string[] | undefined {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return s.slice(s.lastIndexOf(")") + 2).split(" "); // fields from 3 (state) on
  } catch {
    return undefined;
  }
}

/**
 * User + system CPU seconds of `pid`; with `children`, plus its live children's and those of the
 * children it has reaped (a PostgreSQL backend that exits moves its time to the postmaster's).
 */
export function cpuSeconds(pid: number, children = false): number {
  const own = (fields: string[] | undefined) => (fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0);
  const parent = stat(pid);
  let total = own(parent);
  if (children) {
    if (parent) total += (Number(parent[13]) + Number(parent[14])) / TICKS_PER_SECOND;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const f = stat(Number(entry));
      if (f && Number(f[1]) === pid) total += own(f);
    }
  }
  return total;
}

/** Share of one core each process group used while `run` ran. */
export async function measureCpu<T>(pids: { server: number; postmaster?: number }, run: () => Promise<T>): Promise<{ result: T; server: number; db: number }> {
  const s0 = cpuSeconds(pids.server);
  const d0 = pids.postmaster ? cpuSeconds(pids.postmaster, true) : 0;
  const t0 = performance.now();
  const result = await run();
  const wall = (performance.now() - t0) / 1000;
  const s1 = cpuSeconds(pids.server);
  const d1 = pids.postmaster ? cpuSeconds(pids.postmaster, true) : 0;
  return { result, server: (s1 - s0) / wall, db: (d1 - d0) / wall };
}
