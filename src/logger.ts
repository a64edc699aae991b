// One logger (pino) on stdout: readable lines for a person at a terminal, JSON lines for
// everything else (files, pipes, log collectors). Child loggers carry the request id.
import pino from "pino";

export type Logger = pino.Logger;
export type LogFormat = "json" | "pretty";

/** Pretty when stdout is a terminal, JSON lines otherwise. */
export function defaultLogFormat(stdout: { isTTY?: boolean } = process.stdout): LogFormat {
  return stdout.isTTY ? "pretty" : "json";
}

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info", format: LogFormat = defaultLogFormat()): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "tppo-hub" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Values of records never go to logs; these keys can appear on error objects.
    redact: { paths: ["authorization", "req.headers.authorization", "variables"], remove: true },
  };
  if (format === "json" || level === "silent") return pino(options);
  // Loaded only here: a JSON-logging process never pays for it. In-process and synchronous (not a
  // transport worker), so its lines and what `serve` prints after them reach the terminal in order.
  const pretty = require("pino-pretty") as typeof import("pino-pretty");
  return pino(options, pretty({ sync: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" }));
}
