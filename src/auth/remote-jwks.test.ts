// The JWKS fetcher's failure modes, each against a real local HTTP server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as jose from "jose";
import { IssuerKeysUnavailable, remoteKeySet } from "./remote-jwks";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function serve(handler: Handler): Promise<{ url: URL; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`),
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

const header = { alg: "ES256", kid: "k1" } as jose.JWTHeaderParameters;
const token = { payload: "", signature: "" } as jose.FlattenedJWSInput;
const opts = { name: "test-idp", cooldownMs: 60_000, cacheMaxAgeMs: 60_000, timeoutMs: 1000 };

describe("remoteKeySet", () => {
  let key: jose.JWK;
  beforeAll(async () => {
    const { publicKey } = await jose.generateKeyPair("ES256");
    key = { ...(await jose.exportJWK(publicKey)), kid: "k1", alg: "ES256" };
  });

  it("resolves a key by kid and caches the set", async () => {
    let hits = 0;
    const s = await serve((_req, res) => {
      hits++;
      res.end(JSON.stringify({ keys: [key] }));
    });
    try {
      const keys = remoteKeySet(s.url, opts);
      await expect(keys(header, token)).resolves.toBeDefined();
      await expect(keys(header, token)).resolves.toBeDefined();
      expect(hits).toBe(1);
      expect(keys.fetches).toBe(1);
    } finally {
      await s.close();
    }
  });

  it.each<[string, Handler, string]>([
    ["a non-200 answer", (_q, res) => void res.writeHead(500).end("{}"), "HTTP 500"],
    ["a redirect (not followed)", (_q, res) => void res.writeHead(302, { location: "https://attacker.example/jwks" }).end(), "HTTP 302"],
    ["a body that is not JSON", (_q, res) => void res.end("<html>"), "response is not JSON"],
    ["JSON that is not a JWK set", (_q, res) => void res.end('{"keys": "none"}'), "response is not a JWK set"],
    ["a body over 256 KiB", (_q, res) => void res.end(JSON.stringify({ keys: [], pad: "x".repeat(300 * 1024) })), "response too large"],
  ])("fails closed on %s, and does not refetch within the cooldown", async (_what, handler, detail) => {
    let hits = 0;
    const s = await serve((req, res) => {
      hits++;
      handler(req, res);
    });
    try {
      const keys = remoteKeySet(s.url, opts);
      await expect(keys(header, token)).rejects.toThrow(new IssuerKeysUnavailable("test-idp", detail));
      await expect(keys(header, token)).rejects.toBeInstanceOf(IssuerKeysUnavailable);
      expect(hits).toBe(1);
    } finally {
      await s.close();
    }
  });

  it("shares one fetch between concurrent callers", async () => {
    let hits = 0;
    const s = await serve((_req, res) => {
      hits++;
      setTimeout(() => res.end(JSON.stringify({ keys: [key] })), 100);
    });
    try {
      const keys = remoteKeySet(s.url, opts);
      await Promise.all(Array.from({ length: 10 }, () => keys(header, token)));
      expect(hits).toBe(1);
    } finally {
      await s.close();
    }
  });
});
