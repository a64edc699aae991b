// The HTTP layer's limits and their defaults, in one place: src/config.ts reads them from the
// environment, startHubServer takes them as options, README.md's configuration table lists them.

export interface HttpLimits {
  /** Largest request body; a larger one gets 413 LIMIT_EXCEEDED. @default 1 MiB */
  maxBodyBytes: number;
  /** GraphQL operations executing at once; more wait in the queue. @default 16 */
  maxConcurrentOperations: number;
  /** Of those, mutations (each may be a 1,000-record batch). @default 4 */
  maxConcurrentMutations: number;
  /** Operations that may wait for a slot; beyond it 503 OVERLOADED. @default 32 */
  admissionQueueSize: number;
  /** Longest wait in that queue before 503 OVERLOADED. @default 5000 */
  admissionQueueTimeoutMs: number;
  /** Deadline of one request, long enough for a 1,000-record batch: past it 503 TIMEOUT and its work is cancelled. @default 120000 */
  operationTimeoutMs: number;
  /** Time a client has to send the request headers (Node's headersTimeout). @default 10000 */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request, body included (Node's requestTimeout). @default 60000 */
  requestTimeoutMs: number;
}

export const HTTP_LIMIT_DEFAULTS: HttpLimits = {
  maxBodyBytes: 1024 * 1024,
  maxConcurrentOperations: 16,
  maxConcurrentMutations: 4,
  admissionQueueSize: 32,
  admissionQueueTimeoutMs: 5000,
  operationTimeoutMs: 120_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
};

/** Seconds a refused client is told to wait (Retry-After). */
export const RETRY_AFTER_SECONDS = { overloaded: 1, shuttingDown: 5, timeout: 1 } as const;
