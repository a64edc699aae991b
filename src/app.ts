// Wires configuration, database, schema, authentication and HTTP into a running hub.
import type { Config } from "./config";
import type { Database } from "./db/database";
import { openConfiguredDatabase, prepareSchema } from "./db/open";
import { securedSchema } from "./policy";
import { loadHubKey, type HubKey } from "./auth/hub-key";
import { hubIssuer, parseIssuers, trustedIssuer, type TrustedIssuer } from "./auth/issuers";
import { bearerAuthenticator } from "./auth/verify-token";
import type { Logger } from "./logger";
import { startHubServer, type HubServer } from "./server";

export interface RunningHub {
  server: HubServer;
  db: Database;
  hubKey: HubKey;
  stop(): Promise<void>;
}

export async function loadIssuers(config: Config, embedded: boolean): Promise<{ hubKey: HubKey; issuers: TrustedIssuer[] }> {
  const hubKey = await loadHubKey(config.hubSigningKeyFile, { create: embedded });
  const issuers = [hubIssuer(hubKey, config.hubIssuer, config.hubAudience), ...parseIssuers(config.authIssuersJson).map(trustedIssuer)];
  return { hubKey, issuers };
}

export async function startHub(config: Config, log: Logger, opts: { migrate: boolean; db?: Database }): Promise<RunningHub> {
  const db = opts.db ?? (await openConfiguredDatabase(config));
  try {
    await prepareSchema(db, { migrate: opts.migrate, log });
    const { hubKey, issuers } = await loadIssuers(config, db.kind === "pglite");
    const server = await startHubServer({
      ...securedSchema(),
      db,
      log,
      auth: bearerAuthenticator(issuers),
      port: config.port,
      host: config.host,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      statsMinCell: config.statsMinCell,
      limits: config.httpLimits,
      corsOrigins: config.corsOrigins,
    });
    return {
      server,
      db,
      hubKey,
      async stop() {
        await server.stop();
        await db.close();
      },
    };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}
