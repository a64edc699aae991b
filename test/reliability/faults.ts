// Helpers for the fault suites (lock, pool, database down, kill -9): real `serve` processes, signed tokens, timed GraphQL calls.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { print } from "graphql";
import { loadHubKey, type HubKey } from "../../src/auth/hub-key";
import { issueToken } from "../../src/auth/issue-token";
import { ContributePersonDocument, ProvincesDocument } from "../generated/graphql";
import { withDatabase } from "../support/postgres-cluster";

export const HOST = "127.0.0.1";

/** A signing key file for HUB_SIGNING_KEY_FILE (PostgreSQL never generates one) and tokens signed with it. */
export async function signingKey(dir: string): Promise<{ file: string; token: () => Promise<string> }> {
  const file = path.join(dir, "hub-signing-key.pem");
  fs.writeFileSync(file, crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }));
  const key: HubKey = await loadHubKey(file, { create: false });
  const token = () =>
    issueToken(key, "tppo-hub", "tppo-hub", { agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation", jurisdiction: [], subject: "officer:reliability", ttl: "1h" });
  return { file, token };
}

export interface Timed {
  status: number;
  ms: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  headers: Headers;
}

export async function gql(url: string, token: string, query: string, variables: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<Timed> {
  const started = Date.now();
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json()) as Timed["body"];
  return { status: res.status, ms: Date.now() - started, body, headers: res.headers };
}

export const PROVINCES = print(ProvincesDocument);
export const CONTRIBUTE_PERSON = print(ContributePersonDocument);

/** Contributes one Person; returns whether the hub acknowledged it as stored. */
export async function contributePerson(url: string, token: string, externalId: string): Promise<{ acknowledged: boolean; r: Timed }> {
  const r = await gql(url, token, CONTRIBUTE_PERSON, { input: { externalId, sourceSystem: "RELIABILITY", fullName: `Saksi ${externalId}` } });
  const status = r.body.data?.contributePerson?.result?.status;
  return { acknowledged: r.status === 200 && !r.body.errors && (status === "CREATED" || status === "UPDATED" || status === "UNCHANGED"), r };
}

export async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 10_000, every = 100): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, every));
  }
}


/** The database name of a PostgreSQL URL, to find its sessions in pg_stat_activity. */
export const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** An admin URL for the cluster holding `url`. */
export const adminUrlOf = (url: string): string => withDatabase(url, "postgres");
