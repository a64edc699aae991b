// Tells "the database cannot be used right now" (down, restarting, connections cut, pool
// exhausted) apart from everything else, so the hub answers 503 SERVICE_UNAVAILABLE, which a
// client may retry, instead of a 500 INTERNAL, which it should not.
//
// The same fault reaches us in several shapes, depending on where it struck:
//   pg / pg-pool            Error "Connection terminated unexpectedly", "timeout exceeded when
//                           trying to connect", "...connection error and is not queryable",
//                           or a socket error (ECONNREFUSED, ECONNRESET, ...)
//   PostgreSQL              SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown,
//                           crash, starting up), 53300 (too many connections)
//   @prisma/adapter-pg      DriverAdapterError { kind: "DatabaseNotReachable" | ... , originalCode }
//   Prisma client           PrismaClientKnownRequestError P1001, P1017, P2024, ... with
//                           meta.driverAdapterError, or P2010 carrying the SQLSTATE above
//   GraphQL                 GraphQLError.originalError wrapping any of these

/** Prisma error codes that mean the database could not be reached or no connection was free. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/** adapter-pg's DriverAdapterError kinds for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** SQLSTATE: connection exceptions, admin/crash shutdown, cannot connect now, too many connections. */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /is not queryable/i,
  /Can't reach database server/i,
  /Unable to start a transaction in the given time/i,
  /Raw query failed\. Code: `(08[0-9A-Z]{3}|57P0[1-3]|53300)`/,
];

type Shape = {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  /** graphql-js wraps a thrown value that is not an Error of its realm (e.g. a pg error inside jest's sandbox) as NonErrorThrown. */
  thrownValue?: unknown;
  meta?: { driverAdapterError?: unknown };
  errors?: unknown;
};

function matches(e: Shape): boolean {
  const code = typeof e.code === "string" ? e.code : undefined;
  if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
  if (typeof e.originalCode === "string" && SQLSTATE.test(e.originalCode)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  return typeof e.message === "string" && MESSAGES.some((m) => m.test(e.message as string));
}

/** Whether `err`, or anything it wraps, says the database is unavailable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const s = e as Shape;
    if (matches(s)) return true;
    queue.push(s.cause, s.originalError, s.thrownValue, s.meta?.driverAdapterError);
    if (Array.isArray(s.errors)) queue.push(...s.errors);
  }
  return false;
}
