// A real gateway in front of a real test hub, and tiny agency subgraphs built with
// @apollo/subgraph that verify the gateway's principal token (what the adapter kit does), all on
// loopback ports chosen by the OS.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { graphql, parse, print, type DocumentNode } from "graphql";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { hubIssuer } from "../../src/auth/issuers";
import { bearerAuthenticator } from "../../src/auth/verify-token";
import type { HubKey } from "../../src/auth/hub-key";
import type { Principal } from "../../src/auth/principal";
import { loadConfig } from "../../src/config";
import { gatewayIssuer, verifyPrincipalToken } from "../../src/federation/principal-token";
import { composeSupergraph } from "../../src/gateway/compose";
import { HUB_SUBGRAPH, type SubgraphEntry } from "../../src/gateway/registry";
import { startGateway, type RunningGateway } from "../../src/gateway/server";
import { createLogger } from "../../src/logger";
import type { Policy } from "../../src/policy/types";
import { startTestHub, testHubKey, type Backend, type TestHub } from "./hub";

export const HUB_SDL_FILE = path.resolve(__dirname, "../../schema/hub.graphql");

export interface TinySubgraph {
  name: string;
  url: string;
  sdl: string;
  /** Principals of the calls it accepted, in order. */
  calls: Principal[];
  /** Answer only after this many milliseconds (a slow system). */
  delayMs: number;
  stop(): Promise<void>;
}

/** A subgraph that refuses any call without a valid principal token for `name` (401, before parsing). */
export async function startTinySubgraph(o: { name: string; sdl: string; resolvers: GraphQLResolverMap<unknown>; gatewayKey: HubKey }): Promise<TinySubgraph> {
  const schema = buildSubgraphSchema({ typeDefs: parse(o.sdl), resolvers: o.resolvers });
  const issuer = gatewayIssuer({ keys: [o.gatewayKey.publicJwk] }, o.name);
  const sockets = new Set<import("node:net").Socket>();
  const sub: TinySubgraph = { name: o.name, url: "", sdl: o.sdl, calls: [], delayMs: 0, stop: async () => undefined };
  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/readyz") return send(200, { status: "ready" });
    let principal: Principal;
    try {
      principal = await verifyPrincipalToken(/^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "", issuer);
    } catch (err) {
      return send(401, { errors: [{ message: (err as Error).message, extensions: { code: "UNAUTHENTICATED" } }] });
    }
    let body = "";
    for await (const chunk of req) body += chunk;
    const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    sub.calls.push(principal);
    if (sub.delayMs) await new Promise((r) => setTimeout(r, sub.delayMs));
    const result = await graphql({ schema, source: query, variableValues: variables, contextValue: { principal } });
    if (!res.destroyed) send(200, result);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  sub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  sub.stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  return sub;
}

export interface TestGateway {
  gateway: RunningGateway;
  url: string;
  key: HubKey;
  supergraph: string;
  registry: SubgraphEntry[];
  stop(): Promise<void>;
}

/** A gateway for `hub` and `subgraphs`, trusting the hub's tokens from clients. */
export async function startTestGateway(
  hub: Pick<TestHub, "url" | "hubKey">,
  key: HubKey,
  subgraphs: Array<Pick<TinySubgraph, "name" | "url" | "sdl"> & { timeoutMs?: number }> = [],
  opts: { policy?: Policy; hubTimeoutMs?: number } = {},
): Promise<TestGateway> {
  const config = loadConfig({ ...process.env, DATABASE_URL: undefined } as NodeJS.ProcessEnv);
  const registry: SubgraphEntry[] = [
    { name: HUB_SUBGRAPH, url: hub.url, agency: "TPPO-HUB", timeoutMs: opts.hubTimeoutMs ?? 30_000 },
    ...subgraphs.map((s) => ({ name: s.name, url: s.url, agency: `${s.name.toUpperCase()}-TEST`, timeoutMs: s.timeoutMs ?? 2_000 })),
  ];
  const supergraph = composeSupergraph([{ name: HUB_SUBGRAPH, url: hub.url, sdl: fs.readFileSync(HUB_SDL_FILE, "utf8") }, ...subgraphs]);
  const gateway = await startGateway({
    supergraph,
    registry,
    auth: bearerAuthenticator([hubIssuer(hub.hubKey, config.hubIssuer, config.hubAudience)]),
    key,
    log: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    port: 0,
    host: "127.0.0.1",
    policy: opts.policy,
  });
  return { gateway, url: gateway.url, key, supergraph, registry, stop: () => gateway.stop() };
}

/** A test hub that trusts `gatewayKey` as the gateway issuer with audience `hub`. */
export async function startHubBehindGateway(backend: Backend, gatewayKey: HubKey): Promise<TestHub> {
  return startTestHub(backend, { extraIssuers: [gatewayIssuer({ keys: [gatewayKey.publicJwk] }, HUB_SUBGRAPH)] });
}

export { testHubKey };

/** POSTs `doc` to `url` with `token`; the raw text is kept for leak checks. */
export async function post(url: string, token: string | null, doc: string | DocumentNode, variables: Record<string, unknown> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: typeof doc === "string" ? doc : print(doc), variables }),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as { data?: any; errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }> } };
}
