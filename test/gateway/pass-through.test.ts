// The gateway's hub pass-through over real HTTP: an operation the hub answers alone reaches the hub
// exactly as the caller wrote it and its answer comes back byte for byte; an operation that touches
// another subgraph goes through Hive's planner. A recording proxy in front of the real hub shows
// which way each request went.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { backends, type TestHub } from "../support/hub";
import { post, startHubBehindGateway, startTestGateway, startTinySubgraph, testHubKey, type TestGateway, type TinySubgraph } from "../support/gateway";

const BP3MI_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
type Person @key(fields: "id") {
  id: ID!
  bp3miPlacements: [Bp3miPlacement!]
}
type Organization @key(fields: "id") {
  id: ID!
  p3miLicence: P3miLicence
}
type P3miLicence {
  licenceNumber: String!
  status: String
}
type Bp3miPlacement {
  idPmi: ID!
  workerName: String
  passportNumber: String
  destination: String
}
`;

interface Recorded {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string | null;
}

/** Forwards to `target`, recording each request body; `delayMs` holds answers back, `refuse` drops connections. */
async function recordingProxy(target: string) {
  const proxy = { calls: [] as Recorded[], delayMs: 0, refuse: false, url: "", stop: async () => {} };
  const server = http.createServer(async (req, res) => {
    if (proxy.refuse) return void req.socket.destroy();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    proxy.calls.push(JSON.parse(body) as Recorded);
    if (proxy.delayMs) await new Promise((r) => setTimeout(r, proxy.delayMs));
    const forwarded: Record<string, string> = {};
    for (const h of ["authorization", "content-type", "accept", "x-request-id"]) if (typeof req.headers[h] === "string") forwarded[h] = req.headers[h];
    const answer = await fetch(target, { method: "POST", headers: forwarded, body }).catch(() => null);
    if (!answer || res.destroyed) return void res.destroy();
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  proxy.stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}

describe.each(backends)("the gateway's hub pass-through on %s", (backend) => {
  let hub: TestHub;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let bp3mi: TinySubgraph;
  let gw: TestGateway;
  let personId: string;
  let token: string;

  beforeAll(async () => {
    const key = await testHubKey();
    hub = await startHubBehindGateway(backend, key);
    proxy = await recordingProxy(hub.url);
    bp3mi = await startTinySubgraph({
      name: "bp3mi",
      sdl: BP3MI_SDL,
      gatewayKey: key,
      resolvers: { Person: { __resolveReference: (ref: { id: string }) => ref, bp3miPlacements: () => [{ idPmi: "PMI-1", destination: "MY" }] } } as never,
    });
    gw = await startTestGateway({ url: proxy.url, hubKey: hub.hubKey }, key, [bp3mi], { hubTimeoutMs: 800 });
    const created = await hub.gql(`mutation { contributePerson(input: { externalId: "p1", sourceSystem: "SISKOP2MI", fullName: "Siti Aminah", documents: [{ type: NIK, number: "6171010101900001" }] }) { record { id } } }`);
    personId = created.body.data!.contributePerson.record.id;
    // An investigator outside the investigation purpose: the name comes back masked (extensions.masked).
    token = await hub.token({ roles: ["police-investigator"], agency: "POLDA-KALBAR", purpose: "statistics", jurisdiction: [] });
  });
  afterAll(async () => {
    await gw?.stop();
    await bp3mi?.stop();
    await proxy?.stop();
    await hub?.stop();
  });
  beforeEach(() => {
    proxy.calls.length = 0;
    proxy.delayMs = 0;
    proxy.refuse = false;
  });

  it("sends an operation the hub answers alone as the caller wrote it, and returns the hub's answer byte for byte", async () => {
    // The comment and layout survive only if the caller's text is forwarded, not a plan printed from it.
    const query = `# hub only\nquery Seen($id: ID!) { person(id: $id) { id fullName documents { type number } } regions { code } }`;
    const [direct, via] = [await post(hub.url, token, query, { id: personId }), await post(gw.url, token, query, { id: personId })];
    expect(proxy.calls).toEqual([{ query, variables: { id: personId } }]);
    expect((direct.body as { extensions?: { masked?: string[] } }).extensions?.masked).toEqual(expect.arrayContaining(["person.fullName"]));
    expect(via.status).toBe(direct.status);
    expect(via.text).toBe(direct.text);
  });

  it("passes the hub's whole-document refusal through with its status", async () => {
    const analyst = await hub.token({ roles: ["ngo-analyst"], agency: "YAYASAN-PEDULI", purpose: "statistics", jurisdiction: [] });
    const query = `{ persons(first: 1, filter: { nameContains: "Siti" }) { totalCount } }`;
    const [direct, via] = [await post(hub.url, analyst, query), await post(gw.url, analyst, query)];
    expect(direct.status).toBe(403);
    expect(proxy.calls.map((c) => c.query)).toEqual([query]);
    expect([via.status, via.text]).toEqual([direct.status, direct.text]);
  });

  it.each([
    ["a field of another subgraph", `query Mixed($id: ID!) { person(id: $id) { fullName bp3miPlacements { idPmi } } }`],
    ["introspection", `query Mixed { __type(name: "Person") { name } regions { code } }`],
  ])("plans an operation with %s through Hive, never forwarding the caller's text", async (_name, query) => {
    const admin = await hub.token();
    const r = await post(gw.url, admin, query, { id: personId });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(proxy.calls.length).toBeGreaterThan(0);
    expect(proxy.calls.map((c) => c.query)).not.toContain(query);
  });

  it.each([
    ["slow", `did not answer within 800 ms`],
    ["down", `is unavailable`],
  ])("a %s hub: the operation's fields are null with an error naming it", async (state, says) => {
    if (state === "slow") proxy.delayMs = 1500;
    else proxy.refuse = true;
    const started = Date.now();
    const r = await post(gw.url, token, `query($id: ID!) { person(id: $id) { id } }`, { id: personId });
    expect(Date.now() - started).toBeLessThan(1400);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ person: null });
    expect(r.body.errors).toMatchObject([{ message: `Subgraph "hub" (TPPO-HUB) ${says}; its fields are null`, path: ["person"], extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "hub", agency: "TPPO-HUB" } }]);
    expect(r.text).not.toContain("127.0.0.1");
  });
});
