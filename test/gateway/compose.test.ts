// The committed supergraph: current, composable by both Federation v2 libraries, free of
// gateway-specific extensions; composition errors name the subgraph and the field.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { composeServices as apolloCompose } from "@apollo/composition";
import { Supergraph } from "@apollo/federation-internals";
import { parse } from "graphql";
import { composeSupergraph, CompositionError, readSubgraphSdls, SUPERGRAPH_FILE } from "../../src/gateway/compose";
import { demoRegistry } from "../../src/gateway/registry";
import { runCli } from "../support/cli";

const committed = () => fs.readFileSync(SUPERGRAPH_FILE, "utf8");
const subgraphs = () => readSubgraphSdls(demoRegistry());

describe("schema/supergraph.graphql", () => {
  it("is what the hub's and the example agencies' SDLs compose to (else: run `tppo-hub compose`)", () => {
    const fresh = composeSupergraph(subgraphs());
    if (fresh !== committed()) throw new Error("schema/supergraph.graphql is stale: run `npm run dev -- compose` (or `tppo-hub compose`), review the diff, commit");
  });

  it("composes with @theguild/federation-composition and with @apollo/composition, and Apollo reads the committed file as a supergraph", () => {
    expect(() => composeSupergraph(subgraphs())).not.toThrow();
    const apollo = apolloCompose(subgraphs().map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
    expect(apollo.errors?.map((e) => e.message)).toBeUndefined();
    const sg = Supergraph.build(committed());
    expect([...sg.subgraphs().names()].sort()).toEqual(["bp3mi", "hub", "imigrasi", "polda"]);
    // Both libraries see the same API: every type and field of one is in the other.
    const fields = (sdl: string) =>
      parse(sdl).definitions.flatMap((d) => ("fields" in d && d.fields && "name" in d ? d.fields.map((f) => `${d.name!.value}.${f.name.value}`) : [])).sort();
    expect(fields(apollo.supergraphSdl!).filter((f) => !f.startsWith("join__") && !f.startsWith("link__"))).toEqual(fields(committed()).filter((f) => !f.startsWith("join__") && !f.startsWith("link__")));
  });

  it("carries no gateway-specific extensions: only the link and join specifications", () => {
    const links = [...committed().matchAll(/@link\(url: "([^"]+)"/g)].map((m) => m[1]!.replace(/\/v[\d.]+$/, ""));
    expect([...new Set(links)].sort()).toEqual(["https://specs.apollo.dev/join", "https://specs.apollo.dev/link"]);
    const directives = parse(committed()).definitions.flatMap((d) => (d.kind === "DirectiveDefinition" ? [d.name.value] : []));
    for (const d of directives) expect(d).toMatch(/^(link|join__\w+)$/);
  });
});

describe("composition errors", () => {
  const conflicting = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
type Person @key(fields: "id") { id: ID! fullName: Int }`;

  it("name the subgraph and the conflicting field", () => {
    const hub = subgraphs().find((s) => s.name === "hub")!;
    let err: unknown;
    try {
      composeSupergraph([hub, { name: "bp3mi", url: "http://127.0.0.1:1/graphql", sdl: conflicting }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CompositionError);
    expect((err as CompositionError).problems).toContainEqual(expect.stringMatching(/Person\.fullName.*"bp3mi".*"hub".*\[FIELD_TYPE_MISMATCH\]/));
  });

  it("`tppo-hub compose` exits 1 naming them, and writes nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compose-"));
    fs.writeFileSync(path.join(dir, "bp3mi.graphql"), conflicting);
    const out = path.join(dir, "supergraph.graphql");
    const registry = [
      { name: "hub", url: "http://127.0.0.1:4001/graphql", agency: "TPPO-HUB", timeoutMs: 1000, schemaFile: path.resolve(__dirname, "../../schema/hub.graphql") },
      { name: "bp3mi", url: "http://127.0.0.1:4012/graphql", agency: "BP3MI-KALBAR", timeoutMs: 1000, schemaFile: path.join(dir, "bp3mi.graphql") },
    ];
    const r = await runCli(["compose", "--out", out], { GATEWAY_SUBGRAPHS: JSON.stringify(registry) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Person\.fullName.*"bp3mi"/);
    expect(fs.existsSync(out)).toBe(false);
    const ok = await runCli(["compose", "--out", out], { GATEWAY_SUBGRAPHS: JSON.stringify([registry[0]]) });
    expect({ code: ok.code, stdout: ok.stdout }).toEqual({ code: 0, stdout: expect.stringContaining("subgraphs: hub") });
    expect(fs.readFileSync(out, "utf8")).toContain('@join__graph(name: "hub"');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a registry mistake is one line naming the entry and field", async () => {
    const r = await runCli(["compose"], { GATEWAY_SUBGRAPHS: JSON.stringify([{ name: "BP3MI", url: "x", agency: "BP3MI-KALBAR", timeoutMs: 10 }]) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe("tppo-hub: Invalid configuration: GATEWAY_SUBGRAPHS 0.name: must be lower case letters, digits and _ (e.g. bp3mi), starting with a letter");
  });
});
