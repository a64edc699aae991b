// Verifies a bearer token against the trusted issuers and maps its claims to a Principal.
// Every check jose leaves optional is made explicit here (shared/security.md, property 7), and
// every refusal says which check failed. The rejection list is in docs/auth.md.
import type http from "node:http";
import * as jose from "jose";
import { z } from "zod";
import { ROLES, PURPOSES } from "../policy/roles";
import { AuthError, type Authenticator } from "./authenticator";
import type { TrustedIssuer } from "./issuers";
import type { Principal } from "./principal";
import { IssuerKeysUnavailable } from "./remote-jwks";
import { verifiedTokens } from "./verified-tokens";

export { AuthError };

/** @default 8192: jose has no size limit of its own. */
export const MAX_TOKEN_BYTES = 8192;
/** Headers that would let the token choose its own verification key. */
const FORBIDDEN_HEADERS = ["jwk", "jku", "x5u", "x5c"] as const;
/** Query parameters a client might put a token in; refused so tokens stay out of URLs and logs. */
const QUERY_TOKEN_PARAMS = ["access_token", "token", "jwt", "id_token", "bearer", "authorization"] as const;

export const KODE_WILAYAH_PREFIX = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
/** Same rule as src/contribute/schema-kit.ts: the codes agencies register are the codes tokens carry. */
export const AGENCY_CODE = /^[A-Z0-9][A-Z0-9._-]{1,63}$/;

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  agency: z.string().regex(AGENCY_CODE),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  purpose: z.enum(PURPOSES),
  jurisdiction: z.array(z.string().regex(KODE_WILAYAH_PREFIX)).max(100).default([]),
});

/** What each claim must look like, for the 401 message. */
const CLAIM_HINTS: Record<string, string> = {
  sub: "must be a non-empty string",
  agency: "must be an agency code (A-Z, 0-9, . _ -)",
  roles: `must be a non-empty list of known roles (${ROLES.join(", ")})`,
  purpose: `must be one of: ${PURPOSES.join(", ")}`,
  jurisdiction: "must be a list of kode wilayah prefixes, e.g. 61 or 63.71",
};

// Echo header values only when they are short and harmless.
const shown = (v: unknown) => (typeof v === "string" && /^[A-Za-z0-9_.+-]{1,32}$/.test(v) ? `"${v}"` : "(unprintable)");

function joseMessage(err: unknown, issuer: TrustedIssuer): string {
  if (err instanceof IssuerKeysUnavailable) return `Issuer keys are unavailable (issuer ${issuer.name}); try again later`;
  if (err instanceof jose.errors.JWTExpired) return "Token expired";
  if (err instanceof jose.errors.JWTClaimValidationFailed) {
    const claim = err.claim;
    if (err.reason === "missing") return `Token claim "${claim}" is missing`;
    if (claim === "nbf") return 'Token is not valid yet (claim "nbf" is in the future)';
    if (claim === "aud") return 'Token claim "aud" does not name this hub';
    if (claim === "iss") return 'Token claim "iss" does not match the issuer';
    return `Token claim "${claim}" is invalid`;
  }
  if (err instanceof jose.errors.JOSEAlgNotAllowed) return "Token algorithm is not allowed for this issuer";
  if (err instanceof jose.errors.JWSSignatureVerificationFailed) return "Token signature is invalid";
  if (err instanceof jose.errors.JWKSNoMatchingKey) return "No issuer key matches the token's kid";
  if (err instanceof jose.errors.JWKSMultipleMatchingKeys) return "Token kid is ambiguous (several issuer keys match)";
  if (err instanceof jose.errors.JWKSTimeout || err instanceof jose.errors.JWKSInvalid) return `Issuer keys are unavailable (issuer ${issuer.name}); try again later`;
  if (err instanceof jose.errors.JWSInvalid || err instanceof jose.errors.JWTInvalid) return "Token is malformed";
  if (err instanceof jose.errors.JOSENotSupported) return "Token algorithm or key type is not supported";
  return "Token could not be verified";
}

