// Benchmark: latency and SQL statements for the case page an investigator opens (50 cases with
// victims, documents, conflicts, placements and referrals), over real HTTP against the demo
// dataset at a given scale. Prints figures; asserts nothing.
//
//   npm run bench -- --scale 20 --requests 200 [--backend pglite|postgres]
// PostgreSQL: set BENCH_DATABASE_URL to an empty database you can drop tables in.
import { performance } from "node:perf_hooks";
import { loadConfig } from "../src/config";
import { openDatabase, type Database } from "../src/db/database";
import { applyMigrations } from "../src/db/migrations";
import { createLogger } from "../src/logger";
import { securedSchema } from "../src/secured-schema";
import { seedDemo } from "../src/seed/demo";
import { startHubServer } from "../src/server";
import { bearerAuthenticator } from "../src/auth/verify-token";
import { hubIssuer } from "../src/auth/issuers";
import { issueToken } from "../src/auth/issue-token";
import * as jose from "jose";

const QUERY = `query CasePage($first: Int!, $after: String) {
  cases(first: $first, after: $after, orderBy: IDENTIFIED_AT_DESC) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node {
      id status modus exploitationTypes destinationCountry identifiedAt
      originRegion { code name }
      participants { role isChild ageAtExploitation
        person { id fullName birthDate sex documents { type number } conflicts { field values { sourceAgency value } } } }
      placements { id procedural destinationCountry p3mi { name licenceStatus } }
      referrals { id serviceType status daysWaiting toOrganization { name } }
    } }
  }
}`;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  const scale = Number(arg("scale", "5"));
  const requests = Number(arg("requests", "100"));
  const backend = arg("backend", "pglite");
  let db: Database;
  if (backend === "postgres") {
    const url = process.env.BENCH_DATABASE_URL;
    if (!url) throw new Error("set BENCH_DATABASE_URL for --backend postgres");
    db = await openDatabase({ kind: "postgres", url });
  } else db = await openDatabase({ kind: "pglite" });
  await applyMigrations(db.raw);
  let t = performance.now();
  const counts = await seedDemo(db, { scale });
  const seedMs = performance.now() - t;

  const config = loadConfig({ ...process.env, DATABASE_URL: undefined } as NodeJS.ProcessEnv);
  const { privateKey, publicKey } = await jose.generateKeyPair("EdDSA", { extractable: true });
  const jwk = await jose.exportJWK(publicKey);
  const kid = await jose.calculateJwkThumbprint(jwk);
  const key = { kid, alg: "EdDSA" as const, privateKey, publicJwk: { ...jwk, kid, alg: "EdDSA", use: "sig" } };
  const server = await startHubServer({
    ...securedSchema(),
    db,
    log: createLogger("silent"),
    auth: bearerAuthenticator([hubIssuer(key, config.hubIssuer, config.hubAudience)]),
    port: 0,
    host: "127.0.0.1",
  });
  const token = await issueToken(key, config.hubIssuer, config.hubAudience, {
    agency: "POLDA-KALBAR",
    roles: ["police-investigator"],
    purpose: "investigation",
    jurisdiction: ["61"],
  });
  const url = `http://127.0.0.1:${server.port}/graphql`;
  const send = async (after?: string) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY, variables: { first: 50, after } }),
    });
    const body = (await res.json()) as { data?: { cases: { pageInfo: { endCursor: string | null } } }; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
    return body.data!.cases.pageInfo.endCursor ?? undefined;
  };
  await send(); // warm-up: plans, caches, JIT
  const latencies: number[] = [];
  const statements: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < requests; i++) {
    const q0 = db.queryCount;
    t = performance.now();
    cursor = await send(i % 10 === 0 ? undefined : cursor);
    latencies.push(performance.now() - t);
    statements.push(db.queryCount - q0);
  }
  latencies.sort((a, b) => a - b);
  const out = {
    backend,
    scale,
    cases: counts.cases,
    seedSeconds: +(seedMs / 1000).toFixed(1),
    requests,
    pageSize: 50,
    latencyMs: { p50: +pct(latencies, 50).toFixed(1), p95: +pct(latencies, 95).toFixed(1), max: +latencies.at(-1)!.toFixed(1) },
    sqlStatementsPerRequest: { min: Math.min(...statements), max: Math.max(...statements) },
  };
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  await server.stop();
  await db.close();
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
