// `tppo-hub serve` and `tppo-hub gateway` as operators run them (compiled, child processes, real
// keys in files): the hub trusts the gateway from GATEWAY_SIGNING_KEY_FILE, the gateway verifies
// the hub's tokens and forwards the caller as a principal token.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadHubKey } from "../../src/auth/hub-key";
import { signPrincipalToken } from "../../src/federation/principal-token";
import { composeSupergraph } from "../../src/gateway/compose";
import { testHubKey } from "../support/hub";
import { runCli, startServe, type ServeProcess } from "../support/cli";
import { HUB_SDL_FILE, post } from "../support/gateway";

describe("tppo-hub gateway in front of tppo-hub serve", () => {
  let dir: string;
  let hub: ServeProcess;
  let gateway: ServeProcess;
  let token: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gateway-cli-"));
    const common = { DATA_DIR: path.join(dir, "data"), GATEWAY_SIGNING_KEY_FILE: path.join(dir, "gateway-key.pem"), HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info" };
    fs.mkdirSync(common.DATA_DIR);
    // The gateway's key first (as `npm start` does), so the hub can trust its public half.
    await loadHubKey(common.GATEWAY_SIGNING_KEY_FILE, { create: true });
    hub = await startServe(["--demo"], common);
    const supergraph = path.join(dir, "supergraph.graphql");
    fs.writeFileSync(supergraph, composeSupergraph([{ name: "hub", url: hub.url, sdl: fs.readFileSync(HUB_SDL_FILE, "utf8") }]));
    gateway = await startServe([], { ...common, GATEWAY_SUPERGRAPH_FILE: supergraph, GATEWAY_SUBGRAPHS: JSON.stringify([{ name: "hub", url: hub.url, agency: "TPPO-HUB", timeoutMs: 5000 }]) }, { command: "gateway" });
    const t = await runCli(["token", "--agency", "POLDA-KALBAR", "--roles", "police-investigator", "--purpose", "investigation"], common);
    token = t.stdout.trim();
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await hub?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers through the gateway what the hub answers, logging JSON lines only", async () => {
    const q = `{ cases(first: 3) { totalCount edges { node { id title participants { person { fullName } } } } } }`;
    const [direct, via] = [await post(hub.url, token, q), await post(gateway.url, token, q)];
    expect(direct.body.data.cases.totalCount).toBeGreaterThan(0);
    expect(via.body).toEqual(direct.body);
    expect(gateway.logs().map((r) => r.msg)).toContain("TPPO gateway listening");
  });

  it("the hub refuses a token with the gateway's issuer and audience signed by another key", async () => {
    // A token signed by a key the hub does not know, with the gateway's issuer and audience.
    const forged = await signPrincipalToken(await testHubKey(), { agency: "POLDA-KALBAR", subject: "x", roles: ["admin"], purpose: "administration", jurisdiction: [], issuer: "gateway" }, "hub");
    expect((await post(hub.url, forged, `{ __typename }`)).status).toBe(401);
  });

  it("serves /healthz, /readyz naming the hub and the JWKS the hub trusts", async () => {
    expect((await fetch(new URL("/healthz", gateway.url))).status).toBe(200);
    expect(await (await fetch(new URL("/readyz", gateway.url))).json()).toMatchObject({ status: "ready", subgraphs: { hub: { state: "up" } } });
    const jwks = (await (await fetch(new URL("/.well-known/jwks.json", gateway.url))).json()) as { keys: { kty: string; d?: string }[] };
    expect(jwks.keys.map((k) => [k.kty, k.d])).toEqual([["OKP", undefined]]);
  });

  it("a missing supergraph file is one line naming the variable and the fix", async () => {
    const r = await runCli(["gateway"], { DATA_DIR: path.join(dir, "data2"), PORT: "0", GATEWAY_SUPERGRAPH_FILE: path.join(dir, "nope.graphql"), GATEWAY_SUBGRAPHS: JSON.stringify([{ name: "hub", url: hub.url, agency: "TPPO-HUB", timeoutMs: 5000 }]) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tppo-hub: Invalid configuration: GATEWAY_SUPERGRAPH_FILE \(.*nope\.graphql\) does not exist: run `tppo-hub compose`\n$/);
  });
});
