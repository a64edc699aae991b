// Read API for the records around cases (organizations, placements, crossings, repatriations,
// referrals, proceedings, early warnings), region children and federation entities.
import {
  ReadBorderCrossingIdsDocument,
  ReadEarlyWarningIdsDocument,
  ReadLegalProceedingsDocument,
  ReadOrganizationDocument,
  ReadOrganizationIdsDocument,
  ReadPlacementIdsDocument,
  ReadReferralsDocument,
  ReadRegionChildrenDocument,
  ReadRepatriationIdsDocument,
  type BorderCrossingFilter,
  type EarlyWarningReportFilter,
  type MigrantPlacementFilter,
  type OrganizationFilter,
  type RepatriationFilter,
  type ServiceReferralFilter,
} from "../generated/graphql";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { insertReadFixture, type ReadFixture } from "./fixtures";

describe.each(backends)("read: around the case (%s)", (backend) => {
  let hub: TestHub;
  let fx: ReadFixture;
  let name: Map<string, string>;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    fx = await insertReadFixture(hub.db.prisma);
    name = new Map();
    for (const group of Object.values(fx)) for (const [k, v] of Object.entries(group)) name.set((v as { id: string }).id, k);
  });
  afterAll(() => hub?.stop());

  type Conn = { totalCount: number; edges: { node: { id: string } }[] };
  const names = (conn: Conn) => {
    const n = conn.edges.map((e) => name.get(e.node.id)!).sort();
    expect(conn.totalCount).toBe(n.length);
    return n;
  };

  it.each<[string, OrganizationFilter, string[]]>([
    ["kind", { kind: ["P3MI"] }, ["ptGelap", "ptMaju"]],
    ["agency type", { agencyType: ["POLICE", "IMMIGRATION"] }, ["imigrasi", "polda"]],
    ["licence status", { licenceStatus: ["REVOKED"] }, ["ptGelap"]],
    ["region 61.03", { region: "61.03" }, ["imigrasi", "ptGelap"]],
    ["region 61.71 (kota)", { region: "61.71" }, ["dinsos", "ptMaju"]],
    ["country", { country: ["MY"] }, ["employer"]],
    ["name contains", { nameContains: "kalimantan barat" }, ["bp3mi", "dinsos", "polda"]],
  ])("organizations: %s", async (_l, filter, expected) => {
    const res = await hub.gql(ReadOrganizationIdsDocument, { filter, first: 100 });
    expect(res.body.errors).toBeUndefined();
    expect(names(res.body.data!.organizations)).toEqual(expected);
  });

  it("organizations sort by name with a stable order", async () => {
    const res = await hub.gql(ReadOrganizationIdsDocument, { orderBy: "NAME_ASC", first: 3 });
    expect(res.body.data!.organizations.edges.map((e) => name.get(e.node.id))).toEqual(["bp3mi", "dinsos", "imigrasi"]);
    expect(res.body.data!.organizations.totalCount).toBe(7);
  });

  it("looks an organization up by code or id, with its intake queue", async () => {
    const byCode = await hub.gql(ReadOrganizationDocument, { code: "DINSOS-KALBAR" });
    expect(byCode.body.errors).toBeUndefined();
    const o = byCode.body.data!.organization!;
    expect(o).toMatchObject({ id: fx.org.dinsos.id, kind: "AGENCY", agencyType: "SOCIAL_SERVICES", region: { code: "61.71" } });
    // Oldest request first: F1 (Feb), F2 (Jun), F4 (yesterday).
    expect(o.referralsTo.totalCount).toBe(3);
    expect(o.referralsTo.edges.map((e) => name.get(e.node.id))).toEqual(["f1", "f2", "f4"]);
    expect(o.assignments).toEqual([{ purpose: "CASE_MANAGEMENT", case: { id: fx.case.c2.id } }]);

    const byId = await hub.gql(ReadOrganizationDocument, { id: fx.org.ptMaju.id });
    expect(byId.body.data!.organization).toMatchObject({ code: null, licenceNumber: "SIP3MI-0001", licenceStatus: "ACTIVE", placementsAsP3mi: { totalCount: 1 } });

    const both = await hub.gql(ReadOrganizationDocument, { id: fx.org.ptMaju.id, code: "DINSOS-KALBAR" });
    expect(both.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it.each<[string, MigrantPlacementFilter, string[]]>([
    ["non-procedural", { procedural: false }, ["p2", "p3"]],
    ["procedural", { procedural: true }, ["p1"]],
    ["by P3MI", { p3mi: "<ptMaju>" }, ["p1"]],
    ["destination", { destinationCountry: ["MY"] }, ["p1", "p3"]],
    ["departed from", { departedFrom: "2025-01-10" }, ["p2", "p3"]],
    ["departed range", { departedFrom: "2025-01-05", departedTo: "2025-01-20" }, ["p1", "p3"]],
    ["linked to a case", { hasCase: true }, ["p2", "p3"]],
    ["not linked to a case", { hasCase: false }, ["p1"]],
    ["by worker", { worker: "<siti>" }, ["p2"]],
    ["source agency", { sourceAgency: ["POLDA-KALBAR"] }, ["p3"]],
  ])("placements: %s", async (_l, filter, expected) => {
    const resolved = JSON.parse(JSON.stringify(filter).replace(/"<(\w+)>"/g, (_m, k: string) => JSON.stringify(idOf(k))));
    const res = await hub.gql(ReadPlacementIdsDocument, { filter: resolved });
    expect(res.body.errors).toBeUndefined();
    expect(names(res.body.data!.placements)).toEqual(expected);
  });

  const idOf = (k: string) => [...name.entries()].find(([, v]) => v === k)![0];

  it.each<[string, BorderCrossingFilter, string[]]>([
    ["post", { post: ["PLBN_ENTIKONG"] }, ["x1", "x2"]],
    ["direction", { direction: "EXIT" }, ["x1", "x3", "x4"]],
    ["deportation", { deportation: true }, ["x2"]],
    ["crossed from", { crossedFrom: "2025-02-01T00:00:00Z" }, ["x2", "x4"]],
    ["crossed to", { crossedTo: "2025-01-31T23:59:59Z" }, ["x1", "x3"]],
    ["counterpart", { counterpartCountry: ["MY"] }, ["x1", "x2", "x3", "x4"]],
    ["post and direction", { post: ["PLBN_ENTIKONG", "PLBN_ARUK"], direction: "EXIT" }, ["x1", "x3"]],
  ])("border crossings: %s", async (_l, filter, expected) => {
    const res = await hub.gql(ReadBorderCrossingIdsDocument, { filter });
    expect(res.body.errors).toBeUndefined();
    expect(names(res.body.data!.borderCrossings)).toEqual(expected);
  });

  it("border crossings sort by time both ways", async () => {
    const desc = await hub.gql(ReadBorderCrossingIdsDocument, { orderBy: "CROSSED_AT_DESC" });
    expect(desc.body.data!.borderCrossings.edges.map((e) => name.get(e.node.id))).toEqual(["x4", "x2", "x1", "x3"]);
    const asc = await hub.gql(ReadBorderCrossingIdsDocument, { orderBy: "CROSSED_AT_ASC" });
    expect(asc.body.data!.borderCrossings.edges.map((e) => name.get(e.node.id))).toEqual(["x3", "x1", "x2", "x4"]);
  });

  it.each<[string, RepatriationFilter, string[]]>([
    ["from country", { fromCountry: ["KH"] }, ["r2"]],
    ["arrival point", { arrivalPoint: ["PLBN_ENTIKONG"] }, ["r1"]],
    ["arrived range", { arrivedFrom: "2025-05-01", arrivedTo: "2025-05-31" }, ["r2"]],
    ["receiving organization", { receivingOrganization: "<dinsos>" }, ["r1"]],
  ])("repatriations: %s", async (_l, filter, expected) => {
    const resolved = JSON.parse(JSON.stringify(filter).replace(/"<(\w+)>"/g, (_m, k: string) => JSON.stringify(idOf(k))));
    const res = await hub.gql(ReadRepatriationIdsDocument, { filter: resolved });
    expect(res.body.errors).toBeUndefined();
    expect(names(res.body.data!.repatriations)).toEqual(expected);
  });

  it.each<[string, ServiceReferralFilter, string[]]>([
    ["status", { status: ["REQUESTED"] }, ["f2", "f4"]],
    ["service type", { serviceType: ["SHELTER", "REPATRIATION"] }, ["f1", "f3"]],
    ["to organization", { toOrganization: "<dinsos>" }, ["f1", "f2", "f4"]],
    ["from organization", { fromOrganization: "<polda>" }, ["f1", "f2"]],
    ["requested range", { requestedFrom: "2025-05-01T00:00:00Z", requestedTo: "2025-06-30T00:00:00Z" }, ["f2", "f3"]],
    ["unanswered for 30 days", { unansweredForDays: 30 }, ["f2"]],
    ["intake queue still open", { toOrganization: "<dinsos>", status: ["REQUESTED", "ACCEPTED"] }, ["f1", "f2", "f4"]],
  ])("referrals: %s", async (_l, filter, expected) => {
    const resolved = JSON.parse(JSON.stringify(filter).replace(/"<(\w+)>"/g, (_m, k: string) => JSON.stringify(idOf(k))));
    const res = await hub.gql(ReadReferralsDocument, { filter: resolved });
    expect(res.body.errors).toBeUndefined();
    expect(names(res.body.data!.referrals)).toEqual(expected);
  });

  it("referrals show how long they waited", async () => {
    const res = await hub.gql(ReadReferralsDocument, { orderBy: "REQUESTED_AT_ASC" });
    const byName = new Map(res.body.data!.referrals.edges.map((e) => [name.get(e.node.id), e.node]));
    expect(res.body.data!.referrals.edges.map((e) => name.get(e.node.id))).toEqual(["f1", "f3", "f2", "f4"]);
    expect(byName.get("f1")).toMatchObject({ status: "ACCEPTED", daysWaiting: 2, daysToAccept: 2, fromOrganization: { code: "POLDA-KALBAR" } });
    expect(byName.get("f3")).toMatchObject({ daysWaiting: 1, daysToAccept: 1 });
    expect(byName.get("f4")).toMatchObject({ status: "REQUESTED", daysWaiting: 1, daysToAccept: null });
    const f2 = byName.get("f2")!;
    expect(f2.daysToAccept).toBeNull();
    expect(f2.daysWaiting).toBe(Math.floor((Date.now() - Date.parse("2025-06-02T00:00:00Z")) / 86_400_000));
  });

  it("legal proceedings filter by stage, case and verdict date; restitution survives as exact rupiah text", async () => {
    const verdict = await hub.gql(ReadLegalProceedingsDocument, { filter: { stage: ["VERDICT"] } });
    expect(verdict.body.data!.legalProceedings.edges.map((e) => e.node)).toEqual([
      { id: fx.proceeding.l2.id, stage: "VERDICT", sentenceMonths: 48, restitutionAmount: "9007199254740993" },
    ]);
    const byCase = await hub.gql(ReadLegalProceedingsDocument, { filter: { case: fx.case.c1.id } });
    expect(byCase.body.data!.legalProceedings.edges.map((e) => e.node.id)).toEqual([fx.proceeding.l1.id]);
    const verdictFrom = await hub.gql(ReadLegalProceedingsDocument, { filter: { verdictFrom: "2025-01-01" } });
    expect(verdictFrom.body.data!.legalProceedings.totalCount).toBe(1);
    const none = await hub.gql(ReadLegalProceedingsDocument, { filter: { stage: ["TERMINATED"] } });
    expect(none.body.data!.legalProceedings).toEqual({ totalCount: 0, edges: [] });
  });

  it.each<[string, EarlyWarningReportFilter, string[]]>([
    ["province 61", { region: "61" }, ["w1", "w2"]],
    ["kabupaten 61.03", { region: "61.03" }, ["w1"]],
    ["kecamatan 61.03.21", { region: "61.03.21" }, ["w1"]],
    ["kabupaten 61.01 (warning filed at kabupaten level)", { region: "61.01" }, ["w2"]],
    ["status", { status: ["NEW", "ESCALATED"] }, ["w1", "w2"]],
    ["source", { source: ["LTSA"] }, ["w1"]],
    ["has case", { hasCase: true }, ["w2"]],
    ["reported range", { reportedFrom: "2025-01-01T00:00:00Z", reportedTo: "2025-03-01T00:00:00Z" }, ["w1"]],
  ])("early warnings: %s", async (_l, filter, expected) => {
    const res = await hub.gql(ReadEarlyWarningIdsDocument, { filter });
    expect(res.body.errors).toBeUndefined();
    expect(names(res.body.data!.earlyWarningReports)).toEqual(expected);
  });

  it("region children list one level down", async () => {
    const res = await hub.gql(ReadRegionChildrenDocument, { code: "61.03" });
    // Kabupaten Sanggau's 15 kecamatan (idn-area-data), Entikong among them.
    const children = res.body.data!.region!.children;
    expect(children).toHaveLength(15);
    expect(children).toContainEqual({ code: "61.03.21", level: "DISTRICT" });
    expect(children.every((c) => c.level === "DISTRICT" && c.code.startsWith("61.03."))).toBe(true);
    const prov = await hub.gql(ReadRegionChildrenDocument, { code: "63" });
    expect(prov.body.data!.region!.children.every((c) => c.level === "REGENCY" && c.code.startsWith("63."))).toBe(true);
  });

  it("resolves federation entities for Case, Person and Organization", async () => {
    const res = await hub.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Case { id status } ... on Person { id fullName } ... on Organization { id code } } }`,
      {
        r: [
          { __typename: "Case", id: fx.case.c2.id },
          { __typename: "Person", id: fx.person.siti.id },
          { __typename: "Organization", id: fx.org.polda.id },
          { __typename: "Case", id: "00000000-0000-4000-8000-000000000000" },
        ],
      },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data._entities).toEqual([
      { __typename: "Case", id: fx.case.c2.id, status: "FollowUp" },
      { __typename: "Person", id: fx.person.siti.id, fullName: "Siti Aminah" },
      { __typename: "Organization", id: fx.org.polda.id, code: "POLDA-KALBAR" },
      null,
    ]);
  });
});
