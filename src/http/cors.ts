// CORS for agencies' browser applications: only the origins in CORS_ORIGINS (default: none).
// A preflight from such an origin is answered before authentication (a browser sends no token
// with it); any other origin gets no CORS headers at all, so the browser blocks the response.
import cors from "@fastify/cors";
import type { FastifyInstance } from "fastify";

export async function corsPolicy(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  const allowed = new Set(origins);
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && allowed.has(origin)),
    methods: ["GET", "POST"],
    allowedHeaders: ["authorization", "content-type", "x-request-id", "apollo-require-preflight", "x-apollo-operation-name"],
    exposedHeaders: ["x-request-id", "retry-after"],
    // Bearer tokens only: the hub never reads cookies, so credentials stay off.
    credentials: false,
    maxAge: 600,
  });
}
