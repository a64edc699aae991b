// Import progress on the terminal: a cli-progress bar (rows, rows/s, ETA) on a TTY, a plain line
// every few seconds otherwise (logs, CI).
import { SingleBar } from "cli-progress";
import type { ImportProgress } from "./run";

export interface ProgressDisplay {
  update(p: ImportProgress): void;
  stop(): void;
}

export function progressDisplay(stream: NodeJS.WriteStream = process.stderr, everyMs = 5000): ProgressDisplay {
  const started = performance.now();
  const rate = (rows: number) => rows / Math.max(0.001, (performance.now() - started) / 1000);
  if (stream.isTTY) {
    let bar: SingleBar | null = null;
    return {
      update(p) {
        const total = Math.max(p.totalRows ?? p.rows, p.rows);
        if (!bar) {
          bar = new SingleBar({ stream, format: "{bar} {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}", etaBuffer: 50, hideCursor: true });
          bar.start(total, 0, { speed: "0" });
        }
        bar.setTotal(total);
        bar.update(p.rows, { speed: rate(p.rows).toFixed(0) });
      },
      stop() {
        bar?.stop();
      },
    };
  }
  let last = performance.now();
  return {
    update(p) {
      const now = performance.now();
      if (now - last < everyMs) return;
      last = now;
      const r = rate(p.rows);
      const left = p.totalRows !== null && r > 0 ? ` ETA ${Math.max(0, Math.round((p.totalRows - p.rows) / r))} s` : "";
      stream.write(`import: ${p.rows}${p.totalRows !== null ? `/${p.totalRows}` : ""} rows, ${r.toFixed(0)} rows/s${left}\n`);
    },
    stop() {},
  };
}
