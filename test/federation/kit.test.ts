// The adapter kit (src/federation/) on a tiny Imigrasi subgraph over real HTTP, with real
// Ed25519 principal tokens and the real hub (PGlite and PostgreSQL) taking its audit hand-off.
import fs from "node:fs";
import path from "node:path";
import { parse } from "graphql";
import { composeServices } from "@theguild/federation-composition";
import { createSubgraph, signPrincipalToken, SubgraphConfigError, documentNumbers, inJurisdiction, sourceUnavailable, type PersonRepresentation, type Subgraph, type SubgraphContext } from "../../src/federation";
import { POLICY } from "../../src/policy/rules";
import type { Policy } from "../../src/policy/types";
import type { Principal } from "../../src/auth/principal";
import type { HubKey } from "../../src/auth/hub-key";
import { createLogger } from "../../src/logger";
import { insertPolicyFixture, tokenFor, SITI, DEWI, type PolicyFixture } from "../policy/fixture";
import { backends, startTestHub, testHubKey, type TestHub } from "../support/hub";
import type { Role, Purpose } from "../../src/policy/roles";

jest.setTimeout(60_000);

const SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@external", "@requires"])
  type Person @key(fields: "id") {
    id: ID!
    documents: [IdentityDocument!]! @external
    identityProtected: Boolean @external
    borderCrossings: [ImigrasiCrossing!] @requires(fields: "documents { type number } identityProtected")
  }
  type IdentityDocument {
    type: IdentityDocumentType! @external
    number: String @external
  }
  enum IdentityDocumentType { NIK PASSPORT KK PLB SPLP ID_PMI OTHER }
  type ImigrasiCrossing {
    id: ID!
    travellerName: String
    passportNumber: String
    direction: String!
    checkpoint: String!
  }
