// The whole demo federation on one machine: the hub, the three example agency systems and the
// gateway in front of them, each its own process (as each agency runs its own), on loopback.
// `npm start` (examples/start.ts) runs it on the fixed ports of FEDERATION.md; the end-to-end test
// (test/federation/e2e.test.ts) on free ports. The hub and the gateway run compiled
// (bin/tppo-hub.cjs); the examples are source for agency developers to read and run through tsx.
import fs from "node:fs";
import path from "node:path";
import { loadHubKey } from "../src/auth/hub-key";
import { composeSupergraph, readSubgraphSdls, SUPERGRAPH_FILE } from "../src/gateway/compose";
import { demoRegistry } from "../src/gateway/registry";
import { childEnv, startService, type Service } from "./service-process";

export const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin/tppo-hub.cjs");

export type ServiceName = "hub" | "bp3mi" | "imigrasi" | "polda" | "gateway";

/** Ports of `npm start`: the gateway where the hub used to be, so the README's curls keep working. */
export const DEMO_PORTS: Record<ServiceName | "bp3miRest", number> = {
  gateway: 4000,
  hub: 4001,
  /** BP3MI's REST service, run by the bp3mi process behind its subgraph. */
  bp3miRest: 4011,
  bp3mi: 4012,
  imigrasi: 4013,
  polda: 4014,
};

export interface FederationOptions {
  /** The hub's DATA_DIR (embedded database, signing key, demo-tokens.txt); also holds the gateway's key and the logs. */
  dataDir: string;
  /** Default DEMO_PORTS; 0 picks a free port. */
  ports?: Partial<Record<keyof typeof DEMO_PORTS, number>>;
  /** The hub on PostgreSQL (migrated at start) instead of its embedded database. */
  hubDatabaseUrl?: string;
  /** Imigrasi's crossing records in this PostgreSQL database instead of an in-memory PGlite. */
  imigrasiDatabaseUrl?: string;
  /** Directory of each process's log file (`<service>.log`); default DATA_DIR/logs. */
  logDir?: string;
  logLevel?: string;
  /** Environment passed to every process (on top of this one's, minus the hub's variables). */
  env?: Record<string, string>;
}


export interface Federation {
  gatewayUrl: string;
  services: Record<ServiceName, Service>;
  /** label -> token, as the hub wrote them to DATA_DIR/demo-tokens.txt. */
  demoTokens: Record<string, string>;
  demoTokensFile: string;
  stop(): Promise<void>;
}

/** An example agency system, run from source through tsx (examples/agency.ts). */
const agency = (name: string) => [process.execPath, "--import", "tsx", path.join(ROOT, "examples/agency.ts"), name];

/** label -> token from DATA_DIR/demo-tokens.txt (lines "<label> <token>" after the comments). */
export function readDemoTokens(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^(\S+)\s+(\S+)$/.exec(line.trim());
    if (m && !line.startsWith("#")) out[m[1]!] = m[2]!;
  }
  return out;
}

