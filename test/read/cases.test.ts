// Read API for cases over real HTTP: every filter returns exactly the right rows, region prefixes
// at each level, sort and cursor pagination, invalid input, and a case's full picture.
import { ReadCaseFullPictureDocument, ReadCaseIdsDocument, type CaseFilter } from "../generated/graphql";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { insertReadFixture, type ReadFixture } from "./fixtures";

describe.each(backends)("read: cases (%s)", (backend) => {
  let hub: TestHub;
  let fx: ReadFixture;
  let name: Map<string, string>;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    fx = await insertReadFixture(hub.db.prisma);
    name = new Map(Object.entries(fx.case).map(([k, v]) => [v.id, k]));
  });
  afterAll(() => hub?.stop());

  /** Case fixture names matched by a filter, sorted, plus the totalCount. */
  async function matching(filter: CaseFilter) {
    const res = await hub.gql(ReadCaseIdsDocument, { filter, first: 100 });
    expect(res.body.errors).toBeUndefined();
    const conn = res.body.data!.cases;
    const names = conn.edges.map((e) => name.get(e.node.id)!).sort();
    expect(conn.totalCount).toBe(names.length);
    return names;
  }

  it.each<[string, CaseFilter, string[]]>([
    ["no filter", {}, ["c1", "c2", "c3", "c4"]],
    ["status", { status: ["Active"] }, ["c1", "c4"]],
    ["status, several", { status: ["Active", "Closed"] }, ["c1", "c3", "c4"]],
    ["province 61 (origin)", { originRegion: "61" }, ["c1", "c2", "c4"]],
    ["province 63 (origin)", { originRegion: "63" }, ["c3"]],
    ["kabupaten 61.03 (origin)", { originRegion: "61.03" }, ["c1"]],
    ["kabupaten 61.01 does not match 61.10", { originRegion: "61.01" }, ["c2"]],
    ["kabupaten 61.10 (Melawi)", { originRegion: "61.10" }, ["c4"]],
    ["kecamatan 61.03.21 (origin)", { originRegion: "61.03.21" }, ["c1"]],
    ["recruitment region 61.01", { recruitmentRegion: "61.01" }, ["c2"]],
    ["region = origin or recruitment", { region: "61.03" }, ["c1"]],
    ["identified from", { identifiedFrom: "2025-01-01" }, ["c1", "c2"]],
    ["identified to", { identifiedTo: "2024-12-31" }, ["c3"]],
    ["identified range, inclusive ends", { identifiedFrom: "2025-02-10", identifiedTo: "2025-06-01" }, ["c1", "c2"]],
    ["exploitation type", { exploitationTypes: ["ForcedLabour"] }, ["c2", "c4"]],
    ["exploitation types, any of", { exploitationTypes: ["ForcedMarriage", "ChildLabour"] }, ["c1", "c3"]],
    ["modus", { modus: ["ONLINE_RECRUITMENT"] }, ["c2"]],
    ["recruitment app", { recruitmentApps: ["Facebook"] }, ["c1"]],
    ["destination", { destinationCountry: ["MY"] }, ["c1", "c4"]],
    ["destinations, any of", { destinationCountry: ["KH", "CN"] }, ["c2", "c3"]],
    ["transit post", { transitBorderPost: ["PLBN_ENTIKONG"] }, ["c1"]],
    ["source agency", { sourceAgency: ["BP3MI-KALBAR"] }, ["c3", "c4"]],
    ["has a child victim", { hasChildVictim: true }, ["c1"]],
    ["has no child victim", { hasChildVictim: false }, ["c2", "c3", "c4"]],
    ["combined: Active, MY, ForcedLabour", { status: ["Active"], destinationCountry: ["MY"], exploitationTypes: ["ForcedLabour"] }, ["c4"]],
    ["no match", { status: ["ClosedReferred"] }, []],
  ])("filter: %s", async (_label, filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });

  it("filter: assigned to an organization", async () => {
    expect(await matching({ assignedTo: fx.org.dinsos.id })).toEqual(["c2"]);
    expect(await matching({ assignedTo: fx.org.polda.id })).toEqual(["c1", "c2"]);
  });

  it.each<[string, CaseFilter, string]>([
    ["a partial region segment", { originRegion: "61.0" }, "filter.originRegion"],
    ["a region with letters", { region: "6A" }, "filter.region"],
    ["a lower-case country", { destinationCountry: ["MY", "kh"] }, "filter.destinationCountry[1]"],
    ["an inverted date range", { identifiedFrom: "2025-06-01", identifiedTo: "2025-01-01" }, "filter.identifiedFrom"],
    ["an empty list", { status: [] }, "filter.status"],
    ["a malformed id", { assignedTo: "not-a-uuid" }, "filter.assignedTo"],
  ])("rejects %s with BAD_USER_INPUT naming the argument", async (_label, filter, path) => {
    const res = await hub.gql(ReadCaseIdsDocument, { filter, first: 10 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toContain(path);
    expect(res.body.data?.cases ?? null).toBeNull();
  });

  it("sorts by identification date, undated last, and pages through with cursors", async () => {
    const first = await hub.gql(ReadCaseIdsDocument, { orderBy: "IDENTIFIED_AT_DESC", first: 2 });
    const p1 = first.body.data!.cases;
    expect(p1.edges.map((e) => name.get(e.node.id))).toEqual(["c2", "c1"]);
    expect(p1.totalCount).toBe(4);
    expect(p1.pageInfo.hasNextPage).toBe(true);

    const second = await hub.gql(ReadCaseIdsDocument, { orderBy: "IDENTIFIED_AT_DESC", first: 2, after: p1.pageInfo.endCursor });
    const p2 = second.body.data!.cases;
    expect(p2.edges.map((e) => name.get(e.node.id))).toEqual(["c3", "c4"]);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    expect(p2.pageInfo.hasPreviousPage).toBe(true);

    // And back: the page before the second page's first cursor is the first page.
    const back = await hub.gql(ReadCaseIdsDocument, { orderBy: "IDENTIFIED_AT_DESC", last: 2, before: p2.pageInfo.startCursor });
    expect(back.body.data!.cases.edges.map((e) => name.get(e.node.id))).toEqual(["c2", "c1"]);

    const asc = await hub.gql(ReadCaseIdsDocument, { orderBy: "IDENTIFIED_AT_ASC", first: 10 });
    expect(asc.body.data!.cases.edges.map((e) => name.get(e.node.id))).toEqual(["c3", "c1", "c2", "c4"]);
  });

  it("pages a filtered list with a totalCount of the whole filtered set", async () => {
    const res = await hub.gql(ReadCaseIdsDocument, { filter: { originRegion: "61" }, first: 1 });
    expect(res.body.data!.cases.totalCount).toBe(3);
    expect(res.body.data!.cases.edges).toHaveLength(1);
  });

  it("returns a case's full picture in one query", async () => {
    const res = await hub.gql(ReadCaseFullPictureDocument, { id: fx.case.c1.id });
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data!.case!;
    expect(c).toMatchObject({
      id: fx.case.c1.id,
      status: "Active",
      modus: ["SHOP_KEEPER"],
      exploitationTypes: ["SexualExploitation", "ChildLabour"],
      sexExploitationTypes: ["Prostitution"],
      controlMethods: ["FalsePromises", "WithholdsDocuments"],
      recruitmentApps: ["Facebook"],
      originRegion: { code: "61.03.21", name: "Entikong", level: "DISTRICT" },
      recruitmentRegion: { code: "61.03" },
      transitBorderPost: "PLBN_ENTIKONG",
      destinationCountry: "MY",
      destinationCity: "Kuching",
      identifiedAt: "2025-02-10",
      sourceAgency: "POLDA-KALBAR",
      sourceSystem: "TEST",
      externalId: "LP-2025-010",
      contributedBy: "polda-kalbar-officer",
      version: 1,
      victimCount: 1,
    });
    expect(c.participants.map((p) => p.role)).toEqual(["VICTIM", "SUSPECT"]);
    const [victim, suspect] = c.participants;
    expect(victim).toMatchObject({
      traffickingStatus: "ActualVictimOfTrafficking",
      ageAtExploitation: 15,
      isChild: true,
      needs: ["SHELTER", "PSYCHOLOGICAL"],
      relationshipToTrafficker: "Acquainted",
      consentAgencies: ["DINSOS-KALBAR"],
      person: { id: fx.person.dewi.id, fullName: "Dewi Lestari", documents: [{ type: "NIK", number: "6101094101100002" }] },
    });
    expect(suspect).toMatchObject({
      suspectRoles: ["RecruiterOrIntermediary", "P3miCompany"],
      suspectOrganization: { name: "PT Gelap Sentosa", licenceStatus: "REVOKED" },
      roleDetails: "Merekrut lewat Facebook",
      person: { id: fx.person.rudi.id },
    });
    expect(c.suspects.map((s) => s.id)).toEqual([fx.participant.rudiSuspect.id]);
    expect(c.placements).toEqual([{ id: fx.placement.p3.id, procedural: false, worker: { id: fx.person.dewi.id } }]);
    expect(c.crossings.map((x) => [x.id, x.direction, x.deportation])).toEqual([
      [fx.crossing.x1.id, "EXIT", false],
      [fx.crossing.x2.id, "ENTRY", true],
    ]);
    expect(c.repatriations).toEqual([{ id: fx.repatriation.r1.id, receivingOrganization: { code: "DINSOS-KALBAR" } }]);
    expect(c.referrals).toEqual([
      { id: fx.referral.f1.id, serviceType: "SHELTER", status: "ACCEPTED", daysToAccept: 2, toOrganization: { code: "DINSOS-KALBAR" } },
    ]);
    expect(c.proceedings).toEqual([{ id: fx.proceeding.l1.id, stage: "INVESTIGATION", stageDate: "2025-03-01" }]);
    expect(c.assignments).toEqual([{ purpose: "INVESTIGATION", organization: { code: "POLDA-KALBAR" } }]);
    expect(c.warnings).toEqual([]);
  });

  it("gives null for an unknown case id, and BAD_USER_INPUT for a malformed one", async () => {
    const missing = await hub.gql(ReadCaseFullPictureDocument, { id: "00000000-0000-4000-8000-000000000000" });
    expect(missing.body.errors).toBeUndefined();
    expect(missing.body.data!.case).toBeNull();
    const bad = await hub.gql(ReadCaseFullPictureDocument, { id: "LP-2025-010" });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
