// METRICS=port: GET /metrics, open, on a port of its own (METRICS_PORT on METRICS_HOST), so the
// hub's public port never serves it and a firewall or network policy decides who may scrape.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { HubMetrics } from "./hub-metrics";
import { scrapeResponse } from "./scrape";

export interface MetricsServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startMetricsServer(metrics: HubMetrics, opts: { port: number; host: string }): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    scrapeResponse(metrics, {}).then(
      (r) => res.writeHead(r.status, r.headers).end(req.method === "HEAD" ? undefined : r.body),
      () => res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("metrics unavailable\n"),
    );
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${opts.host.includes(":") ? `[${opts.host}]` : opts.host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
