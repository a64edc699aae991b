// Admission control: at most `maxOperations` GraphQL operations execute at once, at most
// `maxMutations` of them mutations. A short FIFO queue waits for a slot; a full queue or a wait
// longer than `queueTimeoutMs` refuses with 503 OVERLOADED and Retry-After before any resolver
// runs; a request cancelled while it waits (client gone, deadline, shutdown) leaves the queue. A slot is held until the operation's work has ended
// (not when its client leaves), so the bound is on real work.
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../request/context";
import { unavailableError } from "./refusals";

export interface AdmissionOptions {
  maxOperations: number;
  maxMutations: number;
  queueSize: number;
  queueTimeoutMs: number;
}

export type OperationKind = "query" | "mutation";
export type Release = () => void;

interface Waiter {
  kind: OperationKind;
  grant: (release: Release) => void;
  refuse: (err: Error) => void;
}

export class Admission {
  private running = 0;
  private runningMutations = 0;
  private readonly queue: Waiter[] = [];

  constructor(private readonly opts: AdmissionOptions) {}

  get stats() {
    return { running: this.running, runningMutations: this.runningMutations, queued: this.queue.length };
  }

  /** Resolves with a release function once a slot is free; rejects with a 503 HubError. */
  acquire(kind: OperationKind, signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    // Whoever waits does not fit (dispatch() runs on every release), so no one is overtaken here.
    if (this.fits(kind)) return Promise.resolve(this.take(kind));
    if (this.queue.length >= this.opts.queueSize) return Promise.reject(unavailableError("OVERLOADED"));
    return new Promise<Release>((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
      };
      const waiter: Waiter = {
        kind,
        grant: (release) => (leave(), resolve(release)),
        refuse: (err) => (leave(), reject(err)),
      };
      const timer = setTimeout(() => waiter.refuse(unavailableError("OVERLOADED")), this.opts.queueTimeoutMs);
      const onAbort = () => waiter.refuse(signal!.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private fits(kind: OperationKind): boolean {
    return this.running < this.opts.maxOperations && (kind === "query" || this.runningMutations < this.opts.maxMutations);
  }

  private take(kind: OperationKind): Release {
    this.running++;
    if (kind === "mutation") this.runningMutations++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      if (kind === "mutation") this.runningMutations--;
      this.dispatch();
    };
  }

  // First come, first served among those that fit: a query does not wait behind a mutation that
  // waits for a mutation slot.
  private dispatch(): void {
    for (let i = 0; i < this.queue.length && this.running < this.opts.maxOperations; ) {
      const w = this.queue[i]!;
      if (this.fits(w.kind)) w.grant(this.take(w.kind)); // grant() removes it from the queue
      else i++;
    }
  }
}

/**
 * The Apollo plugin: an operation is admitted once it is parsed, validated and its type is known,
 * and releases its slot when its response is ready. `onEnd` registers the release with the
 * request's lifetime too, so a slot is never lost if Apollo fails before willSendResponse.
 */
export function admissionPlugin(admission: Admission, onEnd: (ctx: RequestContext, fn: () => void) => void): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let release: Release | undefined;
      return {
        async didResolveOperation({ operation, contextValue }) {
          release = await admission.acquire(operation?.operation === "mutation" ? "mutation" : "query", contextValue.signal);
          onEnd(contextValue, release);
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}
