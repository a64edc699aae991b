// Starts a real hub on an ephemeral port against a fresh database of the requested backend.
import { loadConfig } from "../../src/config";
import { openDatabase, type Database } from "../../src/db/database";
import { applyMigrations } from "../../src/db/migrations";
import { startHubServer, type HubServer } from "../../src/server";
import { buildSchema } from "../../src/graph";
import { createLogger } from "../../src/logger";
import { bearerAuthenticator } from "../../src/auth/verify-token";
import { hubIssuer, type TrustedIssuer } from "../../src/auth/issuers";
import { issueToken, type TokenRequest } from "../../src/auth/issue-token";
import type { HubKey } from "../../src/auth/hub-key";
import * as jose from "jose";
import { print, type DocumentNode } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { seedRegions } from "../../src/seed/demo";

export type Backend = "pglite" | "postgres";

/** PGlite always; PostgreSQL when global setup started a cluster (TEST_PG_URL). */
export const backends: Backend[] = process.env.TEST_PG_URL ? ["pglite", "postgres"] : ["pglite"];

let dbCounter = 0;

export async function freshDatabase(backend: Backend): Promise<Database> {
  if (backend === "pglite") {
    const db = await openDatabase({ kind: "pglite" });
    await applyMigrations(db.raw);
    return db;
  }
  const admin = await openDatabase({ kind: "postgres", url: process.env.TEST_PG_URL!, poolSize: 1 });
  const name = `t_${process.pid}_${Date.now()}_${dbCounter++}`;
  await admin.raw.exec(`CREATE DATABASE "${name}"`);
  await admin.close();
  const url = new URL(process.env.TEST_PG_URL!);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 4 });
  await applyMigrations(db.raw);
  return db;
}

export async function testHubKey(): Promise<HubKey> {
  const { privateKey, publicKey } = await jose.generateKeyPair("EdDSA", { extractable: true });
  const jwk = await jose.exportJWK(publicKey);
  const kid = await jose.calculateJwkThumbprint(jwk);
  return { kid, alg: "EdDSA", privateKey, publicJwk: { ...jwk, kid, alg: "EdDSA", use: "sig" } };
}

export interface GqlResult<T = unknown> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }> };
}

export interface TestHub {
  url: string;
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

export async function startTestHub(
  backend: Backend,
  opts: { seed?: "none" | "regions"; extraIssuers?: TrustedIssuer[]; db?: Database } = {},
): Promise<TestHub> {
  const config = loadConfig({ ...process.env, DATABASE_URL: undefined } as NodeJS.ProcessEnv);
  const db = opts.db ?? (await freshDatabase(backend));
  if ((opts.seed ?? "regions") === "regions") await seedRegions(db.prisma);
  const hubKey = await testHubKey();
  const issuers = [hubIssuer(hubKey, config.hubIssuer, config.hubAudience), ...(opts.extraIssuers ?? [])];
  const server = await startHubServer({
    schema: buildSchema(),
    db,
    log: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    auth: bearerAuthenticator(issuers),
    port: 0,
    host: "127.0.0.1",
  });
  const url = `http://127.0.0.1:${server.port}/graphql`;
  const token = (req: Partial<TokenRequest> = {}) => issueToken(hubKey, config.hubIssuer, config.hubAudience, { ...ADMIN, ...req });
  let adminToken: string | undefined;
  return {
    url,
    backend,
    db,
    server,
    hubKey,
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
      await db.close();
    },
  };
}