`;

/** Imigrasi's own rows (its own column names). */
const DEWI_PASSPORT = "B1112223";
const ROWS = [
  { no_perlintasan: "X1", no_paspor: SITI.passport, nama: SITI.fullName, arah: "KELUAR", tpi: "PLBN Entikong", kode_wilayah: "61.03.21" },
  { no_perlintasan: "X2", no_paspor: SITI.passport, nama: SITI.fullName, arah: "MASUK", tpi: "TPI Nunukan", kode_wilayah: "65.03" },
  { no_perlintasan: "X3", no_paspor: DEWI_PASSPORT, nama: DEWI.fullName, arah: "KELUAR", tpi: "PLBN Entikong", kode_wilayah: "61.03.21" },
];
type Row = (typeof ROWS)[number];

interface Source {
  batches: string[][];
  fail?: "down" | "bug";
}

function imigrasiSubgraph(gateway: HubKey, hubAuditUrl: string, source: Source, extra: Partial<Parameters<typeof createSubgraph>[0]> = {}): Subgraph {
  return createSubgraph({
    name: "imigrasi",
    typeDefs: SDL,
    resolvers: {
      Person: {
        borderCrossings: async (person, _args, ctx: SubgraphContext) => {
          const rows = await ctx
            .loader("byPassport", async (numbers: readonly string[]) => {
              source.batches.push([...numbers]);
              if (source.fail === "down") throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
              if (source.fail === "bug") throw new Error("relation crossings_x does not exist at /srv/imigrasi/db.ts:12");
              return numbers.map((n) => ROWS.filter((r) => r.no_paspor === n));
            })
            .loadMany(documentNumbers(person, "PASSPORT"));
          return rows.flatMap((r) => {
            if (r instanceof Error) throw r;
            return r as Row[];
          });
        },
      },
      ImigrasiCrossing: {
        id: (r: Row) => r.no_perlintasan,
        travellerName: (r: Row) => r.nama,
        passportNumber: (r: Row) => r.no_paspor,
        direction: (r: Row) => (r.arah === "KELUAR" ? "EXIT" : "ENTRY"),
        checkpoint: (r: Row) => r.tpi,
      },
    },
    scopes: {
      inJurisdiction: (r: Row, p: Principal) => inJurisdiction(r.kode_wilayah, p),
    },
    recordIds: { ImigrasiCrossing: (r: Row) => r.no_perlintasan },
    gateway: { jwks: { keys: [gateway.publicJwk] } },
    hubAuditUrl,
    log: createLogger("silent"),
    ...extra,
  });
}

const QUERY = `query Crossings($r: [_Any!]!) { _entities(representations: $r) { ... on Person { borderCrossings { id travellerName passportNumber direction checkpoint } } } }`;

async function post(url: string, body: unknown, token?: string, raw?: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe.each(backends)("adapter kit (%s)", (backend) => {
  let hub: TestHub;
  let fx: PolicyFixture;
  let gateway: HubKey;
  let source: Source;
  let sg: Subgraph;
  let url: string;

  const principal = (role: Role, purpose?: Purpose): Principal => {
    const t = tokenFor(role, purpose);
    return { ...t, subject: `${role}-1`, roles: t.roles, issuer: "test" } as Principal;
  };
  const tokenAs = (role: Role, purpose?: Purpose, audience = "imigrasi") => signPrincipalToken(gateway, principal(role, purpose), audience, `req-${role}`);
  const sitiRep = (identityProtected: boolean | null) => ({ __typename: "Person", id: fx.siti, documents: [{ type: "PASSPORT", number: SITI.passport }], identityProtected });
  const dewiRep = (identityProtected: boolean) => ({ __typename: "Person", id: fx.dewi, documents: [{ type: "PASSPORT", number: DEWI_PASSPORT }], identityProtected });
  const auditEntries = () => hub.db.prisma.auditEntry.findMany({ where: { operationName: { startsWith: "subgraph imigrasi" } }, orderBy: { seq: "asc" } });

  beforeAll(async () => {
    gateway = await testHubKey();
    hub = await startTestHub(backend, { server: { gatewayKeys: { keys: [gateway.publicJwk] } } });
    fx = await insertPolicyFixture(hub.db.prisma);
    source = { batches: [] };
    sg = imigrasiSubgraph(gateway, `http://127.0.0.1:${hub.server.port}/federation/audit`, source);
    ({ url } = await sg.listen({ port: 0 }));
  });
  afterAll(async () => {
    await sg?.stop();
    await hub?.stop();
  });
  beforeEach(() => {
    source.batches = [];
    delete source.fail;
  });

  test("refuses every call without the gateway's token for this subgraph, before parsing; health stays open", async () => {
    const hubToken = await hub.token();
    const cases: [string, string | undefined][] = [
      ["no token", undefined],
      ["the hub's own token", hubToken],
      ["a gateway token for another subgraph", await tokenAs("immigration-officer", undefined, "bp3mi")],
      ["a token signed by another key", await signPrincipalToken(await testHubKey(), principal("immigration-officer"), "imigrasi")],
    ];
    for (const [what, token] of cases) {
      // Not even JSON: refused for the token, never parsed.
      const r = await post(url, null, token, "{not json");
      expect([what, r.status, r.body.errors[0].extensions.code]).toEqual([what, 401, "UNAUTHENTICATED"]);
      const s = await post(url, { query: "{ _service { sdl } }" }, token);
      expect([what, s.status]).toEqual([what, 401]);
    }
    expect(source.batches).toEqual([]);
    for (const p of ["/healthz", "/readyz"]) {
      const res = await fetch(url.replace("/graphql", p));
      expect([p, res.status]).toEqual([p, 200]);
    }
  });

  test("with the gateway's token, _service answers the SDL; /readyz reports the source", async () => {
    const r = await post(url, { query: "{ _service { sdl } }" }, await tokenAs("immigration-officer"));
    expect(r.body.data._service.sdl).toContain("borderCrossings: [ImigrasiCrossing!]");
    const broken = imigrasiSubgraph(gateway, "http://127.0.0.1:9/", source, {
      ready: () => {
        throw new Error("connect ECONNREFUSED 10.0.0.5:5432");
      },
    });
    const { url: brokenUrl } = await broken.listen({ port: 0 });
    try {
      const res = await fetch(brokenUrl.replace("/graphql", "/readyz"));
      const body = (await res.json()) as { ready: boolean; subgraph: string };
      expect([res.status, body.ready, body.subgraph]).toEqual([503, false, "imigrasi"]);
      expect(JSON.stringify(body)).not.toContain("10.0.0.5");
    } finally {
      await broken.stop();
    }
  });

  test("the hub tells each caller whether a person's identity is protected (Person.identityProtected)", async () => {
    const q = `query($id: ID!) { person(id: $id) { identityProtected } }`;
    const ask = async (role: Role, id: string, purpose?: Purpose) => (await hub.gql(q, { id }, { token: await hub.token(tokenFor(role, purpose)) })).body.data?.person?.identityProtected;
    expect(await ask("immigration-officer", fx.dewi)).toBe(true); // child victim, Imigrasi not exempt
    expect(await ask("immigration-officer", fx.siti)).toBe(false); // adult, consented to every agency
    expect(await ask("police-investigator", fx.dewi)).toBe(false); // exempt in its investigation
    expect(await ask("police-investigator", fx.dewi, "statistics")).toBe(true);
    // Consent: Rina did not consent to share with Dinas Sosial, which sees her through a referral.
    expect(await ask("social-worker", fx.rina)).toBe(true);
    expect(await ask("social-worker", fx.siti)).toBe(false);
  });

  test("grants, purposes, protections and row scopes applied inside the subgraph; _entities batched", async () => {
    // Immigration officer, border control: every crossing (rows "all").
    const im = await post(url, { query: QUERY, variables: { r: [sitiRep(false), dewiRep(true)] } }, await tokenAs("immigration-officer"));
    expect(im.status).toBe(200);
    expect(im.body.errors).toBeUndefined();
    expect(im.body.data._entities).toEqual([
      {
        borderCrossings: [
          { id: "X1", travellerName: SITI.fullName, passportNumber: SITI.passport, direction: "EXIT", checkpoint: "PLBN Entikong" },
          { id: "X2", travellerName: SITI.fullName, passportNumber: SITI.passport, direction: "ENTRY", checkpoint: "TPI Nunukan" },
        ],
      },
      // Dewi was a child: the hub says protected, so the subgraph masks its own identity values of her.
      { borderCrossings: [{ id: "X3", travellerName: "D. A. L.", passportNumber: "B1****23", direction: "EXIT", checkpoint: "PLBN Entikong" }] },
    ]);
    // One lookup in the agency's source for both representations.
    expect(source.batches).toEqual([[SITI.passport, DEWI_PASSPORT]]);

    // Police investigator, jurisdiction 61 (Kalimantan Barat): the adapter's inJurisdiction scope drops Nunukan (65.03).
    const pi = await post(url, { query: QUERY, variables: { r: [sitiRep(false)] } }, await tokenAs("police-investigator"));
    expect(pi.body.data._entities[0].borderCrossings.map((c: any) => [c.id, c.travellerName])).toEqual([["X1", SITI.fullName]]);

    // Prosecutor: all rows; outside its purpose the identity grant is initials.
    const pr = await post(url, { query: QUERY, variables: { r: [sitiRep(false)] } }, await tokenAs("prosecutor", "statistics"));
    expect(pr.body.data._entities[0].borderCrossings.map((c: any) => [c.id, c.travellerName, c.passportNumber])).toEqual([
      ["X1", "S. R. K.", "C7****21"],
      ["X2", "S. R. K.", "C7****21"],
    ]);

    // No verdict from the hub (identityProtected absent) and a caller not exempt: protected, fail closed.
    const unknown = await post(url, { query: QUERY, variables: { r: [sitiRep(null)] } }, await tokenAs("immigration-officer"));
    expect(unknown.body.data._entities[0].borderCrossings[0].travellerName).toBe("S. R. K.");

    // Two hub persons with the same passport (a duplicate record), one protected: the adapter's loader
    // returns the same row objects for both, and the protected person's view must still be masked.
    const twin = { ...dewiRep(true), documents: [{ type: "PASSPORT", number: SITI.passport }] };
    const shared = await post(url, { query: QUERY, variables: { r: [sitiRep(false), twin] } }, await tokenAs("immigration-officer"));
    expect(shared.body.data._entities[1].borderCrossings.map((c: any) => c.travellerName)).toEqual(["S. R. K.", "S. R. K."]);

    // A masked number (what a caller sees masked) matches nothing.
    const masked = await post(url, { query: QUERY, variables: { r: [{ ...sitiRep(false), documents: [{ type: "PASSPORT", number: "C7****21" }] }] } }, await tokenAs("immigration-officer"));
    expect(masked.body.data._entities[0].borderCrossings).toEqual([]);

    // Roles without a grant: null and FORBIDDEN naming the coordinate, nothing read.
    for (const role of ["ngo-analyst", "social-worker", "auditor"] as Role[]) {
      source.batches = [];
      const r = await post(url, { query: QUERY, variables: { r: [sitiRep(false)] } }, await tokenAs(role));
      expect([role, r.body.data._entities[0].borderCrossings]).toEqual([role, null]);
      expect(r.body.errors[0].extensions.code).toBe("FORBIDDEN");
      expect(r.body.errors[0].message).toContain("Person.borderCrossings");
      expect(source.batches).toEqual([]);
    }
  });

  test("row scopes hold for rows returned as an interface or union too", async () => {
    const section = POLICY.subgraphs.imigrasi!;
    const policy: Policy = {
      ...POLICY,
      subgraphs: { ...POLICY.subgraphs, imigrasi: { ...section, types: { ...section.types, Person: { about: "test", fields: { ...section.types.Person!.fields, movements: { "police-investigator": "allow" } } } } } },
    };
    const unionSg = imigrasiSubgraph(gateway, `http://127.0.0.1:${hub.server.port}/federation/audit`, source, {
      policy,
      typeDefs: SDL.replace("borderCrossings:", 'movements: [Movement!] @requires(fields: "documents { type number } identityProtected")\n    borderCrossings:') + "\n union Movement = ImigrasiCrossing",
      resolvers: {
        Person: { movements: (person: PersonRepresentation) => ROWS.filter((r) => documentNumbers(person, "PASSPORT").includes(r.no_paspor)) },
        Movement: { __resolveType: () => "ImigrasiCrossing" },
        ImigrasiCrossing: { id: (r: Row) => r.no_perlintasan, direction: (r: Row) => r.arah, checkpoint: (r: Row) => r.tpi },
      },
    });
    const { url: unionUrl } = await unionSg.listen({ port: 0 });
    try {
      const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { movements { ... on ImigrasiCrossing { id } } } } }`;
      const r = await post(unionUrl, { query: q, variables: { r: [sitiRep(false)] } }, await tokenAs("police-investigator"));
      expect(r.body.data._entities[0].movements).toEqual([{ id: "X1" }]); // X2 (Nunukan, 65.03) is outside jurisdiction 61
    } finally {
      await unionSg.stop();
    }
  });

  test("every sensitive release is on the hub's audit log naming the subgraph", async () => {
    const before = (await auditEntries()).length;
    const r = await post(url, { query: QUERY, operationName: "Crossings", variables: { r: [sitiRep(false), dewiRep(true)] } }, await tokenAs("immigration-officer"));
    expect(r.body.errors).toBeUndefined();
    const entries = (await auditEntries()).slice(before);
    expect(entries.map((e) => [e.operationName, e.action, e.recordType, e.recordIds, e.fields, e.decision, e.agency, e.requestId])).toEqual([
      ["subgraph imigrasi: Crossings", "READ", "ImigrasiCrossing", ["X1", "X2"], ["passportNumber", "travellerName"], "ALLOW", "IMIGRASI-ENTIKONG", "req-immigration-officer"],
      ["subgraph imigrasi: Crossings", "READ", "ImigrasiCrossing", ["X3"], ["passportNumber", "travellerName"], "MASK", "IMIGRASI-ENTIKONG", "req-immigration-officer"],
    ]);
    // Refusals are recorded too.
    await post(url, { query: QUERY, variables: { r: [sitiRep(false)] } }, await tokenAs("ngo-analyst"));
    const denied = (await auditEntries()).slice(before + 2);
    expect(denied.map((e) => [e.action, e.recordType, e.fields, e.decision, e.roles])).toEqual([["DENIED", "Person", ["borderCrossings"], "DENY", ["ngo-analyst"]]]);
  });

  test("fail closed: when the hub does not take the hand-off, sensitive values are withheld with an error naming the cause", async () => {
    const closed = imigrasiSubgraph(gateway, "http://127.0.0.1:9/federation/audit", source);
    const { url: closedUrl } = await closed.listen({ port: 0 });
    try {
      const r = await post(closedUrl, { query: QUERY, variables: { r: [sitiRep(false)] } }, await tokenAs("police-investigator"));
      expect(r.body.data._entities[0].borderCrossings).toEqual([{ id: "X1", travellerName: null, passportNumber: null, direction: "EXIT", checkpoint: "PLBN Entikong" }]);
      expect(r.body.errors.map((e: any) => [e.path.join("."), e.extensions.code])).toEqual([
        ["_entities.0.borderCrossings.0.travellerName", "SERVICE_UNAVAILABLE"],
        ["_entities.0.borderCrossings.0.passportNumber", "SERVICE_UNAVAILABLE"],
      ]);
      expect(r.body.errors[0].message).toContain("audit");
      expect(JSON.stringify(r.body)).not.toContain(SITI.fullName);
    } finally {
      await closed.stop();
    }
  });

  test("errors leave with the hub's codes: an unreachable source is SERVICE_UNAVAILABLE naming the subgraph, a bug is INTERNAL without its text", async () => {
    source.fail = "down";
    const down = await post(url, { query: QUERY, variables: { r: [sitiRep(false)] } }, await tokenAs("immigration-officer"));
    expect(down.body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
    expect(down.body.errors[0].message).toContain("imigrasi");
    source.fail = "bug";
    const bug = await post(url, { query: QUERY, variables: { r: [sitiRep(false)] } }, await tokenAs("immigration-officer"));
    expect(bug.body.errors[0].extensions.code).toBe("INTERNAL");
    expect(JSON.stringify(bug.body)).not.toMatch(/crossings_x|\/srv/);
    expect(sourceUnavailable("imigrasi").extensions.code).toBe("SERVICE_UNAVAILABLE");
  });

  test("the hub's audit endpoint refuses bad hand-offs with the field path, and tokens not from the gateway", async () => {
    const auditUrl = `http://127.0.0.1:${hub.server.port}/federation/audit`;
    const token = await tokenAs("immigration-officer");
    const bad = await post(auditUrl, { entries: [{ action: "READ", recordType: "ImigrasiCrossing", recordId: "X1", fields: ["travellerName"], decision: "DENY" }] }, token);
    expect([bad.status, bad.body.errors[0].extensions.code, bad.body.errors[0].message]).toEqual([400, "BAD_USER_INPUT", expect.stringContaining("entries.0.decision")]);
    const foreign = await post(auditUrl, { entries: [{ action: "READ", recordType: "Bp3miPlacement", recordId: "P1", fields: ["workerName"], decision: "ALLOW" }] }, token);
    expect([foreign.status, foreign.body.errors[0].message]).toEqual([400, expect.stringContaining("not a type of subgraph imigrasi")]);
    const hubField = await post(auditUrl, { entries: [{ action: "READ", recordType: "Person", recordId: fx.siti, fields: ["borderCrossings", "fullName"], decision: "ALLOW" }] }, token);
    expect([hubField.status, hubField.body.errors[0].message]).toEqual([400, "entries.0.fields.1: Person.fullName is not a field of subgraph imigrasi"]);
    for (const t of [await hub.token(), await tokenAs("immigration-officer", undefined, "hub"), undefined]) {
      const r = await post(auditUrl, { entries: [] }, t);
      expect(r.status).toBe(401);
    }
  });
});

