// Wires configuration, database, schema, authentication and HTTP into a running hub.
import type { Config } from "./config";
import type { Database } from "./db/database";
import { openConfiguredDatabase, prepareSchema } from "./db/open";
import { securedSchema } from "./secured-schema";
import { loadHubKey, type HubKey } from "./auth/hub-key";
import { hubIssuer, parseIssuers, trustedIssuer, type TrustedIssuer } from "./auth/issuers";
import { bearerAuthenticator } from "./auth/verify-token";
import type { Logger } from "./logger";
import { startHubServer, type HubServer } from "./server";
import { createHubMetrics, type HubMetrics } from "./metrics/hub-metrics";
import { startMetricsServer, type MetricsServer } from "./metrics/metrics-server";
import { AuditCheckpointer } from "./audit/checkpointer";
import { auditSealer } from "./audit/sealer";
import { hubGatewayIssuer } from "./gateway/trust";
import { GATEWAY_ISSUER } from "./federation/principal-token";

export interface RunningHub {
  server: HubServer;
  db: Database;
  hubKey: HubKey;
  /** Undefined with METRICS=off. */
  metrics?: HubMetrics;
  /** METRICS=port: the separate server answering GET /metrics. */
  metricsServer?: MetricsServer;
  stop(): Promise<void>;
}

export async function loadIssuers(config: Config, embedded: boolean): Promise<{ hubKey: HubKey; issuers: TrustedIssuer[] }> {
  const hubKey = await loadHubKey(config.hubSigningKeyFile, { create: embedded });
  const issuers = [hubIssuer(hubKey, config.hubIssuer, config.hubAudience), ...parseIssuers(config.authIssuersJson).map(trustedIssuer)];
  // Behind the gateway: its principal tokens (audience `hub`) are one more issuer.
  const gateway = await hubGatewayIssuer(config);
  if (gateway) issuers.push(gateway);
  return { hubKey, issuers };
}

export async function startHub(config: Config, log: Logger, opts: { migrate: boolean; db?: Database }): Promise<RunningHub> {
  // A mistake in AUTH_ISSUERS stops the start before the database is opened or migrated.
  parseIssuers(config.authIssuersJson);
  const db = opts.db ?? (await openConfiguredDatabase(config));
  try {
    await prepareSchema(db, { migrate: opts.migrate, log });
    const { hubKey, issuers } = await loadIssuers(config, db.kind === "pglite");
    // One registry per hub (never prom-client's global one), handed to what records into it.
    const metrics = config.metrics.mode === "off" ? undefined : createHubMetrics({ db });
    const auditCheckpointer = new AuditCheckpointer(db.raw, hubKey, config.auditCheckpointFile, log);
    const server = await startHubServer({
      ...securedSchema(),
      db,
      log,
      auth: bearerAuthenticator(issuers),
      port: config.port,
      host: config.host,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      statsMinCell: config.statsMinCell,
      metrics,
      metricsToken: config.metrics.mode === "bearer" ? config.metrics.token : undefined,
      maxContributionRecords: config.contributeMaxRecords,
      contributeRunRecords: config.contributeRunRecords,
      auditCheckpointer,
      // Subgraphs' audit hand-offs (POST /federation/audit) are accepted with the keys of the
      // gateway issuer the hub trusts, if any (none: every hand-off is refused).
      gatewayKeys: issuers.find((i) => i.issuer === GATEWAY_ISSUER)?.keys,
      limits: config.httpLimits,
      corsOrigins: config.corsOrigins,
    });
    // Entries a crashed process or a script left committed but unsealed are chained now. A log that
    // grew while no checkpoint was kept (or an upgrade) gets one; a checkpoint the log no longer
    // matches is reported at once.
    await auditSealer(db).sync();
    auditCheckpointer.poke();
    let metricsServer: MetricsServer | undefined;
    if (metrics && config.metrics.mode === "port") {
      try {
        metricsServer = await startMetricsServer(metrics, config.metrics);
      } catch (err) {
        await server.stop();
        throw err;
      }
    }
    return {
      server,
      db,
      hubKey,
      metrics,
      metricsServer,
      async stop() {
        await metricsServer?.close();
        await server.stop();
        await auditCheckpointer.flush();
        await db.close();
      },
    };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}
