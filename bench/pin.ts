// CPU pinning with taskset: the servers (and PostgreSQL) on one core, the load generator on the
// other, so the client's work never steals the measured systems' CPU. Skipped, with a note, when
// taskset is missing or the machine has one core.
import { execFileSync } from "node:child_process";
import os from "node:os";

export interface Pinning {
  enabled: boolean;
  note: string;
  serverCpu: string;
  clientCpu: string;
  /** Command prefix that starts a process on the servers' core. */
  prefix(): string[];
  /** Moves a running process and its threads (PostgreSQL's postmaster: later backends inherit it). */
  pinServer(pid: number): void;
  pinClient(pid: number): void;
}

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function pinning(wanted: boolean): Pinning {
  const cpus = os.availableParallelism?.() ?? os.cpus().length;
  const usable = wanted && cpus >= 2 && hasTaskset();
  const serverCpu = "0";
  const clientCpu = String(cpus - 1);
  const move = (cpu: string) => (pid: number) => {
    if (usable) execFileSync("taskset", ["-a", "-cp", cpu, String(pid)], { stdio: "ignore" });
  };
  return {
    enabled: usable,
    note: usable
      ? `servers and PostgreSQL pinned to CPU ${serverCpu}, load generator to CPU ${clientCpu} (taskset)`
      : !wanted
        ? "not pinned (--no-pin)"
        : cpus < 2
          ? "not pinned: one CPU"
          : "not pinned: taskset not found (install util-linux)",
    serverCpu,
    clientCpu,
    prefix: () => (usable ? ["taskset", "-c", serverCpu] : []),
    pinServer: move(serverCpu),
    pinClient: move(clientCpu),
  };
}
