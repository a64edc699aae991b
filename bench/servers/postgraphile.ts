// PostGraphile v4 as published on npm, over the benchmark database, with no auth at all: the
// reference the hub is measured against. Child process: DATABASE_URL, PORT.
import http from "node:http";
import Module from "node:module";
import path from "node:path";
import pg from "pg";

// npm installs two copies of graphql 15 for PostGraphile (its own, and graphile-build-pg's beside
// the hub's graphql 16), and graphql refuses types from "another realm": every graphql import in
// this process goes to postgraphile's copy.
const graphqlDir = path.dirname(require.resolve("graphql/package.json", { paths: [path.dirname(require.resolve("postgraphile"))] }));
const M = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const resolve = M._resolveFilename;
M._resolveFilename = function (request: string, ...rest: unknown[]) {
  const redirected = request === "graphql" ? graphqlDir : request.startsWith("graphql/") ? path.join(graphqlDir, request.slice(8)) : request;
  return resolve.call(this, redirected, ...rest);
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { postgraphile } = require("postgraphile") as typeof import("postgraphile");

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const middleware = postgraphile(pool, "public", {
  graphqlRoute: "/graphql",
  disableQueryLog: true,
  // The hub sorts undated cases last; PostgreSQL's DESC puts NULLs first.
  graphileBuildOptions: { orderByNullsLast: true },
  retryOnInitFail: false,
});
const server = http.createServer(middleware);
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("listening\n"));
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
