// Graceful shutdown bounded by SHUTDOWN_TIMEOUT_MS. The listener closes at once (new connections
// are refused; /readyz and new requests on open connections answer 503); requests in flight may
// finish until 70% of the timeout, when their work is cancelled (batches stop between records,
// keeping what they committed); at 85% the remaining connections are cut; at 90% we give up
// waiting, leaving the rest of the time to close the database.
import type { FastifyInstance } from "fastify";
import type { Logger } from "../logger";
import type { InFlight } from "./in-flight";

export const SHUTDOWN_PHASES = { cancelWork: 0.7, cutConnections: 0.85, giveUp: 0.9 } as const;

/** Resolves true when `p` settled within `ms`, false otherwise. */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, ms))));
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function drain(o: { app: FastifyInstance; inFlight: InFlight; timeoutMs: number; log: Logger }): Promise<void> {
  const started = Date.now();
  const until = (fraction: number) => started + o.timeoutMs * fraction - Date.now();
  // fastify.close(): stop listening, close idle keep-alive connections, wait for the others.
  const done = Promise.all([o.app.close(), o.inFlight.idle()]);
  if (await within(done, until(SHUTDOWN_PHASES.cancelWork))) return;
  o.log.warn({ inFlight: o.inFlight.size }, "shutdown: cancelling work still in flight");
  o.inFlight.abortAll("SHUTTING_DOWN");
  if (await within(done, until(SHUTDOWN_PHASES.cutConnections))) return;
  o.log.warn({ inFlight: o.inFlight.size }, "shutdown: closing the remaining connections");
  o.app.server.closeAllConnections();
  if (!(await within(done, until(SHUTDOWN_PHASES.giveUp)))) o.log.error({ inFlight: o.inFlight.size }, "shutdown: requests still running at the deadline");
}
