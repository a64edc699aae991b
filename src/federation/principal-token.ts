// The token the gateway signs for each subgraph call: the caller's verified principal, for one
// subgraph (aud), for a minute. Subgraphs trust only this token, so `_entities` and `_service`
// are unreachable without passing through the gateway's authentication and field rules. The
// claims are the hub's own token claims (src/auth/verify-token.ts), so the hub, as a subgraph,
// verifies it with the same code as any agency token.
import * as jose from "jose";
import type { HubKey } from "../auth/hub-key";
import { ISSUER_DEFAULTS, type TrustedIssuer } from "../auth/issuers";
import type { Principal } from "../auth/principal";
import { verifyToken } from "../auth/verify-token";

/** `iss` of every principal token; the issuer is named "gateway" in logs and the audit trail. */
export const GATEWAY_ISSUER = "tppo-gateway";
/** Lifetime of a principal token: one request, with room for a slow subgraph. */
export const PRINCIPAL_TOKEN_SECONDS = 60;

/** Signs `principal` for the subgraph named `audience` (its name in the registry). */
export async function signPrincipalToken(key: HubKey, principal: Principal, audience: string, requestId?: string): Promise<string> {
  const jwt = new jose.SignJWT({
    agency: principal.agency,
    roles: [...principal.roles],
    purpose: principal.purpose,
    jurisdiction: [...principal.jurisdiction],
  })
    .setProtectedHeader({ alg: "EdDSA", kid: key.kid, typ: "JWT" })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(audience)
    .setSubject(principal.subject)
    .setIssuedAt()
    .setExpirationTime(`${PRINCIPAL_TOKEN_SECONDS}s`);
  if (requestId) jwt.setJti(requestId);
  return jwt.sign(key.privateKey);
}

/** The gateway as a trusted issuer for the subgraph named `audience`, from the gateway's public keys. */
export function gatewayIssuer(publicKeys: jose.JSONWebKeySet | jose.JWTVerifyGetKey, audience: string): TrustedIssuer {
  return {
    name: "gateway",
    issuer: GATEWAY_ISSUER,
    audience,
    algorithms: ["EdDSA"],
    agencies: "any",
    clockToleranceSeconds: ISSUER_DEFAULTS.clockToleranceSeconds,
    keys: typeof publicKeys === "function" ? publicKeys : jose.createLocalJWKSet(publicKeys),
  };
}

/** Verifies a principal token for the subgraph `audience`; throws AuthError saying which check failed. */
export function verifyPrincipalToken(token: string, issuer: TrustedIssuer): Promise<Principal> {
  return verifyToken(token, [issuer]);
}
