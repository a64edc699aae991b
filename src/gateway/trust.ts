// The hub's side of federation: it trusts the gateway's principal tokens, audience `hub`, from
// the gateway's public keys (GATEWAY_JWKS, GATEWAY_JWKS_URL, or the public half of an explicitly
// set GATEWAY_SIGNING_KEY_FILE on a shared host). Nothing set: the hub trusts no gateway.
import fs from "node:fs";
import * as jose from "jose";
import { z } from "zod";
import { loadHubKey } from "../auth/hub-key";
import { ISSUER_DEFAULTS, type TrustedIssuer } from "../auth/issuers";
import { remoteKeySet } from "../auth/remote-jwks";
import { ConfigError, type Config } from "../config";
import { gatewayIssuer } from "../federation/principal-token";
import { HUB_SUBGRAPH } from "./registry";

const ed25519Public = z
  .object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string().min(1) })
  .passthrough()
  .refine((k) => !("d" in k), { message: "must be a public key (remove the private part d)" });
const jwksSchema = z.object({ keys: z.array(ed25519Public).min(1) });

export function parseGatewayJwks(json: string): jose.JSONWebKeySet {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ConfigError("GATEWAY_JWKS", "is not valid JSON");
  }
  const parsed = jwksSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new ConfigError("GATEWAY_JWKS", `${i.path.join(".")}: ${i.message} (Ed25519 public keys, as the gateway publishes at /.well-known/jwks.json)`);
  }
  return parsed.data as jose.JSONWebKeySet;
}

/** The gateway as one more trusted issuer of the hub, or null when no gateway key is configured. */
export async function hubGatewayIssuer(config: Pick<Config, "gateway">): Promise<TrustedIssuer | null> {
  const g = config.gateway;
  if (g.jwks) return gatewayIssuer(parseGatewayJwks(g.jwks), HUB_SUBGRAPH);
  if (g.jwksUrl) {
    return gatewayIssuer(
      remoteKeySet(new URL(g.jwksUrl), {
        name: "gateway",
        cooldownMs: ISSUER_DEFAULTS.jwksCooldownSeconds * 1000,
        cacheMaxAgeMs: ISSUER_DEFAULTS.jwksCacheMaxAgeSeconds * 1000,
        timeoutMs: ISSUER_DEFAULTS.jwksTimeoutMs,
      }),
      HUB_SUBGRAPH,
    );
  }
  if (g.signingKeyFileSet) {
    if (!fs.existsSync(g.signingKeyFile)) throw new ConfigError("GATEWAY_SIGNING_KEY_FILE", `(${g.signingKeyFile}) does not exist`);
    const key = await loadHubKey(g.signingKeyFile, { create: false });
    return gatewayIssuer({ keys: [key.publicJwk] }, HUB_SUBGRAPH);
  }
  return null;
}
