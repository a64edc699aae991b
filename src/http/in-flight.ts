// The lifetime of each /graphql request: an AbortSignal that is aborted when the client
// disconnects, when the request's deadline passes, or at shutdown; work that can stop early
// (contribute batches) checks it. The registry lets shutdown abort all of them and wait for them.
import type { FastifyReply } from "fastify";
import { cancelReason, sendUnavailable } from "./refusals";

export class Operation {
  private readonly controller = new AbortController();
  private readonly deferred: Array<() => void> = [];
  private ended = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly onClose: () => void;

  constructor(
    private readonly reply: FastifyReply,
    deadlineMs: number,
    private readonly onEnd: (op: Operation) => void,
  ) {
    // A response that closes before it finished means the client has gone.
    this.onClose = () => {
      if (!reply.raw.writableFinished) this.abort("CANCELLED");
    };
    reply.raw.on("close", this.onClose);
    this.timer = setTimeout(() => {
      this.abort("TIMEOUT");
      // Answer now; the work stops at its next check and keeps its admission slot until then.
      if (!reply.sent && !reply.raw.destroyed) sendUnavailable(reply, "TIMEOUT", `The operation did not finish within ${deadlineMs} ms; it was stopped.`);
    }, deadlineMs);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The client left or the deadline passed: nobody will take an answer from the handler. */
  get answered(): boolean {
    return this.reply.sent || this.reply.raw.destroyed;
  }

  abort(code: "CANCELLED" | "TIMEOUT" | "SHUTTING_DOWN"): void {
    if (!this.controller.signal.aborted) this.controller.abort(cancelReason(code));
  }

  /** Runs `fn` when the request's work has ended (at once if it already has). */
  defer(fn: () => void): void {
    if (this.ended) fn();
    else this.deferred.push(fn);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    this.reply.raw.off("close", this.onClose);
    for (const fn of this.deferred.splice(0)) fn();
    this.onEnd(this);
  }
}

export class InFlight {
  private readonly ops = new Set<Operation>();
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly deadlineMs: number) {}

  get size(): number {
    return this.ops.size;
  }

  begin(reply: FastifyReply): Operation {
    const op = new Operation(reply, this.deadlineMs, (o) => {
      this.ops.delete(o);
      if (this.ops.size === 0) for (const w of this.idleWaiters.splice(0)) w();
    });
    this.ops.add(op);
    return op;
  }

  abortAll(code: "SHUTTING_DOWN"): void {
    for (const op of this.ops) op.abort(code);
  }

  /** Resolves when no request is in flight. */
  idle(): Promise<void> {
    return this.ops.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