export async function verifyToken(token: string, issuers: readonly TrustedIssuer[]): Promise<Principal> {
  if (Buffer.byteLength(token) > MAX_TOKEN_BYTES) throw new AuthError(`Token is too large (limit ${MAX_TOKEN_BYTES} bytes)`);
  let header: jose.ProtectedHeaderParameters;
  let unverified: jose.JWTPayload;
  try {
    header = jose.decodeProtectedHeader(token);
    unverified = jose.decodeJwt(token);
  } catch {
    throw new AuthError("Token is malformed");
  }
  for (const h of FORBIDDEN_HEADERS) if (h in header) throw new AuthError(`Token header "${h}" is not accepted`);
  if (typeof header.alg !== "string") throw new AuthError("Token is malformed");
  if (header.alg.toLowerCase() === "none") throw new AuthError("Unsigned tokens are not accepted");
  if (unverified.iss === undefined) throw new AuthError('Token claim "iss" is missing');
  const issuer = issuers.find((i) => i.issuer === unverified.iss);
  if (!issuer) throw new AuthError("Token issuer is not trusted");
  // Before any key lookup: a disallowed algorithm must not cost a JWKS fetch.
  if (!issuer.algorithms.includes(header.alg)) throw new AuthError(`Token algorithm ${shown(header.alg)} is not allowed for this issuer`);

  let payload: jose.JWTPayload;
  try {
    ({ payload } = await jose.jwtVerify(token, issuer.keys, {
      issuer: issuer.issuer,
      audience: issuer.audience,
      algorithms: [...issuer.algorithms],
      requiredClaims: ["exp", "iat", "sub"],
      clockTolerance: issuer.clockToleranceSeconds,
    }));
  } catch (err) {
    throw new AuthError(joseMessage(err, issuer));
  }
  // jose checks iat only together with maxTokenAge; a token from the future is a clock or forgery problem.
  if ((payload.iat as number) > Date.now() / 1000 + issuer.clockToleranceSeconds) throw new AuthError('Token claim "iat" is in the future');
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    const claim = String(claims.error.issues[0]!.path[0]);
    throw new AuthError(`Token claim "${claim}" ${payload[claim] === undefined ? "is missing" : "is invalid"}: ${CLAIM_HINTS[claim]}`);
  }
  const c = claims.data;
  if (issuer.agencies !== "any" && !issuer.agencies.includes(c.agency)) {
    throw new AuthError(`Issuer ${issuer.name} may not vouch for agency ${c.agency}`);
  }
  return { agency: c.agency, subject: c.sub, roles: [...new Set(c.roles)], purpose: c.purpose, jurisdiction: c.jurisdiction, issuer: issuer.name };
}

/** RFC 6750 header form only; the scheme name is case-insensitive (RFC 9110 11.1). */
const BEARER = /^Bearer ([A-Za-z0-9_\-.]+)$/i;

/** Verified tokens kept for reuse: at most this many, each at most this long (and never past its exp). */
export const VERIFIED_TOKENS = { maxEntries: 10_000, maxAgeMs: 60_000 };

export function bearerAuthenticator(issuers: readonly TrustedIssuer[], cache = VERIFIED_TOKENS): Authenticator {
  const verified = verifiedTokens(cache);
  return {
    async authenticate(req: http.IncomingMessage, url: URL) {
      for (const k of url.searchParams.keys()) {
        if ((QUERY_TOKEN_PARAMS as readonly string[]).includes(k.toLowerCase())) {
          throw new AuthError("Tokens in the query string are not accepted; use the Authorization header");
        }
      }
      const h = req.headers.authorization;
      if (!h) throw new AuthError("Missing Authorization header (expected: Bearer <token>)");
      const m = BEARER.exec(h);
      if (!m) throw new AuthError("Authorization header must be: Bearer <token>");
      const token = m[1]!;
      const known = verified.get(token);
      if (known) return known;
      const principal = await verifyToken(token, issuers);
      verified.set(token, principal, jose.decodeJwt(token).exp!);
      return principal;
    },
  };
}
