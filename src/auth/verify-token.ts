// Verifies a bearer token against the trusted issuers and maps its claims to a Principal.
// Every check jose leaves optional is made explicit here (shared/security.md).
import type http from "node:http";
import * as jose from "jose";
import { z } from "zod";
import { ROLES, PURPOSES } from "../policy/roles";
import { AuthError, type Authenticator } from "./authenticator";
import type { TrustedIssuer } from "./issuers";
import type { Principal } from "./principal";

/** @default 8192: jose has no size limit of its own. */
export const MAX_TOKEN_BYTES = 8192;
const FORBIDDEN_HEADERS = ["jwk", "jku", "x5u", "x5c"] as const;

export const KODE_WILAYAH_PREFIX = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  agency: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,63}$/, "must be an agency code"),
  roles: z.array(z.enum(ROLES)).min(1),
  purpose: z.enum(PURPOSES),
  jurisdiction: z.array(z.string().regex(KODE_WILAYAH_PREFIX, "must be kode wilayah prefixes")).default([]),
});

function joseMessage(err: unknown): string {
  if (err instanceof jose.errors.JWTExpired) return "Token expired";
  if (err instanceof jose.errors.JWTClaimValidationFailed) return `Token claim "${err.claim}" is invalid (${err.reason})`;
  if (err instanceof jose.errors.JOSEAlgNotAllowed) return "Token algorithm is not allowed for this issuer";
  if (err instanceof jose.errors.JWSSignatureVerificationFailed) return "Token signature is invalid";
  if (err instanceof jose.errors.JWKSNoMatchingKey) return "No issuer key matches the token's kid";
  if (err instanceof jose.errors.JWKSMultipleMatchingKeys) return "Token kid is ambiguous";
  if (err instanceof jose.errors.JWKSTimeout || err instanceof jose.errors.JWKSInvalid) return "Issuer keys are unavailable";
  if (err instanceof jose.errors.JWSInvalid || err instanceof jose.errors.JWTInvalid) return "Token is malformed";
  if (err instanceof jose.errors.JOSENotSupported) return "Token algorithm or key type is not supported";
  return "Token could not be verified";
}

export async function verifyToken(token: string, issuers: readonly TrustedIssuer[]): Promise<Principal> {
  if (Buffer.byteLength(token) > MAX_TOKEN_BYTES) throw new AuthError("Token is too large");
  let header: jose.ProtectedHeaderParameters;
  let unverified: jose.JWTPayload;
  try {
    header = jose.decodeProtectedHeader(token);
    unverified = jose.decodeJwt(token);
  } catch {
    throw new AuthError("Token is malformed");
  }
  for (const h of FORBIDDEN_HEADERS) if (h in header) throw new AuthError(`Token header "${h}" is not accepted`);
  if (!header.alg || header.alg === "none") throw new AuthError("Unsigned tokens are not accepted");
  const issuer = issuers.find((i) => i.issuer === unverified.iss);
  if (!issuer) throw new AuthError("Token issuer is not trusted");

  let payload: jose.JWTPayload;
  try {
    ({ payload } = await jose.jwtVerify(token, issuer.keys, {
      issuer: issuer.issuer,
      audience: issuer.audience,
      algorithms: issuer.algorithms,
      requiredClaims: ["exp", "iat", "sub"],
      clockTolerance: issuer.clockToleranceSeconds,
    }));
  } catch (err) {
    throw new AuthError(joseMessage(err));
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    const i = claims.error.issues[0]!;
    throw new AuthError(`Token claim "${String(i.path[0])}" is invalid`);
  }
  const c = claims.data;
  if (issuer.agencies !== "any" && !issuer.agencies.includes(c.agency)) {
    throw new AuthError(`Issuer ${issuer.name} may not vouch for agency ${c.agency}`);
  }
  return { agency: c.agency, subject: c.sub, roles: [...new Set(c.roles)], purpose: c.purpose, jurisdiction: c.jurisdiction, issuer: issuer.name };
}

export function bearerAuthenticator(issuers: readonly TrustedIssuer[]): Authenticator {
  return {
    async authenticate(req: http.IncomingMessage, url: URL) {
      for (const k of ["access_token", "token", "jwt"]) {
        if (url.searchParams.has(k)) throw new AuthError("Tokens in the query string are not accepted; use the Authorization header");
      }
      const h = req.headers.authorization;
      if (!h) throw new AuthError("Missing Authorization header (expected: Bearer <token>)");
      const m = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(h);
      if (!m) throw new AuthError("Authorization header must be: Bearer <token>");
      return verifyToken(m[1]!, issuers);
    },
  };
}
