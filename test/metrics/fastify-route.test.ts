// The Fastify route for METRICS=bearer (src/http/metrics-route.ts), on a real Fastify server over
// real HTTP, as the Fastify HTTP layer registers it.
import Fastify, { type FastifyInstance } from "fastify";
import type { Database } from "../../src/db/database";
import { metricsRoute } from "../../src/http/metrics-route";
import { createHubMetrics } from "../../src/metrics/hub-metrics";
import { backends, freshDatabase } from "../support/hub";

const TOKEN = "fastify-metrics-token-".padEnd(40, "z");

describe.each(backends)("metricsRoute (Fastify) on %s", (backend) => {
  let db: Database;
  const apps: FastifyInstance[] = [];
  const serve = async (token: string | undefined, withMetrics = true): Promise<string> => {
    const app = Fastify();
    apps.push(app);
    app.register(metricsRoute, { metrics: withMetrics ? createHubMetrics({ db }) : undefined, token });
    return `${await app.listen({ port: 0, host: "127.0.0.1" })}/metrics`;
  };

  beforeAll(async () => {
    db = await freshDatabase(backend);
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await db.close();
  });

  it("answers only `Authorization: Bearer <token>`", async () => {
    await db.raw.query("SELECT 1"); // the pool opens connections on demand: make the gauge live
    const url = await serve(TOKEN);
    for (const authorization of [undefined, `Bearer ${TOKEN}0`, `Bearer ${TOKEN.slice(1)}`, "Bearer "]) {
      const r = await fetch(url, { headers: authorization ? { authorization } : {} });
      expect([authorization, r.status]).toEqual([authorization, 401]);
    }
    const ok = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await ok.text()).toMatch(new RegExp(`^tppo_hub_db_pool_open\\{backend="${backend}"\\} [1-9]`, "m"));
  });

  it("registers nothing without a token or without metrics (METRICS off or port): 404", async () => {
    for (const url of [await serve(undefined), await serve(TOKEN, false)]) {
      expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    }
  });
});
