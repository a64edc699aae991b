// The floor: bare node:http + pg, one prepared statement per request that returns the answer's
// JSON text (bench/floor-sql.ts). Child process: DATABASE_URL, PORT.
import http from "node:http";
import pg from "pg";
import { FLOOR_ROUTES } from "../floor-sql";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  const route = FLOOR_ROUTES[url.pathname];
  const value = url.searchParams.get(route?.param ?? "");
  if (!route || value === null) {
    res.writeHead(404).end();
    return;
  }
  pool
    .query<{ body: string }>({ name: url.pathname, text: route.sql, values: [value] })
    .then((r) => res.writeHead(200, { "content-type": "application/json" }).end(r.rows[0]!.body))
    .catch((err: Error) => res.writeHead(500, { "content-type": "text/plain" }).end(err.message));
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("listening\n"));
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
