// Runs one example agency system as its own process, as the agency would run it:
//   node --import tsx examples/agency.ts bp3mi|imigrasi|polda
// Settings from the environment:
//   GATEWAY_JWKS (the gateway's public JWK set, JSON) or GATEWAY_JWKS_URL (its /.well-known/jwks.json)
//   HUB_URL      the hub's base URL, for the audit hand-off (POST /federation/audit)
//   PORT, HOST   where the subgraph listens (default: the agency's port of `npm start`, 127.0.0.1)
//   BP3MI_REST_PORT  BP3MI's REST service (default 4011); DATABASE_URL  Imigrasi's PostgreSQL
//   (default PGlite in memory); POLDA_DATA_DIR  Polda's register on disk (default in memory)
// Logs JSON lines on stdout; the "... subgraph listening" record carries its `url`.
import { createLogger } from "../src/logger";
import type { JSONWebKeySet } from "jose";
import type { GatewayKeys } from "../src/federation";
import { BP3MI_REST_PORT, BP3MI_SUBGRAPH_PORT, startBp3mi } from "./bp3mi/start";
import { IMIGRASI_SUBGRAPH_PORT, startImigrasi } from "./imigrasi/start";
import { POLDA_SUBGRAPH_PORT, startPolda } from "./polda/start";

const AGENCIES = ["bp3mi", "imigrasi", "polda"] as const;
type Agency = (typeof AGENCIES)[number];

function fail(message: string): never {
  process.stderr.write(`agency: ${message}\n`);
  process.exit(1);
}

function gatewayKeys(env: NodeJS.ProcessEnv): GatewayKeys {
  if (env.GATEWAY_JWKS_URL) return { jwksUrl: env.GATEWAY_JWKS_URL };
  if (!env.GATEWAY_JWKS) fail("GATEWAY_JWKS (the gateway's public JWK set) or GATEWAY_JWKS_URL must be set");
  try {
    const jwks = JSON.parse(env.GATEWAY_JWKS) as { keys?: unknown };
    if (!Array.isArray(jwks.keys)) throw new Error();
    return { jwks: jwks as JSONWebKeySet };
  } catch {
    fail('GATEWAY_JWKS must be a JSON Web Key Set ({"keys":[...]})');
  }
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) fail(`${name} must be a port number (0-65535), got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const agency = process.argv[2] as Agency;
  if (!AGENCIES.includes(agency)) fail(`name the agency system to run: ${AGENCIES.join(", ")}`);
  const env = process.env;
  const log = createLogger().child({ agency });
  const gateway = gatewayKeys(env);
  if (!env.HUB_URL) fail("HUB_URL (the hub's base URL, for the audit hand-off) must be set");
  let hubAuditUrl: string;
  try {
    hubAuditUrl = new URL("/federation/audit", env.HUB_URL).toString();
  } catch {
    fail(`HUB_URL must be a URL, got "${env.HUB_URL}"`);
  }
  const host = env.HOST || "127.0.0.1";
  const common = { gateway, hubAuditUrl, host, log };
  const started =
    agency === "bp3mi"
      ? await startBp3mi(port(env.PORT, BP3MI_SUBGRAPH_PORT, "PORT"), { ...common, restPort: port(env.BP3MI_REST_PORT, BP3MI_REST_PORT, "BP3MI_REST_PORT") })
      : agency === "imigrasi"
        ? await startImigrasi(port(env.PORT, IMIGRASI_SUBGRAPH_PORT, "PORT"), { ...common, databaseUrl: env.DATABASE_URL || undefined })
        : await startPolda(port(env.PORT, POLDA_SUBGRAPH_PORT, "PORT"), { ...common, dataDir: env.POLDA_DATA_DIR || undefined });
  log.info({ url: started.url, ...("rest" in started ? { restUrl: started.rest.url } : {}) }, `${agency} subgraph listening`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${agency} subgraph stopping`);
    await started.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err: Error) => fail(err.message));
