// The HTTP surface around /graphql: health and readiness for orchestrators, request ids for
// tracing a call through logs, and JSON errors for anything else.
import { readMigrations } from "../../src/db/migrations";
import { ProvincesDocument } from "../generated/graphql";
import { backends, freshDatabase, startTestHub, type TestHub } from "../support/hub";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each(backends)("HTTP surface on %s", (backend) => {
  let hub: TestHub;
  let origin: string;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    origin = new URL(hub.url).origin;
  });
  afterAll(() => hub.stop());

  const latest = () => readMigrations().at(-1)!;

  it("GET /healthz answers 200 JSON without a token", async () => {
    const res = await fetch(`${origin}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("GET /readyz answers 200 when the database is reachable and fully migrated", async () => {
    const res = await fetch(`${origin}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", ready: true, database: "reachable", pendingMigrations: [] });
  });

  it("GET /readyz answers 503 naming the migration while one is pending", async () => {
    // Forget the newest migration in the ledger: to the hub it is now pending.
    const [row] = await hub.db.raw.query<Record<string, unknown>>(`SELECT * FROM "_prisma_migrations" WHERE migration_name = $1`, [latest().name]);
    expect(row).toBeDefined();
    await hub.db.raw.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [latest().name]);
    try {
      const res = await fetch(`${origin}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "not-ready", ready: false, database: "reachable", pendingMigrations: [latest().name] });
    } finally {
      await hub.db.raw.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, $3, $4, $5)`,
        [row!.id, row!.checksum, row!.finished_at, row!.migration_name, row!.applied_steps_count],
      );
    }
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
  });

  it("GET /readyz answers 503 when an applied migration was edited afterwards", async () => {
    await hub.db.raw.query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, ["0".repeat(64), latest().name]);
    try {
      const res = await fetch(`${origin}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "not-ready", ready: false, database: "reachable" });
    } finally {
      await hub.db.raw.query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, [latest().checksum, latest().name]);
    }
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
  });

  it("gives every response an x-request-id: a fresh UUID, or the caller's own when it is well-formed", async () => {
    const generated = await hub.gql(ProvincesDocument);
    expect(generated.status).toBe(200);
    expect(generated.body.data?.regions.map((r) => r.code)).toEqual(expect.arrayContaining(["61", "63"]));
    expect(generated.headers.get("x-request-id")).toMatch(UUID);
    const other = await hub.gql(ProvincesDocument);
    expect(other.headers.get("x-request-id")).not.toBe(generated.headers.get("x-request-id"));

    const mine = "agency-trace.2026-11-22_0001";
    const echoed = await hub.gql(ProvincesDocument, undefined, { headers: { "x-request-id": mine } });
    expect(echoed.headers.get("x-request-id")).toBe(mine);
    // Also on requests refused before GraphQL runs, and on the health endpoints.
    const refused = await hub.gql(ProvincesDocument, undefined, { token: null, headers: { "x-request-id": mine } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toBe(mine);
    expect((await fetch(`${origin}/healthz`, { headers: { "x-request-id": mine } })).headers.get("x-request-id")).toBe(mine);

    // Anything that could smuggle text into logs or headers is replaced, not echoed.
    for (const bad of ["short", "has space in it", "x".repeat(65), "semi;colon-0001", "<script>alert(1)</script>"]) {
      const r = await hub.gql(ProvincesDocument, undefined, { headers: { "x-request-id": bad } });
      expect(r.headers.get("x-request-id")).toMatch(UUID);
    }
  });

  it("answers unknown paths with a 404 JSON body", async () => {
    const res = await fetch(`${origin}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not found" });
  });
});

describe.each(backends)("readiness without a database on %s", (backend) => {
  it("GET /readyz answers 503 'unreachable' once the database is gone, while /healthz stays 200", async () => {
    const db = await freshDatabase(backend);
    const hub = await startTestHub(backend, { db, seed: "none" });
    const origin = new URL(hub.url).origin;
    try {
      expect((await fetch(`${origin}/readyz`)).status).toBe(200);
      await db.close();
      const res = await fetch(`${origin}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "not-ready", ready: false, database: "unreachable", pendingMigrations: [] });
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    } finally {
      await hub.server.stop();
    }
  });
});
