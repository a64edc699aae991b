// How a long seed shows it is alive: a progress bar at a terminal (cli-progress), a log record
// every few seconds anywhere else (stdout then carries JSON lines only).
import { SingleBar } from "cli-progress";
import type { Logger } from "../logger";

export interface SeedCounts {
  cases: number;
  rows: number;
}

export interface SeedProgress {
  start(totalCases: number): void;
  /** Cases and rows written so far. */
  update(done: SeedCounts): void;
  stop(done: SeedCounts): void;
}

const perSecond = (n: number, sinceMs: number) => Math.round(n / Math.max(1e-3, (performance.now() - sinceMs) / 1000));

/** A bar over the cases with rows, rows/s and ETA, redrawn in place at most 5 times a second. */
export function progressBar(stream: NodeJS.WritableStream = process.stdout): SeedProgress {
  const bar = new SingleBar({
    stream,
    format: "Seeding demo data {bar} {percentage}% | {value}/{total} cases | {rows} rows | {rate} rows/s | ETA {eta_formatted}",
    barsize: 30,
    fps: 5,
    etaBuffer: 50, // ETA over the last 50 updates: steadier than the default 10
    hideCursor: true,
  });
  let started = 0;
  const payload = (d: SeedCounts) => ({ rows: d.rows.toLocaleString("en"), rate: perSecond(d.rows, started).toLocaleString("en") });
  return {
    start(total) {
      started = performance.now();
      bar.start(total, 0, payload({ cases: 0, rows: 0 }));
    },
    update(d) {
      bar.update(d.cases, payload(d));
    },
    stop(d) {
      bar.update(d.cases, payload(d));
      bar.stop();
    },
  };
}

/** `demo seed progress` records (cases, rows, rows/s, ETA) every `everyMs`, and one at the end. */
export function progressLog(log: Logger, everyMs = 5000): SeedProgress {
  let started = 0;
  let last = 0;
  let total = 0;
  const record = (d: SeedCounts) => {
    const elapsed = (performance.now() - started) / 1000;
    const etaSeconds = d.cases ? Math.round((elapsed * (total - d.cases)) / d.cases) : null;
    log.info({ cases: d.cases, of: total, rows: d.rows, rowsPerSecond: perSecond(d.rows, started), etaSeconds }, "demo seed progress");
  };
  return {
    start(totalCases) {
      started = last = performance.now();
      total = totalCases;
    },
    update(d) {
      if (performance.now() - last < everyMs) return;
      last = performance.now();
      record(d);
    },
    stop: record,
  };
}

/** The bar when `stream` is a terminal, log records otherwise. */
export function defaultSeedProgress(log: Logger, stream: NodeJS.WriteStream = process.stdout): SeedProgress {
  return stream.isTTY ? progressBar(stream) : progressLog(log);
}
