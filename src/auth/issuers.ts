// Trusted token issuers: the hub itself plus agency identity providers from AUTH_ISSUERS.
import * as jose from "jose";
import { z } from "zod";
import { ConfigError } from "../config";
import type { HubKey } from "./hub-key";

export const ASYMMETRIC_ALGS = ["RS256", "PS256", "ES256", "EdDSA"] as const;

const issuerSchema = z
  .object({
    /** Label used in logs and the audit trail. */
    name: z.string().min(1),
    /** Required `iss` claim. */
    issuer: z.string().min(1),
    /** Required `aud` claim. */
    audience: z.string().min(1),
    algorithms: z.array(z.enum(ASYMMETRIC_ALGS)).min(1),
    /** JWKS endpoint of the agency's identity provider. */
    jwksUrl: z.string().url().optional(),
    /** Static public keys, for issuers without a JWKS endpoint. */
    jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) }).optional(),
    /** Agency codes this issuer may vouch for; a token naming another agency is refused. */
    agencies: z.array(z.string().min(1)).min(1),
    /** Seconds of clock skew tolerated on exp/nbf/iat. @default 30 */
    clockToleranceSeconds: z.number().int().min(0).max(300).default(30),
    /** Minimum seconds between JWKS refetches on an unknown kid. @default 30 */
    jwksCooldownSeconds: z.number().int().min(1).default(30),
  })
  .refine((i) => Boolean(i.jwksUrl) !== Boolean(i.jwks), { message: "needs exactly one of jwksUrl or jwks" });

export type IssuerConfig = z.infer<typeof issuerSchema>;

export interface TrustedIssuer {
  name: string;
  issuer: string;
  audience: string;
  algorithms: string[];
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
  const parsed = z.array(issuerSchema).safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new ConfigError("AUTH_ISSUERS", `${i.path.join(".")}: ${i.message}`);
  }
  return parsed.data;
}

export function trustedIssuer(cfg: IssuerConfig): TrustedIssuer {
  const keys = cfg.jwksUrl
    ? jose.createRemoteJWKSet(new URL(cfg.jwksUrl), {
        cooldownDuration: cfg.jwksCooldownSeconds * 1000,
        cacheMaxAge: 10 * 60 * 1000,
        timeoutDuration: 5000,
      })
    : jose.createLocalJWKSet({ keys: cfg.jwks!.keys as jose.JWK[] });
  return { ...cfg, agencies: cfg.agencies, keys };
}

export function hubIssuer(key: HubKey, issuer: string, audience: string): TrustedIssuer {
  return {
    name: "hub",
    issuer,
    audience,
    algorithms: ["EdDSA"],
    agencies: "any",
    clockToleranceSeconds: 30,
    keys: jose.createLocalJWKSet({ keys: [key.publicJwk] }),
  };
}
