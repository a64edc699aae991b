// Helpers for the authentication suites: agency keys, token forging, a local JWKS server.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as jose from "jose";
import { parseIssuers, trustedIssuer, type TrustedIssuer } from "../../src/auth/issuers";
import type { TestHub } from "../support/hub";

export const AUDIENCE = "tppo-hub";
export const REGIONS = "{ regions { code } }";

export interface AgencyKey {
  alg: "RS256" | "PS256" | "ES256" | "EdDSA";
  kid: string;
  privateKey: jose.CryptoKey;
  publicKey: jose.CryptoKey;
  /** Public JWK with kid, alg and use, as an identity provider publishes it. */
  jwk: jose.JWK;
}

export async function agencyKey(alg: AgencyKey["alg"], kid: string = `${alg.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}`): Promise<AgencyKey> {
  const { privateKey, publicKey } = await jose.generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await jose.exportJWK(publicKey)), kid, alg, use: "sig" };
  return { alg, kid, privateKey, publicKey, jwk };
}

/** Issuer config as an operator would write it in AUTH_ISSUERS, parsed by the real config path. */
export function issuerFromConfig(cfg: Record<string, unknown>): TrustedIssuer {
  return trustedIssuer(parseIssuers(JSON.stringify([cfg]))[0]!);
}

export const now = () => Math.floor(Date.now() / 1000);

export interface Claims {
  iss?: string;
  aud?: string | string[];
  sub?: string;
  exp?: number;
  nbf?: number;
  iat?: number;
  agency?: unknown;
  roles?: unknown;
  purpose?: unknown;
  jurisdiction?: unknown;
  [k: string]: unknown;
}

/** Claims of a valid token for `iss`; override or drop (value undefined) any of them. */
export function claims(iss: string, over: Claims = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    iss,
    aud: AUDIENCE,
    sub: "officer-1207",
    iat: now(),
    exp: now() + 600,
    agency: "POLDA-KALBAR",
    roles: ["police-investigator"],
    purpose: "investigation",
    jurisdiction: ["61"],
  };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return base;
}

/** Signs exactly these claims (jose adds nothing) with the key; header extras are merged in. */
export async function sign(key: AgencyKey, payload: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  return new jose.SignJWT(payload).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT", ...header }).sign(key.privateKey);
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** An `alg: none` token: header.payload. with an empty signature. */
export function unsigned(payload: Record<string, unknown>, alg = "none"): string {
  return `${b64({ alg, typ: "JWT" })}.${b64(payload)}.`;
}

/** Raw POST to /graphql with full control over headers and URL. */
export async function post(
  hub: TestHub,
  opts: { authorization?: string; headers?: Record<string, string>; search?: string; body?: string; contentType?: string } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(hub.url + (opts.search ?? ""), {
    method: "POST",
    headers: {
      "content-type": opts.contentType ?? "application/json",
      ...(opts.authorization !== undefined ? { authorization: opts.authorization } : {}),
      ...(opts.headers ?? {}),
    },
    body: opts.body ?? JSON.stringify({ query: REGIONS }),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

export async function auditCount(hub: TestHub): Promise<number> {
  const rows = await hub.db.raw.query<{ n: string | number }>(`SELECT count(*) AS n FROM "AuditEntry"`);
  return Number(rows[0]!.n);
}

/** The exact body of every authentication refusal. */
export const refusal = (message: string) => ({ errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] });

/** A JWKS endpoint under the test's control that counts the requests it serves. */
export interface JwksServer {
  url: string;
  keys: jose.JWK[];
  requests: number;
  /** Answer every request by holding it open and never responding. */
  hang: boolean;
  stop(): Promise<void>;
}

export async function startJwksServer(keys: jose.JWK[] = []): Promise<JwksServer> {
  const held: http.ServerResponse[] = [];
  const state: JwksServer = {
    url: "",
    keys,
    requests: 0,
    hang: false,
    async stop() {
      for (const r of held) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((req, res) => {
    state.requests++;
    if (state.hang) return void held.push(res);
    res.writeHead(200, { "content-type": "application/jwk-set+json" });
    res.end(JSON.stringify({ keys: state.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  return state;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
