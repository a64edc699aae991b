import * as jose from "jose";
import { ConfigError } from "../config";
import { ISSUER_DEFAULTS, parseIssuers } from "./issuers";

const base = { name: "polda", issuer: "https://sso.polda.example", audience: "tppo-hub", algorithms: ["RS256"], jwksUrl: "https://sso.polda.example/jwks", agencies: ["POLDA-KALBAR"] };
const parse = (v: unknown) => parseIssuers(JSON.stringify(v));
const message = (v: unknown) => {
  try {
    parse(v);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
};

describe("parseIssuers (AUTH_ISSUERS)", () => {
  it("applies the documented defaults", () => {
    expect(parse([base])[0]).toEqual({ ...base, ...ISSUER_DEFAULTS });
    expect(ISSUER_DEFAULTS).toEqual({ clockToleranceSeconds: 30, jwksCooldownSeconds: 30, jwksCacheMaxAgeSeconds: 600, jwksTimeoutMs: 5000 });
  });

  it("accepts static public keys instead of a URL", async () => {
    const { publicKey } = await jose.generateKeyPair("ES256");
    const { jwksUrl: _, ...rest } = base;
    expect(parse([{ ...rest, algorithms: ["ES256"], jwks: { keys: [await jose.exportJWK(publicKey)] } }])).toHaveLength(1);
  });

  it.each([
    ["a symmetric algorithm", [{ ...base, algorithms: ["HS256"] }], /^Invalid configuration: AUTH_ISSUERS 0\.algorithms\.0 \(issuer "polda"\): /],
    ["alg none", [{ ...base, algorithms: ["none"] }], /^Invalid configuration: AUTH_ISSUERS 0\.algorithms\.0 \(issuer "polda"\): /],
    ["no algorithms", [{ ...base, algorithms: [] }], /^Invalid configuration: AUTH_ISSUERS 0\.algorithms \(issuer "polda"\): /],
    ["no agencies", [{ ...base, agencies: [] }], /^Invalid configuration: AUTH_ISSUERS 0\.agencies \(issuer "polda"\): /],
    ["an agency that is not an agency code", [{ ...base, agencies: ["polda-kalbar"] }], 'Invalid configuration: AUTH_ISSUERS 0.agencies.0 (issuer "polda"): must be an agency code like POLDA-KALBAR'],
    ["a plain-http JWKS URL", [{ ...base, jwksUrl: "http://sso.polda.example/jwks" }], 'Invalid configuration: AUTH_ISSUERS 0.jwksUrl (issuer "polda"): must be an https:// URL (http:// only for localhost)'],
    ["both jwksUrl and jwks", [{ ...base, jwks: { keys: [{ kty: "OKP", crv: "Ed25519", x: "x" }] } }], 'Invalid configuration: AUTH_ISSUERS 0 (issuer "polda"): needs exactly one of jwksUrl or jwks'],
    ["a misspelt field", [{ ...base, jwksCooldown: 5 }], /^Invalid configuration: AUTH_ISSUERS 0 \(issuer "polda"\): .*jwksCooldown/],
    ["a tolerance above 5 minutes", [{ ...base, clockToleranceSeconds: 3600 }], /^Invalid configuration: AUTH_ISSUERS 0\.clockToleranceSeconds \(issuer "polda"\): /],
    ["the same iss twice", [base, { ...base, name: "polda-2" }], 'Invalid configuration: AUTH_ISSUERS 1.issuer (issuer "polda-2"): "https://sso.polda.example" appears twice'],
  ])("refuses %s", (_what, value, expected) => {
    const m = message(value);
    if (typeof expected === "string") expect(m).toBe(expected);
    else expect(m).toMatch(expected);
  });

  it("refuses static keys it could not verify with, naming the issuer, the key and what is wrong", async () => {
    const { jwksUrl: _, ...rest } = base;
    const es = { ...rest, name: "bp3mi-kalbar", algorithms: ["ES256"] };
    const placeholder = { kty: "EC", crv: "P-256", kid: "bp3mi-2026", x: "...", y: "..." };
    expect(message([{ ...es, jwks: { keys: [placeholder] } }])).toBe(
      'Invalid configuration: AUTH_ISSUERS 0.jwks.keys.0.x (issuer "bp3mi-kalbar"): must be base64url text from the provider\'s JWKS, got "..." (kid "bp3mi-2026")',
    );
    const real = await jose.exportJWK((await jose.generateKeyPair("ES256")).publicKey);
    expect(message([{ ...es, jwks: { keys: [{ ...real, x: real.x!.slice(0, 20) }] } }])).toMatch(/keys\.0\.x \(issuer "bp3mi-kalbar"\): must encode 32 bytes, got 15/);
    const other = await jose.exportJWK((await jose.generateKeyPair("ES256")).publicKey);
    expect(message([{ ...es, jwks: { keys: [{ ...real, y: other.y }] } }])).toMatch(/keys\.0 \(issuer "bp3mi-kalbar"\): x and y are not a point on P-256$/);
    expect(message([{ ...es, algorithms: ["RS256"], jwks: { keys: [real] } }])).toMatch(/keys\.0 \(issuer "bp3mi-kalbar"\): a EC\/P-256 key verifies ES256, but the issuer's algorithms are RS256$/);
    expect(message([{ ...es, jwks: { keys: [{ ...real, crv: "P-384" }] } }])).toMatch(/keys\.0\.crv \(issuer "bp3mi-kalbar"\): must be "P-256"/);
    expect(parse([{ ...es, jwks: { keys: [real] } }])).toHaveLength(1);
  });

  it("refuses text that is not JSON", () => {
    expect(() => parseIssuers("{")).toThrow(new ConfigError("AUTH_ISSUERS", "is not valid JSON"));
  });

  it("refuses private or symmetric static keys", async () => {
    const { privateKey } = await jose.generateKeyPair("ES256", { extractable: true });
    const { jwksUrl: _, ...rest } = base;
    const priv = await jose.exportJWK(privateKey);
    expect(message([{ ...rest, jwks: { keys: [priv] } }])).toBe('Invalid configuration: AUTH_ISSUERS 0.jwks.keys.0 (issuer "polda"): must be a public key (remove the private parts)');
    expect(message([{ ...rest, jwks: { keys: [{ kty: "oct", k: "c2VjcmV0" }] } }])).toBe('Invalid configuration: AUTH_ISSUERS 0.jwks.keys.0 (issuer "polda"): kty must be "RSA", "EC" or "OKP"');
  });
});
