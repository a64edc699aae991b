// Trusted token issuers: the hub itself plus agency identity providers from AUTH_ISSUERS
// (a JSON array; every field is documented in docs/auth.md).
import * as jose from "jose";
import { z } from "zod";
import { ConfigError } from "../config";
import type { HubKey } from "./hub-key";
import { remoteKeySet } from "./remote-jwks";
import { staticKeyProblem } from "./static-keys";
import { AGENCY_CODE } from "./verify-token";

/** Asymmetric only: an HMAC algorithm would let anyone holding the public key sign. */
export const ASYMMETRIC_ALGS = ["RS256", "PS256", "ES256", "EdDSA"] as const;

/** Defaults for the optional issuer fields. */
export const ISSUER_DEFAULTS = {
  clockToleranceSeconds: 30,
  jwksCooldownSeconds: 30,
  jwksCacheMaxAgeSeconds: 600,
  jwksTimeoutMs: 5000,
} as const;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

// Static keys must be public keys of an asymmetric type: a pasted private key or an `oct`
// (shared secret) key is a configuration mistake that would weaken or leak the trust anchor.
const publicJwk = z
  .record(z.string(), z.unknown())
  .refine((k) => k.kty === "RSA" || k.kty === "EC" || k.kty === "OKP", { message: 'kty must be "RSA", "EC" or "OKP"' })
  .refine((k) => !("d" in k) && !("p" in k) && !("q" in k) && !("k" in k), { message: "must be a public key (remove the private parts)" });

const issuerSchema = z
  .object({
    /** Label used in logs, messages and the audit trail. */
    name: z.string().min(1).max(64),
    /** Required `iss` claim. */
    issuer: z.string().min(1),
    /** Required `aud` claim (a token's `aud` must be or contain it). */
    audience: z.string().min(1),
    algorithms: z.array(z.enum(ASYMMETRIC_ALGS)).min(1),
    /** JWKS endpoint of the agency's identity provider: https (http only for loopback addresses). */
    jwksUrl: z
      .string()
      .url()
      .refine(
        (u) => {
          const url = new URL(u);
          return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
        },
        { message: "must be an https:// URL (http:// only for localhost)" },
      )
      .optional(),
    /** Static public keys, for issuers without a JWKS endpoint. */
    jwks: z.object({ keys: z.array(publicJwk).min(1) }).optional(),
    /** Agency codes this issuer may vouch for; a token naming another agency is refused. */
    agencies: z.array(z.string().regex(AGENCY_CODE, { message: "must be an agency code like POLDA-KALBAR" })).min(1),
    /** Seconds of clock skew tolerated on exp/nbf/iat. @default 30 */
    clockToleranceSeconds: z.number().int().min(0).max(300).default(ISSUER_DEFAULTS.clockToleranceSeconds),
    /** Minimum seconds between two JWKS fetches (unknown kid, or after a failed fetch). @default 30 */
    jwksCooldownSeconds: z.number().int().min(1).max(3600).default(ISSUER_DEFAULTS.jwksCooldownSeconds),
    /** Seconds fetched keys are used before being refetched; bounds how long a removed key still works. @default 600 */
    jwksCacheMaxAgeSeconds: z.number().int().min(1).max(86400).default(ISSUER_DEFAULTS.jwksCacheMaxAgeSeconds),
    /** Milliseconds before a JWKS fetch is abandoned (the request then gets 401). @default 5000 */
    jwksTimeoutMs: z.number().int().min(100).max(30000).default(ISSUER_DEFAULTS.jwksTimeoutMs),
  })
  .strict()
  .refine((i) => Boolean(i.jwksUrl) !== Boolean(i.jwks), { message: "needs exactly one of jwksUrl or jwks" });

export type IssuerConfig = z.infer<typeof issuerSchema>;

export interface TrustedIssuer {
  name: string;
  issuer: string;
  /** Required `aud`: one value, or any of several (the hub's audit hand-off accepts every registered subgraph). */
  audience: string | string[];
  algorithms: readonly string[];
  agencies: readonly string[] | "any";
  clockToleranceSeconds: number;
  keys: jose.JWTVerifyGetKey;
}

export function parseIssuers(json: string): IssuerConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ConfigError("AUTH_ISSUERS", "is not valid JSON");
  }
  // One line per mistake: the path into the array, and the issuer by name when it has one.
  const fail = (at: (string | number)[], detail: string): never => {
    const name = Array.isArray(raw) && typeof at[0] === "number" ? (raw[at[0]] as { name?: unknown } | undefined)?.name : undefined;
    throw new ConfigError("AUTH_ISSUERS", `${at.join(".")}${typeof name === "string" && name ? ` (issuer "${name}")` : ""}: ${detail}`);
  };
  const parsed = z.array(issuerSchema).safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    fail(i.path as (string | number)[], i.message);
  }
  const issuers = parsed.data!;
  // Issuers are selected by `iss`: a second entry with the same one would silently never be used.
  const seen = new Set<string>();
  issuers.forEach((i, n) => {
    if (seen.has(i.issuer)) fail([n, "issuer"], `"${i.issuer}" appears twice`);
    seen.add(i.issuer);
    i.jwks?.keys.forEach((key, k) => {
      const p = staticKeyProblem(key, i.algorithms);
      if (p) fail([n, "jwks", "keys", k, ...(p.field ? [p.field] : [])], `${p.problem}${typeof key.kid === "string" ? ` (kid "${key.kid}")` : ""}`);
    });
  });
  return issuers;
}

export function trustedIssuer(cfg: IssuerConfig): TrustedIssuer {
  const keys = cfg.jwksUrl
    ? remoteKeySet(new URL(cfg.jwksUrl), {
        name: cfg.name,
        cooldownMs: cfg.jwksCooldownSeconds * 1000,
        cacheMaxAgeMs: cfg.jwksCacheMaxAgeSeconds * 1000,
        timeoutMs: cfg.jwksTimeoutMs,
      })
    : jose.createLocalJWKSet({ keys: cfg.jwks!.keys as jose.JWK[] });
  return {
    name: cfg.name,
    issuer: cfg.issuer,
    audience: cfg.audience,
    algorithms: [...cfg.algorithms],
    agencies: [...cfg.agencies],
    clockToleranceSeconds: cfg.clockToleranceSeconds,
    keys,
  };
}

export function hubIssuer(key: HubKey, issuer: string, audience: string): TrustedIssuer {
  return {
    name: "hub",
    issuer,
    audience,
    algorithms: ["EdDSA"],
    agencies: "any",
    clockToleranceSeconds: ISSUER_DEFAULTS.clockToleranceSeconds,
    keys: jose.createLocalJWKSet({ keys: [key.publicJwk] }),
  };
}
