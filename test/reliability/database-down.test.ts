// PostgreSQL goes away under a running hub and comes back. While it is away, requests fail fast
// with 503 SERVICE_UNAVAILABLE (retryable) and /readyz answers 503 at once, instead of hanging
// for 10-20 s and answering INTERNAL; when it is back the hub serves again without a restart.
// The cluster is the test's own (test/support/postgres-cluster.ts), so stopping it disturbs no
// other test.
import fs from "node:fs";
import { startServe, tempDir, type ServeProcess } from "../support/cli";
import { findPostgresBinaries, startPostgresCluster, withClient, type PostgresCluster } from "../support/postgres-cluster";
import { HOST, PROVINCES, contributePerson, gql, signingKey, until, type Timed } from "./faults";

const bin = process.env.TEST_PG_URL ? findPostgresBinaries() : undefined;
const withOwnCluster = bin ? describe : describe.skip;

/** Generous for a loaded CI machine; the hang this guards against took 10-20 s. */
const FAST_MS = 2_000;

function expectUnavailable(r: Timed): void {
  expect({ status: r.status, codes: r.body.errors?.map((e) => e.extensions?.code), retryAfter: r.headers.get("retry-after") }).toEqual({
    status: 503,
    codes: [expect.stringMatching(/^SERVICE_UNAVAILABLE$/)],
    retryAfter: "1",
  });
  expect(r.ms).toBeLessThan(FAST_MS);
  expect(JSON.stringify(r.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|57P0|prisma/i);
}

withOwnCluster("PostgreSQL down and back (own cluster)", () => {
  let cluster: PostgresCluster;
  let dir: string;
  let serve: ServeProcess;
  let token: string;
  beforeAll(async () => {
    cluster = await startPostgresCluster(bin!);
    dir = tempDir("pg-down");
    const key = await signingKey(dir);
    await withClient(cluster.url, (c) => c.query("CREATE DATABASE hub"));
    const url = new URL(cluster.url);
    url.pathname = "/hub";
    serve = await startServe(["--migrate"], { DATABASE_URL: url.toString(), HUB_SIGNING_KEY_FILE: key.file, PORT: "0", HOST, LOG_LEVEL: "silent" });
    token = await key.token();
  });
  afterAll(async () => {
    await serve?.stop("SIGKILL");
    cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers 503 SERVICE_UNAVAILABLE fast while the database is down, and serves again once it is back", async () => {
    expect((await contributePerson(serve.url, token, "DOWN-BEFORE")).acknowledged).toBe(true);
    cluster.halt();

    // Reads and writes, a few times each: the first after the outage and the ones after it.
    for (let i = 0; i < 3; i++) {
      expectUnavailable(await gql(serve.url, token, PROVINCES));
      const w = await contributePerson(serve.url, token, `DOWN-${i}`);
      expect(w.acknowledged).toBe(false);
      expectUnavailable(w.r);
    }
    const t = Date.now();
    const ready = await fetch(`${serve.origin}/readyz`);
    expect({ status: ready.status, body: await ready.json() }).toMatchObject({ status: 503, body: { ready: false, database: "unreachable" } });
    expect(Date.now() - t).toBeLessThan(FAST_MS);
    expect((await fetch(`${serve.origin}/healthz`)).status).toBe(200);

    cluster.resume();
    const back = Date.now();
    await until("a successful read after the restart", async () => {
      const r = await gql(serve.url, token, PROVINCES);
      return r.status === 200 && !r.body.errors;
    }, 10_000);
    expect(Date.now() - back).toBeLessThan(10_000);
    expect((await contributePerson(serve.url, token, "DOWN-AFTER")).acknowledged).toBe(true);
    expect((await fetch(`${serve.origin}/readyz`)).status).toBe(200);
    expect(serve.child.exitCode).toBeNull();
  });
});
