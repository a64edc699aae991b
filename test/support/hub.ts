// Starts a real hub on an ephemeral port against a fresh database of the requested backend.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { loadConfig } from "../../src/config";
import { openDatabase, pgliteRaw, type Database } from "../../src/db/database";
import type { RawDatabase } from "../../src/db/raw-sql";
import { bundledSource } from "../../src/regions/source";
import { syncRegions } from "../../src/regions/sync";
import { applyMigrations, readMigrations } from "../../src/db/migrations";
import { startHubServer, type HubServer, type HubServerOptions } from "../../src/server";
import { securedSchema } from "../../src/secured-schema";
import { createLogger } from "../../src/logger";
import { bearerAuthenticator } from "../../src/auth/verify-token";
import { hubIssuer, type TrustedIssuer } from "../../src/auth/issuers";
import { issueToken, type TokenRequest } from "../../src/auth/issue-token";
import type { HubKey } from "../../src/auth/hub-key";
import * as jose from "jose";
import { print, type DocumentNode } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { AuditCheckpointer } from "../../src/audit/checkpointer";

export type Backend = "pglite" | "postgres";

/** PGlite always; PostgreSQL when global setup started a cluster (TEST_PG_URL). */
export const backends: Backend[] = process.env.TEST_PG_URL ? ["pglite", "postgres"] : ["pglite"];

let dbCounter = 0;

// A new PGlite spends ~1.5 s in initdb; loading a dumped data dir takes ~0.5 s. So the test
// databases are loaded from two images, an empty one and a migrated one, cached in the OS temp dir
// and keyed by the PGlite version (and the migrations and their runner), so they are rebuilt
// exactly when those change.
type PgliteImage = "empty" | "migrated";
const pgliteImages = new Map<PgliteImage, Promise<Blob>>();

function pgliteVersion(): string {
  let dir = path.dirname(require.resolve("@electric-sql/pglite"));
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
}

async function buildPgliteImage(kind: PgliteImage): Promise<Blob> {
  const key = crypto.createHash("sha256").update(pgliteVersion());
  if (kind === "migrated") {
    key.update(fs.readFileSync(require.resolve("../../src/db/migrations")));
    for (const m of readMigrations()) key.update(`\0${m.name}\0${m.checksum}`);
    // The reference regions are loaded into the image too: once per dataset and loader, not per test.
    const regions = bundledSource();
    key.update(`\0${regions.dataset}@${regions.version}`);
    for (const f of ["../../src/regions/sync", "../../src/regions/source"]) key.update(fs.readFileSync(require.resolve(f)));
  }
  const dir = path.join(os.tmpdir(), "tppo-hub-test");
  const file = path.join(dir, `pglite-${kind}-${key.digest("hex").slice(0, 20)}.tar`);
  if (!fs.existsSync(file)) {
    const { PGlite } = await import("@electric-sql/pglite");
    const pglite = new PGlite();
    if (kind === "migrated") await migrateWithRegions(pgliteRaw(pglite));
    // PGlite 0.5's dumpDataDir never resolves on an instance that has not run a statement yet.
    await pglite.exec("CHECKPOINT");
    const tar = Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer());
    await pglite.close();
    fs.mkdirSync(dir, { recursive: true });
    // Images for superseded migrations are 40 MB each; drop those unused for a day.
    for (const old of fs.readdirSync(dir)) {
      const p = path.join(dir, old);
      if (old.startsWith(`pglite-${kind}-`) && Date.now() - fs.statSync(p).mtimeMs > 86_400_000) fs.rmSync(p, { force: true });
    }
    // Write-then-rename: a parallel worker never reads a half-written file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, tar);
    fs.renameSync(tmp, file);
  }
  return new Blob([fs.readFileSync(file)]);
}

function pgliteImage(kind: PgliteImage): Promise<Blob> {
  let image = pgliteImages.get(kind);
  if (!image) pgliteImages.set(kind, (image = buildPgliteImage(kind)));
  return image;
}

/** Creates a PostgreSQL database in the test cluster (a copy of the migrated template when
 * `migrated` and global setup made one) and returns its URL. */
