// Signs service-account tokens with the hub's key (`tppo-hub token`, demo tokens).
import * as jose from "jose";
import type { HubKey } from "./hub-key";

export interface TokenRequest {
  agency: string;
  roles: readonly string[];
  purpose: string;
  jurisdiction?: readonly string[];
  subject?: string;
  /** e.g. "1h", "15m"; @default "1h" */
  ttl?: string;
}

export async function issueToken(key: HubKey, issuer: string, audience: string, req: TokenRequest): Promise<string> {
  return new jose.SignJWT({
    agency: req.agency,
    roles: [...req.roles],
    purpose: req.purpose,
    jurisdiction: [...(req.jurisdiction ?? [])],
  })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(req.subject ?? `service:${req.agency.toLowerCase()}`)
    .setIssuedAt()
    .setExpirationTime(req.ttl ?? "1h")
    .sign(key.privateKey);
}