test("inJurisdiction: the hub's prefix rule on kode wilayah segments", () => {
  expect(inJurisdiction("61.03.21", { jurisdiction: ["61.03"] })).toBe(true);
  expect(inJurisdiction("61.03", { jurisdiction: ["61.03"] })).toBe(true);
  expect(inJurisdiction("61.031", { jurisdiction: ["61.03"] })).toBe(false);
  expect(inJurisdiction("65.03", { jurisdiction: ["61"] })).toBe(false);
  expect(inJurisdiction(null, { jurisdiction: ["61"] })).toBe(false);
  expect(inJurisdiction(null, { jurisdiction: [] })).toBe(true);
});

describe.each(backends)("the hub's audit endpoint without gateway keys (%s)", (backend) => {
  test("refuses every hand-off, saying why", async () => {
    const hub = await startTestHub(backend, { seed: "none" });
    try {
      const token = await signPrincipalToken(await testHubKey(), { agency: "IMIGRASI-ENTIKONG", subject: "x", roles: ["immigration-officer"], purpose: "border-control", jurisdiction: [], issuer: "gateway" } as Principal, "imigrasi");
      const r = await post(`http://127.0.0.1:${hub.server.port}/federation/audit`, { entries: [] }, token);
      expect([r.status, r.body.errors[0].extensions.code, r.body.errors[0].message]).toEqual([401, "UNAUTHENTICATED", expect.stringContaining("trusts no gateway")]);
    } finally {
      await hub.stop();
    }
  });
});

