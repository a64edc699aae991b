// Read API for persons over real HTTP: filters, the NIK/passport lookup across agencies, and the
// statements/conflicts view when two agencies disagree.
import { ReadPersonIdsDocument, ReadPersonResolutionDocument, ReadPersonsByDocumentDocument, type PersonFilter } from "../generated/graphql";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { NIK_SITI, PASSPORT_SITI, insertReadFixture, type ReadFixture } from "./fixtures";

describe.each(backends)("read: persons (%s)", (backend) => {
  let hub: TestHub;
  let fx: ReadFixture;
  let name: Map<string, string>;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    fx = await insertReadFixture(hub.db.prisma);
    name = new Map(Object.entries(fx.person).map(([k, v]) => [v.id, k]));
  });
  afterAll(() => hub?.stop());

  async function matching(filter: PersonFilter) {
    const res = await hub.gql(ReadPersonIdsDocument, { filter, first: 100 });
    expect(res.body.errors).toBeUndefined();
    const names = res.body.data!.persons.edges.map((e) => name.get(e.node.id)!).sort();
    expect(res.body.data!.persons.totalCount).toBe(names.length);
    return names;
  }

  it.each<[string, PersonFilter, string[]]>([
    ["no filter", {}, ["ahmad", "dewi", "rudi", "siti"]],
    ["origin province 61", { originRegion: "61" }, ["ahmad", "dewi", "siti"]],
    ["origin kabupaten 61.03", { originRegion: "61.03" }, ["siti"]],
    ["origin kecamatan 61.01.09", { originRegion: "61.01.09" }, ["dewi"]],
    ["sex", { sex: ["Masculine"] }, ["ahmad", "rudi"]],
    ["nationality, any of", { nationality: ["MY"] }, ["ahmad"]],
    ["born from", { birthDateFrom: "2005-01-01" }, ["dewi", "siti"]],
    ["born to", { birthDateTo: "1990-12-31" }, ["rudi"]],
    ["name contains, case-insensitive", { nameContains: "aMiNaH" }, ["siti"]],
    ["role in a case", { role: ["SUSPECT"] }, ["rudi"]],
    ["role in a case, any of", { role: ["VICTIM"] }, ["dewi", "siti"]],
    ["known to an agency", { sourceAgency: ["IMIGRASI-ENTIKONG"] }, ["ahmad"]],
    ["known to agencies, any of", { sourceAgency: ["BP3MI-KALBAR", "IMIGRASI-ENTIKONG"] }, ["ahmad", "siti"]],
    ["combined", { originRegion: "61", sex: ["Feminine"], role: ["VICTIM"], birthDateFrom: "2008-01-01" }, ["dewi"]],
  ])("filter: %s", async (_label, filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });

  it("rejects invalid person filters with the argument path", async () => {
    const cases: [PersonFilter, string][] = [
      [{ originRegion: "61.3" }, "filter.originRegion"],
      [{ nationality: ["IDN"] }, "filter.nationality[0]"],
      [{ birthDateFrom: "2010-01-01", birthDateTo: "2000-01-01" }, "filter.birthDateFrom"],
    ];
    for (const [filter, path] of cases) {
      const res = await hub.gql(ReadPersonIdsDocument, { filter, first: 10 });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.body.errors?.[0]?.message).toContain(path);
    }
  });

  it("finds the person holding a NIK, whichever agency recorded it", async () => {
    const res = await hub.gql(ReadPersonsByDocumentDocument, { type: "NIK", number: NIK_SITI });
    expect(res.body.errors).toBeUndefined();
    const persons = res.body.data!.personsByDocument;
    expect(persons.map((p) => p.id)).toEqual([fx.person.siti.id]);
    // Both agencies' copies of the NIK are on the one person, plus BP3MI's passport.
    expect(persons[0]!.documents.map((d) => `${d.type}:${d.number}`)).toEqual([`NIK:${NIK_SITI}`, `NIK:${NIK_SITI}`, `PASSPORT:${PASSPORT_SITI}`]);
    // Written with separators it is the same NIK.
    const dotted = await hub.gql(ReadPersonsByDocumentDocument, { type: "NIK", number: "6103 2154.0305 0001" });
    expect(dotted.body.data!.personsByDocument.map((p) => p.id)).toEqual([fx.person.siti.id]);
  });

  it("finds the person holding a passport, optionally by issuing country", async () => {
    const any = await hub.gql(ReadPersonsByDocumentDocument, { type: "PASSPORT", number: "c1234567" });
    expect(any.body.data!.personsByDocument.map((p) => p.id)).toEqual([fx.person.siti.id]);
    expect(any.body.data!.personsByDocument[0]!.documents.find((d) => d.type === "PASSPORT")).toEqual({
      type: "PASSPORT",
      number: PASSPORT_SITI,
      issuingCountry: "ID",
      flags: ["NIK_BIRTHDATE_MISMATCH"],
    });
    const id = await hub.gql(ReadPersonsByDocumentDocument, { type: "PASSPORT", number: PASSPORT_SITI, issuingCountry: "ID" });
    expect(id.body.data!.personsByDocument).toHaveLength(1);
    const my = await hub.gql(ReadPersonsByDocumentDocument, { type: "PASSPORT", number: PASSPORT_SITI, issuingCountry: "MY" });
    expect(my.body.data!.personsByDocument).toEqual([]);
    // A NIK number looked up as a passport is a different document.
    const wrongType = await hub.gql(ReadPersonsByDocumentDocument, { type: "PASSPORT", number: NIK_SITI });
    expect(wrongType.body.data!.personsByDocument).toEqual([]);
  });

  it("rejects a malformed NIK", async () => {
    const res = await hub.gql(ReadPersonsByDocumentDocument, { type: "NIK", number: "61032154" });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toContain("number");
  });

  it("shows each agency's statement, where they disagree and where each resolved field came from", async () => {
    const res = await hub.gql(ReadPersonResolutionDocument, { id: fx.person.siti.id });
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data!.person!;
    const police = fx.statement.sitiPolice.id;
    const bp3mi = fx.statement.sitiBp3mi.id;

    expect(p).toMatchObject({ fullName: "Siti Aminah", birthDate: "2005-03-14", sex: "Feminine", nationality: ["ID"], originRegion: { code: "61.03.21" } });
    expect(p.statements.map((s) => [s.id, s.sourceAgency, s.fullName, s.birthDate, s.externalId, s.version])).toEqual([
      [police, "POLDA-KALBAR", "Siti Aminah", "2005-03-14", "BAP-2025-17", 1],
      [bp3mi, "BP3MI-KALBAR", "Siti Aminah Binti Ahmad", "2003-03-14", "SISKO-99812", 1],
    ]);
    expect(p.statements[1]!.documents.map((d) => d.type).sort()).toEqual(["NIK", "PASSPORT"]);

    // Police outrank BP3MI on identity facts; both disagreements are reported with both values.
    expect(p.conflicts).toEqual([
      {
        field: "FULL_NAME",
        chosenStatementId: police,
        values: [
          { statementId: police, sourceAgency: "POLDA-KALBAR", value: "Siti Aminah" },
          { statementId: bp3mi, sourceAgency: "BP3MI-KALBAR", value: "Siti Aminah Binti Ahmad" },
        ],
      },
      {
        field: "BIRTH_DATE",
        chosenStatementId: police,
        values: [
          { statementId: police, sourceAgency: "POLDA-KALBAR", value: "2005-03-14" },
          { statementId: bp3mi, sourceAgency: "BP3MI-KALBAR", value: "2003-03-14" },
        ],
      },
    ]);
    expect(p.fieldSources).toEqual([
      { field: "FULL_NAME", statementId: police, sourceAgency: "POLDA-KALBAR" },
      { field: "BIRTH_DATE", statementId: police, sourceAgency: "POLDA-KALBAR" },
      { field: "SEX", statementId: police, sourceAgency: "POLDA-KALBAR" },
      { field: "NATIONALITY", statementId: police, sourceAgency: "POLDA-KALBAR" },
      { field: "ORIGIN_REGION", statementId: bp3mi, sourceAgency: "BP3MI-KALBAR" },
      { field: "PHONE", statementId: police, sourceAgency: "POLDA-KALBAR" },
    ]);

    expect(p.participations).toEqual([{ role: "VICTIM", case: { id: fx.case.c2.id } }]);
    expect(p.placements.map((x) => x.id)).toEqual([fx.placement.p2.id]);
    expect(p.crossings.map((x) => x.id)).toEqual([fx.crossing.x4.id]);
    expect(p.repatriations.map((x) => x.id)).toEqual([fx.repatriation.r2.id]);
    // Newest request first.
    expect(p.referrals.map((x) => x.id)).toEqual([fx.referral.f2.id, fx.referral.f3.id]);
  });

  it("reports no conflicts when agencies agree", async () => {
    const res = await hub.gql(ReadPersonResolutionDocument, { id: fx.person.dewi.id });
    expect(res.body.data!.person!.conflicts).toEqual([]);
    expect(res.body.data!.person!.statements).toHaveLength(1);
  });
});
