// The edges of the HTTP layer: an oversized body gets 413 with a JSON error (not an empty reply),
// and CORS answers exactly the configured origins, preflight without a token.
import { backends, startTestHub, type TestHub } from "../support/hub";

const ALLOWED = "https://app.bp3mi.example.go.id";
const OTHER = "https://evil.example.com";
const LIMIT = 1024 * 1024;
const REGIONS = "{ regions { code } }";

function corsHeaders(res: Response): Record<string, string> {
  return Object.fromEntries([...res.headers].filter(([k]) => k.startsWith("access-control-")));
}

describe.each(backends)("HTTP limits and CORS on %s", (backend) => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startTestHub(backend, { server: { corsOrigins: [ALLOWED, "http://localhost:5173"] } });
    token = await hub.token();
  });
  afterAll(() => hub.stop());

  const post = (body: RequestInit["body"], headers: Record<string, string> = {}, init: RequestInit = {}) =>
    fetch(hub.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers }, body, ...init });

  describe("request body limit (1 MiB)", () => {
    it("a body just under the limit is served", async () => {
      const query = JSON.stringify({ query: REGIONS, variables: { pad: "" } });
      const body = JSON.stringify({ query: REGIONS, variables: { pad: "x".repeat(LIMIT - query.length - 10) } });
      expect(Buffer.byteLength(body)).toBeLessThan(LIMIT);
      const res = await post(body);
      expect(res.status).toBe(200);
      expect(((await res.json()) as any).data.regions.length).toBeGreaterThan(0);
    });

    it("a body over the limit (declared length) gets 413 with a JSON error and a request id", async () => {
      const body = JSON.stringify({ query: REGIONS, variables: { pad: "x".repeat(LIMIT) } });
      const res = await post(body, { "x-request-id": "too-large-0001" });
      expect(res.status).toBe(413);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.headers.get("x-request-id")).toBe("too-large-0001");
      expect(await res.json()).toEqual({ errors: [{ message: `Request body too large (at most ${LIMIT} bytes)`, extensions: { code: "LIMIT_EXCEEDED" } }] });
    });

    it("a streamed body (no length declared) that grows past the limit gets the same 413", async () => {
      const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(new TextEncoder().encode(`{"query":"${REGIONS}","variables":{"pad":"`));
          if (sent > 2 * LIMIT) return controller.close();
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const res = await post(stream, {}, { duplex: "half" } as RequestInit);
      expect(res.status).toBe(413);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe("LIMIT_EXCEEDED");
    });

    it("without a token the answer is 401 before any of the body is read", async () => {
      const res = await fetch(hub.url, { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(LIMIT + 1) });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="tppo-hub"');
    });
  });

  describe("CORS (CORS_ORIGINS)", () => {
    const preflight = (origin: string) =>
      fetch(hub.url, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
      });

    it("answers a preflight from an allowed origin without a token", async () => {
      const res = await preflight(ALLOWED);
      expect(res.status).toBe(204);
      expect(corsHeaders(res)).toMatchObject({
        "access-control-allow-origin": ALLOWED,
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers": expect.stringContaining("authorization"),
        "access-control-max-age": "600",
      });
      expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    });

    it("lets an allowed origin read the answer, its request id and a 401", async () => {
      const ok = await post(JSON.stringify({ query: REGIONS }), { origin: ALLOWED });
      expect(ok.status).toBe(200);
      expect(corsHeaders(ok)).toMatchObject({ "access-control-allow-origin": ALLOWED, "access-control-expose-headers": "x-request-id, retry-after" });
      const refused = await fetch(hub.url, { method: "POST", headers: { "content-type": "application/json", origin: ALLOWED }, body: JSON.stringify({ query: REGIONS }) });
      expect(refused.status).toBe(401);
      expect(refused.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    });

    it("gives any other origin no CORS headers, on preflight and on requests", async () => {
      for (const origin of [OTHER, "https://app.bp3mi.example.go.id.evil.com", "null", ALLOWED.replace("https", "http")]) {
        const pre = await preflight(origin);
        expect(pre.status).toBe(404);
        expect(corsHeaders(pre)).toEqual({});
        const res = await post(JSON.stringify({ query: REGIONS }), { origin });
        expect(res.status).toBe(200); // not a browser: the hub serves it, the browser would block it
        expect(corsHeaders(res)).toEqual({});
      }
    });

    it("with no CORS_ORIGINS configured (the default), no origin gets CORS headers", async () => {
      const plain = await startTestHub(backend, { db: hub.db, seed: "none" });
      try {
        const pre = await fetch(plain.url, { method: "OPTIONS", headers: { origin: ALLOWED, "access-control-request-method": "POST" } });
        expect(corsHeaders(pre)).toEqual({});
        const res = await fetch(plain.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}`, origin: ALLOWED },
          body: JSON.stringify({ query: REGIONS }),
        });
        expect(corsHeaders(res)).toEqual({});
      } finally {
        await plain.server.stop();
      }
    });
  });
});
