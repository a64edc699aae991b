// METRICS=bearer on Fastify: GET /metrics on the hub's own port, only with
// `Authorization: Bearer <METRICS_TOKEN>`. Registered unconditionally; without metrics or a
// token (METRICS off or port) it adds no route, so /metrics stays a 404 there:
//   await app.register(metricsRoute, { metrics: opts.metrics, token: opts.metricsToken });
import type { FastifyPluginAsync } from "fastify";
import type { HubMetrics } from "../metrics/hub-metrics";
import { scrapeResponse } from "../metrics/scrape";

export interface MetricsRouteOptions {
  /** Undefined (METRICS=off): no route. */
  metrics: HubMetrics | undefined;
  /** METRICS_TOKEN; undefined (METRICS off or port): no route. */
  token: string | undefined;
}

export const metricsRoute: FastifyPluginAsync<MetricsRouteOptions> = async (app, { metrics, token }) => {
  if (!metrics || token === undefined) return;
  app.get("/metrics", async (req, reply) => {
    const r = await scrapeResponse(metrics, { token, authorization: req.headers.authorization });
    return reply.code(r.status).headers(r.headers).send(r.body);
  });
};