describe("start-up checks", () => {
  let gateway: HubKey;
  beforeAll(async () => {
    gateway = await testHubKey();
  });
  const build = (typeDefs: string, scopes: Record<string, () => boolean> = { inJurisdiction: () => true }) => () =>
    createSubgraph({ name: "imigrasi", typeDefs, resolvers: {}, scopes, gateway: { jwks: { keys: [gateway.publicJwk] } }, hubAuditUrl: "http://127.0.0.1:9/", log: createLogger("silent") });

  test("the tiny subgraph passes, and its SDL (the guide's shape) composes with the hub's", () => {
    expect(build(SDL)).not.toThrow();
    const composed = composeServices([
      { name: "hub", typeDefs: parse(fs.readFileSync(path.join(__dirname, "../../schema/hub.graphql"), "utf8")) },
      { name: "imigrasi", typeDefs: parse(SDL) },
    ]);
    expect(composed.errors?.map((e) => e.message)).toBeUndefined();
  });
  test("a missing row scope, an unknown one, an undecided field, a non-null carrier, a subgraph without a section", () => {
    expect(() =>
      createSubgraph({ name: "imigrasi", typeDefs: SDL, resolvers: { ImigrasiCrossing: { travelerName: () => "x" } }, scopes: { inJurisdiction: () => true }, gateway: { jwks: { keys: [] } }, hubAuditUrl: "x" }),
    ).toThrow(/resolvers: ImigrasiCrossing.travelerName defined in resolvers, but not in schema/);
    expect(build(SDL, {})).toThrow(/row scope "inJurisdiction" .* is not implemented: pass scopes.inJurisdiction/);
    expect(build(SDL, { inJurisdiction: () => true, inJurisdictoin: () => true })).toThrow(/scopes.inJurisdictoin is not a scope/);
    expect(build(SDL.replace("borderCrossings:", "visaNotes: String\n    borderCrossings:"))).toThrow(/Person.visaNotes is undecided/);
    expect(build(SDL.replace("travellerName: String", "travellerName: String!"))).toThrow(/ImigrasiCrossing.travellerName is a carrier of name but non-null/);
    expect(build(SDL.replace("identityProtected: Boolean @external", "").replace(" identityProtected\")", "\")"))).toThrow(/must require the hub's identityProtected/);
    expect(() => createSubgraph({ name: "dukcapil", typeDefs: SDL, resolvers: {}, scopes: {}, gateway: { jwks: { keys: [] } }, hubAuditUrl: "x" })).toThrow(SubgraphConfigError);
  });
});
