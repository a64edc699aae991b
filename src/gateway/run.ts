// `tppo-hub gateway` and `tppo-hub compose`: configuration in, a running gateway or a written
// supergraph out.
import fs from "node:fs";
import path from "node:path";
import { loadHubKey } from "../auth/hub-key";
import { hubIssuer, parseIssuers, trustedIssuer } from "../auth/issuers";
import { bearerAuthenticator } from "../auth/verify-token";
import { ConfigError, type Config } from "../config";
import type { Logger } from "../logger";
import { composeSupergraph, readSubgraphSdls, SUPERGRAPH_FILE } from "./compose";
import { loadRegistry } from "./registry";
import { startGateway, type RunningGateway } from "./server";

/** Composes the registry's subgraphs (their schemaFile SDLs) into `out`; returns what it wrote. */
export function composeToFile(config: Config, out: string = config.gateway.supergraphFile ?? SUPERGRAPH_FILE): { file: string; subgraphs: string[] } {
  const registry = loadRegistry(config.gateway);
  const sdl = composeSupergraph(readSubgraphSdls(registry));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, sdl);
  return { file: out, subgraphs: registry.map((s) => s.name) };
}

export async function runGateway(config: Config, log: Logger): Promise<RunningGateway> {
  const registry = loadRegistry(config.gateway);
  const file = config.gateway.supergraphFile ?? SUPERGRAPH_FILE;
  if (!fs.existsSync(file)) throw new ConfigError("GATEWAY_SUPERGRAPH_FILE", `(${file}) does not exist: run \`tppo-hub compose\``);
  const embedded = !config.databaseUrl;
  // Callers' tokens are checked as the hub checks them: its own issuer and AUTH_ISSUERS. Never the
  // gateway's own tokens: those are for subgraphs only.
  const hubKey = await loadHubKey(config.hubSigningKeyFile, { create: embedded });
  const issuers = [hubIssuer(hubKey, config.hubIssuer, config.hubAudience), ...parseIssuers(config.authIssuersJson).map(trustedIssuer)];
  const key = await loadHubKey(config.gateway.signingKeyFile, { create: embedded });
  const gateway = await startGateway({
    supergraph: fs.readFileSync(file, "utf8"),
    registry,
    auth: bearerAuthenticator(issuers),
    key,
    log,
    port: config.port,
    host: config.host,
    hubPassThrough: config.gateway.hubPassThrough,
  });
  log.info({ url: gateway.url, subgraphs: Object.fromEntries(registry.map((s) => [s.name, s.url])), jwks: new URL("/.well-known/jwks.json", gateway.url).toString() }, "TPPO gateway listening");
  return gateway;
}