export async function startFederation(opts: FederationOptions): Promise<Federation> {
  const dataDir = path.resolve(opts.dataDir);
  const logDir = opts.logDir ?? path.join(dataDir, "logs");
  const port = (s: keyof typeof DEMO_PORTS) => String(opts.ports?.[s] ?? DEMO_PORTS[s]);
  const common = { HOST: "127.0.0.1", LOG_LEVEL: opts.logLevel ?? "info", ...opts.env };
  // The gateway's key: made here first, so every subgraph is told whom to trust before it starts.
  const gatewayKeyFile = path.join(dataDir, "gateway-signing-key.pem");
  const hubKeyFile = path.join(dataDir, "hub-signing-key.pem");
  const gatewayKey = await loadHubKey(gatewayKeyFile, { create: true });
  // On PostgreSQL the hub never generates its key: the demo does, as an operator would.
  await loadHubKey(hubKeyFile, { create: true });
  const gatewayJwks = JSON.stringify({ keys: [gatewayKey.publicJwk] });

  const started: Service[] = [];
  const stopAll = async () => {
    await Promise.all(started.map((s) => s.stop()));
  };
  const add = async (p: Promise<Service>) => {
    const s = await p;
    started.push(s);
    return s;
  };
  try {
    const startHubProcess = () =>
      add(
        startService(
          "hub",
          [process.execPath, BIN, "serve", "--demo", ...(opts.hubDatabaseUrl ? ["--migrate"] : [])],
          childEnv({ ...common, PORT: port("hub"), DATA_DIR: dataDir, DATABASE_URL: opts.hubDatabaseUrl, HUB_SIGNING_KEY_FILE: hubKeyFile, GATEWAY_JWKS: gatewayJwks }),
          logDir,
        ),
      );
    const startAgencies = (hubOrigin: string) => {
      const agencyEnv = { ...common, GATEWAY_JWKS: gatewayJwks, HUB_URL: hubOrigin };
      return [
        add(startService("bp3mi", agency("bp3mi"), childEnv({ ...agencyEnv, PORT: port("bp3mi"), BP3MI_REST_PORT: port("bp3miRest") }), logDir)),
        add(startService("imigrasi", agency("imigrasi"), childEnv({ ...agencyEnv, PORT: port("imigrasi"), DATABASE_URL: opts.imigrasiDatabaseUrl }), logDir)),
        add(startService("polda", agency("polda"), childEnv({ ...agencyEnv, PORT: port("polda") }), logDir)),
      ];
    };
    // The agency systems need the hub's address only for their audit hand-off: with a fixed hub
    // port everything starts at once; with a free one (tests), once the hub says where it listens.
    const hubPort = Number(port("hub"));
    const starting = hubPort ? [startHubProcess(), ...startAgencies(`http://127.0.0.1:${hubPort}`)] : [startHubProcess()];
    if (!hubPort) {
      const first = await Promise.allSettled(starting);
      if (first[0]!.status === "fulfilled") starting.push(...startAgencies(first[0]!.value.origin));
    }
    // If one part fails, the others (started or starting) are stopped too.
    const outcome = await Promise.allSettled(starting);
    const failed = outcome.find((a): a is PromiseRejectedResult => a.status === "rejected");
    if (failed) throw failed.reason;
    const [hub, bp3mi, imigrasi, polda] = outcome.map((a) => (a as PromiseFulfilledResult<Service>).value) as [Service, Service, Service, Service];
    const urls: Record<string, string> = { hub: hub.url, bp3mi: bp3mi.url, imigrasi: imigrasi.url, polda: polda.url };
    // The gateway's demo registry (names, owners, timeouts, SDLs), at the addresses they listen on now.
    const registry = demoRegistry().map((entry) => ({ ...entry, url: urls[entry.name]! }));
    // The committed supergraph (a test keeps it equal to these SDLs composed); a checkout without
    // it composes the same SDLs here.
    let supergraphFile = SUPERGRAPH_FILE;
    if (!fs.existsSync(supergraphFile)) {
      supergraphFile = path.join(dataDir, "supergraph.graphql");
      fs.writeFileSync(supergraphFile, composeSupergraph(readSubgraphSdls(registry)));
    }
    const gateway = await add(
      startService(
        "gateway",
        [process.execPath, BIN, "gateway"],
        childEnv({ ...common, PORT: port("gateway"), DATA_DIR: dataDir, GATEWAY_SUBGRAPHS: JSON.stringify(registry), GATEWAY_SUPERGRAPH_FILE: supergraphFile, GATEWAY_SIGNING_KEY_FILE: gatewayKeyFile, HUB_SIGNING_KEY_FILE: hubKeyFile }),
        logDir,
      ),
    );
    const demoTokensFile = path.join(dataDir, "demo-tokens.txt");
    return {
      gatewayUrl: gateway.url,
      services: { hub, bp3mi, imigrasi, polda, gateway },
      demoTokens: readDemoTokens(demoTokensFile),
      demoTokensFile,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
