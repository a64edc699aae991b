// The shapes a database outage takes on its way up (seen in test/reliability/ against a real
// PostgreSQL) are classified as unavailable; ordinary failures, which must stay INTERNAL or keep
// their own codes, are not.
import { GraphQLError, locatedError } from "graphql";
import { isDatabaseUnavailable } from "./unavailable";

const sqlstate = (code: string) => Object.assign(new Error("x"), { code, severity: "FATAL" });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 })],
    ["an admin shutdown (57P01)", sqlstate("57P01")],
    ["a server starting up (57P03)", sqlstate("57P03")],
    ["a connection exception (08006)", sqlstate("08006")],
    ["too many connections (53300)", sqlstate("53300")],
    ["pg's terminated connection", new Error("Connection terminated unexpectedly")],
    ["pg's unqueryable client", new Error("Client has encountered a connection error and is not queryable")],
    ["pg-pool's acquire timeout", new Error("timeout exceeded when trying to connect")],
    ["Prisma P1001", Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" })],
    ["Prisma P2010 carrying 57P01", Object.assign(new Error("Raw query failed. Code: `57P01`. Message: `terminating connection`"), { code: "P2010" })],
    ["adapter-pg's DriverAdapterError", Object.assign(new Error("DatabaseNotReachable"), { cause: { kind: "DatabaseNotReachable" } })],
    ["a Prisma error's driverAdapterError", Object.assign(new Error("x"), { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "57P01", kind: "postgres" } } } })],
    ["a GraphQLError wrapping one", new GraphQLError("x", { originalError: sqlstate("57P01") })],
    ["graphql-js's wrapper of a thrown non-Error (another realm's)", locatedError({ code: "ECONNREFUSED", syscall: "connect" }, undefined)],
    ["an AggregateError of refused connects", new AggregateError([Object.assign(new Error(""), { code: "ECONNREFUSED" })], "")],
  ])("%s is unavailable", (_, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ["a unique violation (P2002)", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a SQL syntax error (42601)", sqlstate("42601")],
    ["a serialization failure (40001)", sqlstate("40001")],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["a hub error", new GraphQLError("Not permitted", { extensions: { code: "FORBIDDEN" } })],
    ["nothing", undefined],
    ["a cycle", (() => { const e: { cause?: unknown } = {}; e.cause = e; return e; })()],
  ])("%s is not", (_, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
