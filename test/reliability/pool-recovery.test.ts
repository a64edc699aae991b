// PostgreSQL terminates the hub's connections in the middle of its transactions, again and again
// (a failover, an operator's pg_terminate_backend, a restart). Prisma 6.19 then fails to give the
// connection back to the pool (src/db/release-on-failed-close.ts); without the fix the pool
// shrinks by one per event until the hub holds no connection and every request times out.
// Here: a real `serve`, contributions in flight, more terminated in-transaction sessions than the
// pool holds; afterwards the hub must serve again within seconds with all its connections.
import fs from "node:fs";
import { startServe, tempDir, type ServeProcess } from "../support/cli";
import { emptyPostgresUrl } from "../support/hub";
import { HOST, PROVINCES, contributePerson, databaseOf, gql, signingKey, until, adminUrlOf } from "./faults";
import { withClient } from "../support/postgres-cluster";

const onPostgres = process.env.TEST_PG_URL ? describe : describe.skip;
/** serve's pool size (src/db/database.ts default). */
const POOL = 10;

onPostgres("pool recovery after terminated backends (PostgreSQL)", () => {
  let dir: string;
  let serve: ServeProcess;
  let url: string;
  let token: string;
  beforeAll(async () => {
    dir = tempDir("pool");
    const key = await signingKey(dir);
    url = await emptyPostgresUrl();
    // Admission bounds above the pool size, so the writers can hold every pooled connection at once.
    const admission = { MAX_CONCURRENT_OPERATIONS: "32", MAX_CONCURRENT_MUTATIONS: "32", ADMISSION_QUEUE_SIZE: "64" };
    serve = await startServe(["--migrate"], { DATABASE_URL: url, HUB_SIGNING_KEY_FILE: key.file, PORT: "0", HOST, LOG_LEVEL: "silent", ...admission });
    token = await key.token();
  });
  afterAll(async () => {
    await serve?.stop("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serves again within seconds, with the pool full, after sessions are terminated in transactions under load", async () => {
    const db = databaseOf(url);
    let stop = false;
    let sent = 0;
    // More writers than connections: every pooled connection is busy in a record transaction.
    const writers = Array.from({ length: POOL + 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        sent++;
        await contributePerson(serve.url, token, `POOL-${w}-${i}`).catch(() => undefined);
      }
    });
    let terminatedInTx = 0;
    let rounds = 0;
    await withClient(adminUrlOf(url), async (admin) => {
      await until("the writers to fill the pool", async () => {
        const { rows } = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND xact_start IS NOT NULL`, [db]);
        return rows[0].n >= POOL / 2;
      }, 30_000);
      // Without the fix the pool never reconnects, so the count stalls at POOL: bounded rounds.
      while (rounds < 10 || terminatedInTx <= 2 * POOL) {
        if (++rounds > 60) break;
        const { rows } = await admin.query(
          `SELECT xact_start IS NOT NULL AS in_tx, pg_terminate_backend(pid) AS done
             FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
          [db],
        );
        terminatedInTx += rows.filter((r) => r.in_tx && r.done).length;
        await new Promise((r) => setTimeout(r, 250));
      }
    });
    stop = true;
    await Promise.all(writers);

    // Serves again, within seconds, without a restart.
    const started = Date.now();
    await until("a successful read", async () => {
      const r = await gql(serve.url, token, PROVINCES, {}, 5_000);
      return r.status === 200 && !r.body.errors;
    }, 5_000);
    const recoveredMs = Date.now() - started;
    expect(recoveredMs).toBeLessThan(5_000);

    // The pool is whole: a burst twice its size is served, and it holds POOL sessions again. On a
    // loaded machine a request may wait longer than the 2 s acquire timeout and get a 503, which
    // a client retries; a leaked pool would fail every attempt.
    const burst = await Promise.all(
      Array.from({ length: 2 * POOL }, async (_, i) => {
        for (let attempt = 1; ; attempt++) {
          const b = await contributePerson(serve.url, token, `POOL-BURST-${i}`);
          if (b.acknowledged || attempt === 5) return b;
          await new Promise((r) => setTimeout(r, 1000));
        }
      }),
    );
    expect(burst.filter((b) => !b.acknowledged).map((b) => JSON.stringify(b.r.body))).toEqual([]);
    const sessions = await withClient(adminUrlOf(url), async (admin) => {
      const { rows } = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`, [db]);
      return rows[0].n as number;
    });
    expect(sessions).toBe(POOL);
    expect(serve.child.exitCode).toBeNull();
    // And the storm was what it claims: more sessions cut inside transactions than the pool holds.
    expect(terminatedInTx).toBeGreaterThan(2 * POOL);
    expect(sent).toBeGreaterThan(POOL);
  });
});
