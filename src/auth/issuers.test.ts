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
    ["a symmetric algorithm", [{ ...base, algorithms: ["HS256"] }], /^Invalid configuration: AUTH_ISSUERS 0\.algorithms\.0: /],
    ["alg none", [{ ...base, algorithms: ["none"] }], /^Invalid configuration: AUTH_ISSUERS 0\.algorithms\.0: /],
    ["no algorithms", [{ ...base, algorithms: [] }], /^Invalid configuration: AUTH_ISSUERS 0\.algorithms: /],
    ["no agencies", [{ ...base, agencies: [] }], /^Invalid configuration: AUTH_ISSUERS 0\.agencies: /],
    ["an agency that is not an agency code", [{ ...base, agencies: ["polda-kalbar"] }], "Invalid configuration: AUTH_ISSUERS 0.agencies.0: must be an agency code like POLDA-KALBAR"],
    ["a plain-http JWKS URL", [{ ...base, jwksUrl: "http://sso.polda.example/jwks" }], "Invalid configuration: AUTH_ISSUERS 0.jwksUrl: must be an https:// URL (http:// only for localhost)"],
    ["both jwksUrl and jwks", [{ ...base, jwks: { keys: [{ kty: "OKP", crv: "Ed25519", x: "x" }] } }], "Invalid configuration: AUTH_ISSUERS 0: needs exactly one of jwksUrl or jwks"],
    ["a misspelt field", [{ ...base, jwksCooldown: 5 }], /^Invalid configuration: AUTH_ISSUERS 0: .*jwksCooldown/],
    ["a tolerance above 5 minutes", [{ ...base, clockToleranceSeconds: 3600 }], /^Invalid configuration: AUTH_ISSUERS 0\.clockToleranceSeconds: /],
    ["the same iss twice", [base, { ...base, name: "polda-2" }], 'Invalid configuration: AUTH_ISSUERS 1.issuer: "https://sso.polda.example" appears twice'],
  ])("refuses %s", (_what, value, expected) => {
    const m = message(value);
    if (typeof expected === "string") expect(m).toBe(expected);
    else expect(m).toMatch(expected);
  });

  it("refuses text that is not JSON", () => {
    expect(() => parseIssuers("{")).toThrow(new ConfigError("AUTH_ISSUERS", "is not valid JSON"));
  });

  it("refuses private or symmetric static keys", async () => {
    const { privateKey } = await jose.generateKeyPair("ES256", { extractable: true });
    const { jwksUrl: _, ...rest } = base;
    const priv = await jose.exportJWK(privateKey);
    expect(message([{ ...rest, jwks: { keys: [priv] } }])).toBe("Invalid configuration: AUTH_ISSUERS 0.jwks.keys.0: must be a public key (remove the private parts)");
    expect(message([{ ...rest, jwks: { keys: [{ kty: "oct", k: "c2VjcmV0" }] } }])).toBe('Invalid configuration: AUTH_ISSUERS 0.jwks.keys.0: kty must be "RSA", "EC" or "OKP"');
  });
});
