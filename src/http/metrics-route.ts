// METRICS=bearer on Fastify: GET /metrics on the hub's own port, only with
// `Authorization: Bearer <METRICS_TOKEN>`. Registered unconditionally; without a token (METRICS
// off or port) it adds no route, so /metrics stays a 404 there:
//   app.register(metricsRoute, { metrics, token: config.metrics.mode === "bearer" ? config.metrics.token : undefined });
import type { FastifyPluginAsync } from "fastify";
import type { HubMetrics } from "../metrics/hub-metrics";
import { scrapeResponse } from "../metrics/scrape";

export interface MetricsRouteOptions {
  metrics: HubMetrics;
  /** METRICS_TOKEN; undefined: no route. */
  token: string | undefined;
}

export const metricsRoute: FastifyPluginAsync<MetricsRouteOptions> = async (app, { metrics, token }) => {
  if (token === undefined) return;
  app.get("/metrics", async (req, reply) => {
    const r = await scrapeResponse(metrics, { token, authorization: req.headers.authorization });
    return reply.code(r.status).headers(r.headers).send(r.body);
  });
};
