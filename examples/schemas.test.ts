// Every example's SDL (examples/*/schema.graphql) composes with the hub's into one supergraph,
// under both composition libraries, and the supergraph carries what the examples add.
import fs from "node:fs";
import path from "node:path";
import { composeServices as apolloCompose } from "@apollo/composition";
import { composeServices } from "@theguild/federation-composition";
import { parse } from "graphql";

const root = path.join(__dirname, "..");
const services = [
  { name: "hub", typeDefs: parse(fs.readFileSync(path.join(root, "schema/hub.graphql"), "utf8")), url: "http://127.0.0.1:4001/graphql" },
  ...fs
    .readdirSync(__dirname)
    .filter((d) => fs.existsSync(path.join(__dirname, d, "schema.graphql")))
    .map((d) => ({ name: d, typeDefs: parse(fs.readFileSync(path.join(__dirname, d, "schema.graphql"), "utf8")), url: `http://127.0.0.1/${d}` })),
];

describe("example subgraph SDLs", () => {
  it("include BP3MI's and Imigrasi's", () => {
    expect(services.map((s) => s.name)).toEqual(expect.arrayContaining(["bp3mi", "imigrasi"]));
  });

  it("compose with the hub's under @theguild/federation-composition", () => {
    const result = composeServices(services);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    const sdl = result.supergraphSdl!;
    for (const field of ["bp3miPlacements: [Bp3miPlacement!]", "p3miLicence: P3miLicence", "borderCrossings: [ImigrasiCrossing!]"]) expect(sdl).toContain(field);
  });

  it("compose with the hub's under @apollo/composition, without hints about the hub's shared types", () => {
    const result = apolloCompose(services);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    // Shared types (Person, Organization, IdentityDocumentType, CrossingDirection, the scalars) keep the hub's descriptions.
    expect((result.hints ?? []).map((h) => h.message).filter((m) => /inconsistent descriptions/.test(m))).toEqual([]);
  });
});
