// BP3MI's own REST service over its placement register: what the agency already runs, before
// any federation. Search endpoints take lists, so the subgraph asks once per request, not per person.
import crypto from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { z } from "zod";
import { Register } from "./register";

/** Most numbers one search may carry (a request above it is refused, not cut short). */
export const MAX_SEARCH = 1000;

const list = (item: z.ZodString) => z.array(item).max(MAX_SEARCH).optional();
const placementSearch = z.strictObject({
  nik: list(z.string().regex(/^\d{16}$/, "a NIK is 16 digits")),
  no_paspor: list(z.string().min(1).max(20)),
  kode_wilayah: list(z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, "a kode wilayah looks like 61, 61.03, 61.03.21 or 61.03.21.2001")),
});
const licenceSearch = z.strictObject({ nomor_sip3mi: z.array(z.string().min(1).max(40)).max(MAX_SEARCH) });

export interface Bp3miRestOptions {
  register: Register;
  /** When set, every /api call must carry it in `X-API-Key` (the service sits on BP3MI's network). */
  apiKey?: string;
  /** @default "127.0.0.1" */
  host?: string;
  /** @default 0 (any free port) */
  port?: number;
}

export interface Bp3miRest {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

function badRequest(error: z.ZodError): { error: string } {
  const issue = error.issues[0]!;
  return { error: `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}` };
}

function sameKey(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function buildBp3miRest(opts: Pick<Bp3miRestOptions, "register" | "apiKey">): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  const { register, apiKey } = opts;

  app.get("/healthz", async () => ({ status: "ok", penempatan: register.data.penempatan.length, p3mi: register.data.p3mi.length }));

  app.addHook("onRequest", async (req, reply) => {
    if (apiKey && req.url.startsWith("/api/") && !sameKey(req.headers["x-api-key"], apiKey)) {
      return reply.code(401).send({ error: "X-API-Key missing or wrong" });
    }
  });

  app.post("/api/v1/penempatan/cari", async (req, reply) => {
    const q = placementSearch.safeParse(req.body ?? {});
    if (!q.success) return reply.code(400).send(badRequest(q.error));
    return { data: register.searchPlacements(q.data) };
  });

  app.post("/api/v1/p3mi/cari", async (req, reply) => {
    const q = licenceSearch.safeParse(req.body ?? {});
    if (!q.success) return reply.code(400).send(badRequest(q.error));
    return { data: register.searchP3mi(q.data.nomor_sip3mi) };
  });

  // A body that is not JSON at all is the caller's mistake too.
  app.setErrorHandler((err: { statusCode?: number; message: string }, _req, reply) => {
    const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    reply.code(status).send({ error: status < 500 ? err.message : "internal error" });
  });
  return app;
}

/** Starts BP3MI's REST service; `url` is its base (no trailing slash). */
export async function startBp3miRest(opts: Bp3miRestOptions): Promise<Bp3miRest> {
  const app = buildBp3miRest(opts);
  const host = opts.host ?? "127.0.0.1";
  await app.listen({ host, port: opts.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return { url: `http://${host}:${port}`, app, close: () => app.close() };
}
