import http from "node:http";
import type { AddressInfo } from "node:net";
import { hubGatewayIssuer, parseGatewayJwks } from "./trust";
import { signPrincipalToken, verifyPrincipalToken } from "../federation/principal-token";
import { testHubKey } from "../../test/support/hub";

const cfg = (g: Partial<Parameters<typeof hubGatewayIssuer>[0]["gateway"]>) => ({
  gateway: { jwks: undefined, jwksUrl: undefined, signingKeyFile: "/nonexistent", signingKeyFileSet: false, subgraphs: undefined, subgraphsFile: undefined, supergraphFile: undefined, hubPassThrough: true, ...g },
});

describe("the hub trusting the gateway", () => {
  const principal = { agency: "POLDA-KALBAR", subject: "x", roles: ["police-investigator"], purpose: "investigation", jurisdiction: [], issuer: "gateway" };

  it("trusts no gateway unless configured", async () => {
    expect(await hubGatewayIssuer(cfg({}))).toBeNull();
  });

  it("GATEWAY_JWKS: accepts the gateway's tokens for audience hub only", async () => {
    const key = await testHubKey();
    const issuer = (await hubGatewayIssuer(cfg({ jwks: JSON.stringify({ keys: [key.publicJwk] }) })))!;
    await expect(verifyPrincipalToken(await signPrincipalToken(key, principal, "hub"), issuer)).resolves.toMatchObject({ agency: "POLDA-KALBAR", issuer: "gateway" });
    await expect(verifyPrincipalToken(await signPrincipalToken(key, principal, "bp3mi"), issuer)).rejects.toThrow(/aud/);
    await expect(verifyPrincipalToken(await signPrincipalToken(await testHubKey(), principal, "hub"), issuer)).rejects.toThrow();
  });

  it.each([
    ["not json", "GATEWAY_JWKS is not valid JSON"],
    [JSON.stringify({ keys: [] }), "GATEWAY_JWKS keys: "],
    [JSON.stringify({ keys: [{ kty: "OKP", crv: "Ed25519", x: "abc", d: "secret" }] }), "must be a public key"],
  ])("a bad GATEWAY_JWKS is one line: %s", (json, message) => {
    expect(() => parseGatewayJwks(json)).toThrow(message);
  });

  it("GATEWAY_JWKS_URL: fetches the keys the gateway publishes", async () => {
    const key = await testHubKey();
    const server = http.createServer((_q, r) => r.end(JSON.stringify({ keys: [key.publicJwk] })));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
      const issuer = (await hubGatewayIssuer(cfg({ jwksUrl: url })))!;
      await expect(verifyPrincipalToken(await signPrincipalToken(key, principal, "hub"), issuer)).resolves.toBeDefined();
    } finally {
      server.close();
    }
  });

  it("an explicitly set GATEWAY_SIGNING_KEY_FILE that does not exist stops the hub", async () => {
    await expect(hubGatewayIssuer(cfg({ signingKeyFileSet: true, signingKeyFile: "/nonexistent/gw.pem" }))).rejects.toThrow("GATEWAY_SIGNING_KEY_FILE (/nonexistent/gw.pem) does not exist");
  });
});