async function createPostgresDatabase(migrated: boolean): Promise<{ url: string; fromTemplate: boolean }> {
  const admin = process.env.TEST_PG_URL;
  if (!admin) throw new Error("no PostgreSQL for this run (TEST_PG_URL unset); use `backends` to pick backends");
  const template = migrated ? process.env.TEST_PG_TEMPLATE : undefined;
  const name = `t_${process.pid}_${Date.now()}_${dbCounter++}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), fromTemplate: Boolean(template) };
}

/** URL of a new, empty PostgreSQL database (no tables, no migrations): for CLI tests. */
export async function emptyPostgresUrl(): Promise<string> {
  return (await createPostgresDatabase(false)).url;
}

/** A new database with nothing in it, not even the migrations ledger. */
export async function emptyDatabase(backend: Backend): Promise<Database> {
  if (backend === "pglite") return openDatabase({ kind: "pglite", loadDataDir: await pgliteImage("empty") });
  return openDatabase({ kind: "postgres", url: await emptyPostgresUrl(), poolSize: 4 });
}

/** A new, fully migrated database of the given backend: no records, the reference regions loaded. */
export async function freshDatabase(backend: Backend): Promise<Database> {
  if (backend === "pglite") {
    return openDatabase({ kind: "pglite", loadDataDir: await pgliteImage("migrated") });
  }
  const { url, fromTemplate } = await createPostgresDatabase(true);
  const db = await openDatabase({ kind: "postgres", url, poolSize: 4 });
  // No template outside jest's global setup (a script importing this file): migrate here.
  if (!fromTemplate) await migrateWithRegions(db.raw);
  return db;
}

/** What `tppo-hub migrate` does to a database: the migrations, then the bundled reference regions. */
export async function migrateWithRegions(raw: RawDatabase): Promise<void> {
  await applyMigrations(raw);
  await syncRegions(raw, bundledSource());
}

export async function testHubKey(): Promise<HubKey> {
  const { privateKey, publicKey } = await jose.generateKeyPair("EdDSA", { extractable: true });
  const jwk = await jose.exportJWK(publicKey);
  const kid = await jose.calculateJwkThumbprint(jwk);
  return { kid, alg: "EdDSA", privateKey, publicJwk: { ...jwk, kid, alg: "EdDSA", use: "sig" } };
}

/**
 * Every field the policy may refuse is nullable in the SDL (a denial nulls that field alone,
 * src/policy/nullability.ts), so generated operation types are full of `| null`. Tests assert the
 * values their tokens may read; a null where a value was expected still fails the assertion at
 * run time, so the types drop it rather than every test repeating `!`.
 */
export type Granted<T> = T extends readonly (infer U)[] ? Granted<NonNullable<U>>[] : T extends object ? { [K in keyof T]: Granted<NonNullable<T[K]>> } : T;

export interface GqlResult<T = unknown> {
  status: number;
  headers: Headers;
  body: { data?: Granted<T> | null; errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }> };
}

export interface TestHub {
  url: string;
  /** Present when started with `auditCheckpointFile`. */
  auditCheckpointer?: AuditCheckpointer;
  backend: Backend;
  db: Database;
  server: HubServer;
  hubKey: HubKey;
  token(req?: Partial<TokenRequest>): Promise<string>;
  gql<TData = any, TVars = Record<string, unknown>>(
    doc: TypedDocumentNode<TData, TVars> | DocumentNode | string,
    variables?: TVars,
    opts?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GqlResult<TData>>;
  stop(): Promise<void>;
}

export const ADMIN: TokenRequest = { agency: "GUGUS-TUGAS-KALBAR", roles: ["admin"], purpose: "administration", jurisdiction: [] };

/**
 * Default token for tests of query and contribution mechanics (filters, paging, idempotency):
 * every case-work role at once, investigating, without territorial limit. A token with several
 * roles gets the most permissive grant of each and the union of their row scopes, so this sees
 * nearly everything. Access tests use single-role tokens instead (test/policy/).
 */
export const BROAD: TokenRequest = {
  agency: "POLDA-KALBAR",
  roles: ["police-investigator", "prosecutor", "bp3mi-officer", "immigration-officer", "social-worker", "legal-aid", "ltsa-officer", "ngo-case-worker", "task-force-analyst", "auditor", "admin"],
  purpose: "investigation",
  jurisdiction: [],
};

export async function startTestHub(
  backend: Backend,
  opts: {
    /** "regions" (default): make sure `db` has the bundled reference regions (fresh databases have them already: a one-query check). */
    seed?: "none" | "regions";
    extraIssuers?: TrustedIssuer[];
    db?: Database;
    maxContributionRecords?: number;
    /** Keep the audit log's signed head checkpoint in this file (as `serve` does in AUDIT_CHECKPOINT_FILE). */
    auditCheckpointFile?: string;
    /** Server settings for this hub (limits, CORS, shutdown timeout). */
    server?: Partial<Pick<HubServerOptions, "limits" | "contributeRunRecords" | "corsOrigins" | "shutdownTimeoutMs" | "maxBodyBytes" | "log" | "gatewayKeys">>;
  } = {},
): Promise<TestHub> {
  const config = loadConfig({ ...process.env, DATABASE_URL: undefined } as NodeJS.ProcessEnv);
  const db = opts.db ?? (await freshDatabase(backend));
  if ((opts.seed ?? "regions") === "regions") await syncRegions(db.raw, bundledSource());
  const hubKey = await testHubKey();
  const issuers = [hubIssuer(hubKey, config.hubIssuer, config.hubAudience), ...(opts.extraIssuers ?? [])];
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
  const auditCheckpointer = opts.auditCheckpointFile ? new AuditCheckpointer(db.raw, hubKey, opts.auditCheckpointFile, log, { minIntervalMs: 10 }) : undefined;
  const server = await startHubServer({
    ...securedSchema(),
    db,
    log,
    auditCheckpointer,
    auth: bearerAuthenticator(issuers),
    port: 0,
    host: "127.0.0.1",
    maxContributionRecords: opts.maxContributionRecords,
    ...opts.server,
  });
  const url = `http://127.0.0.1:${server.port}/graphql`;
  const token = (req: Partial<TokenRequest> = {}) => issueToken(hubKey, config.hubIssuer, config.hubAudience, { ...BROAD, ...req });
  let adminToken: string | undefined;
  return {
    url,
    backend,
    db,
    server,
    hubKey,
    auditCheckpointer,
    token,
    async gql(doc, variables, o = {}) {
      const query = typeof doc === "string" ? doc : print(doc as DocumentNode);
      const bearer = o.token === undefined ? (adminToken ??= await token()) : o.token;
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(o.headers ?? {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: GqlResult["body"];
      try {
        body = JSON.parse(text);
      } catch {
        body = { errors: [{ message: `non-JSON response: ${text.slice(0, 200)}` }] };
      }
      return { status: res.status, headers: res.headers, body } as GqlResult<any>;
    },
    async stop() {
      await server.stop();
      await auditCheckpointer?.flush();
      await db.close();
    },
  };
}
