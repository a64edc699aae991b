// One logger: structured JSON on stdout (pino). Child loggers carry the request id.
import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({
    level,
    base: { service: "tppo-hub" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Values of records never go to logs; these keys can appear on error objects.
    redact: { paths: ["authorization", "req.headers.authorization", "variables"], remove: true },
  });
}
