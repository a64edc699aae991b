// Static issuer keys (AUTH_ISSUERS[].jwks) are checked when the hub starts, not when the first
// token arrives: a key pasted with placeholders ("x": "...") or cut short would otherwise start a
// hub that refuses every token of that agency with a bare 401, and nobody would know why.
import crypto from "node:crypto";

type Jwk = Record<string, unknown>;

/** Which of the configurable algorithms a key of this type can verify. */
const ALGS_FOR: Record<string, readonly string[]> = { RSA: ["RS256", "PS256"], "EC/P-256": ["ES256"], "OKP/Ed25519": ["EdDSA"] };

/** Fields of each key type: name -> expected decoded length in bytes (0: any length). */
const FIELDS: Record<string, Record<string, number>> = {
  RSA: { n: 0, e: 0 },
  "EC/P-256": { x: 32, y: 32 },
  "OKP/Ed25519": { x: 32 },
};

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** What is wrong with a public JWK for an issuer allowing `algorithms`: { field, problem }, or undefined when it is usable. */
export function staticKeyProblem(jwk: Jwk, algorithms: readonly string[]): { field?: string; problem: string } | undefined {
  const type = jwk.kty === "RSA" ? "RSA" : `${String(jwk.kty)}/${String(jwk.crv)}`;
  const fields = FIELDS[type];
  if (!fields) {
    return jwk.kty === "EC" ? { field: "crv", problem: `must be "P-256" (ES256), got ${JSON.stringify(jwk.crv)}` } : { field: "crv", problem: `must be "Ed25519" (EdDSA), got ${JSON.stringify(jwk.crv)}` };
  }
  for (const [field, bytes] of Object.entries(fields)) {
    const v = jwk[field];
    if (typeof v !== "string" || !BASE64URL.test(v)) return { field, problem: `must be base64url text from the provider's JWKS, got ${JSON.stringify(v)}` };
    const len = Buffer.from(v, "base64url").length;
    if (bytes && len !== bytes) return { field, problem: `must encode ${bytes} bytes, got ${len} (a key cut short or from another curve)` };
  }
  if (type === "RSA" && Buffer.from(jwk.n as string, "base64url").length < 256) return { field: "n", problem: "RSA keys must have at least 2048 bits" };
  try {
    crypto.createPublicKey({ key: jwk as crypto.JsonWebKey, format: "jwk" });
  } catch {
    return { problem: type === "EC/P-256" ? "x and y are not a point on P-256" : "not a valid public key" };
  }
  const usable = ALGS_FOR[type]!;
  if (!algorithms.some((a) => usable.includes(a))) return { problem: `a ${type} key verifies ${usable.join(" or ")}, but the issuer's algorithms are ${algorithms.join(", ")}` };
  if (typeof jwk.alg === "string" && !algorithms.includes(jwk.alg)) return { field: "alg", problem: `"${jwk.alg}" is not among the issuer's algorithms (${algorithms.join(", ")})` };
  return undefined;
}
