// The batch mutation over real HTTP: order, in-batch references, per-record rejection with
// nothing half-written, the 1,000-record limit, exactly-one entries and per-type permissions.
import { ContributeBatchDocument, ContributeCaseDocument, type ContributionInput } from "../generated/graphql";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { agencyTokens, data, errorKeys, NIK, registerAgencies, rowCounts, uid, type Tokens } from "./support";

describe.each(backends)("contribute (batch) on %s", (backend) => {
  let hub: TestHub;
  let tok: Tokens;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    await registerAgencies(hub);
    tok = await agencyTokens(hub);
  });
  afterAll(() => hub.stop());

  const batch = async (token: string, records: ContributionInput[]) => data(await hub.gql(ContributeBatchDocument, { records }, { token })).contribute;

  it("processes records in order, so later records reference earlier ones of the same batch", async () => {
    const lp = uid("LP");
    const results = await batch(tok.polda, [
      { person: { externalId: `${lp}/KRB-1`, sourceSystem: "EMP", fullName: "Dewi Lestari", sex: "Feminine", documents: [{ type: "NIK", number: NIK.dewi }] } },
      { person: { externalId: `${lp}/TSK-1`, sourceSystem: "EMP", fullName: "Budi Santoso", sex: "Masculine", documents: [{ type: "NIK", number: NIK.budi }] } },
      { case: { externalId: lp, sourceSystem: "EMP", modus: ["SHOP_KEEPER"], exploitationTypes: ["SexualExploitation"], sexExploitationTypes: ["Prostitution"], destinationCountry: "MY", transitBorderPost: "PLBN_ENTIKONG" } },
      { caseParticipant: { externalId: `${lp}/P-KRB-1`, sourceSystem: "EMP", case: { externalId: lp }, person: { externalId: `${lp}/KRB-1` }, role: "VICTIM", ageAtExploitation: 15 } },
      { caseParticipant: { externalId: `${lp}/P-TSK-1`, sourceSystem: "EMP", case: { externalId: lp }, person: { document: { type: "NIK", number: NIK.budi } }, role: "SUSPECT", suspectRoles: ["RecruiterOrIntermediary", "Transporter"] } },
      { legalProceeding: { externalId: `${lp}/BP`, sourceSystem: "EMP", case: { externalId: lp }, stage: "REPORTED", stageDate: "2026-04-02" } },
    ]);
    expect(results.map((r) => [r.index, r.recordType, r.status])).toEqual([
      [0, "Person", "CREATED"],
      [1, "Person", "CREATED"],
      [2, "Case", "CREATED"],
      [3, "CaseParticipant", "CREATED"],
      [4, "CaseParticipant", "CREATED"],
      [5, "LegalProceeding", "CREATED"],
    ]);
    const victim = await hub.db.prisma.caseParticipant.findUniqueOrThrow({ where: { id: results[3]!.id! } });
    expect(victim).toMatchObject({ personId: results[0]!.id, caseId: results[2]!.id, isChild: true });

    // The same batch again: all UNCHANGED, nothing rewritten.
    const again = await batch(tok.polda, [
      { person: { externalId: `${lp}/KRB-1`, sourceSystem: "EMP", fullName: "Dewi Lestari", sex: "Feminine", documents: [{ type: "NIK", number: NIK.dewi }] } },
      { case: { externalId: lp, sourceSystem: "EMP", modus: ["SHOP_KEEPER"], exploitationTypes: ["SexualExploitation"], sexExploitationTypes: ["Prostitution"], destinationCountry: "MY", transitBorderPost: "PLBN_ENTIKONG" } },
    ]);
    expect(again.map((r) => [r.status, r.version])).toEqual([
      ["UNCHANGED", 1],
      ["UNCHANGED", 1],
    ]);
  });

  it("rejects a bad record without affecting the good ones around it", async () => {
    const before = await rowCounts(hub);
    const results = await batch(tok.ltsa, [
      { earlyWarningReport: { externalId: uid("EW"), sourceSystem: "LTSA-DESK", source: "LTSA", regionCode: "61.01", reportedAt: "2026-02-01T01:00:00Z", description: "Rombongan 6 orang ke Aruk tanpa dokumen." } },
      { earlyWarningReport: { externalId: uid("EW"), sourceSystem: "LTSA-DESK", source: "LTSA", regionCode: "61.99", reportedAt: "2099-02-01T01:00:00Z", description: "x" } },
      { earlyWarningReport: { externalId: uid("EW"), sourceSystem: "LTSA-DESK", source: "COMMUNITY", regionCode: "61.07", reportedAt: "2026-02-02T01:00:00Z", description: "Calo di Jagoi Babang." } },
    ]);
    expect(results.map((r) => r.status)).toEqual(["CREATED", "REJECTED", "CREATED"]);
    expect(errorKeys(results[1]!)).toEqual(["reportedAt:DATE_IN_FUTURE"]);
    expect(results[1]).toMatchObject({ id: null, version: null, recordType: "EarlyWarningReport" });
    expect(await rowCounts(hub)).toEqual({ ...before, warning: before.warning! + 2 });
  });

  it("writes all of a multi-row record or nothing of it", async () => {
    // A case whose fields are valid but whose second assignment is not: no Case, no CaseAssignment.
    const before = await rowCounts(hub);
    const [caseResult, personResult] = await batch(tok.polda, [
      {
        case: {
          externalId: uid("LP"),
          sourceSystem: "EMP",
          modus: ["CONTRACT_MARRIAGE"],
          assignedOrganizations: [
            { organization: { sourceAgency: "GUGUS-TUGAS-KALBAR", externalId: "agency:POLDA-KALBAR" }, purpose: "INVESTIGATION" },
            { organization: { externalId: "no-such-organization" }, purpose: "CASE_MANAGEMENT" },
          ],
        },
      },
      // A person with one good and one bad document: no Person, no statement, no document.
      { person: { externalId: uid("KRB"), sourceSystem: "EMP", fullName: "Mei Ling", documents: [{ type: "NIK", number: NIK.rahmat }, { type: "PASSPORT", number: "X", issuingCountry: "CN" }] } },
    ]);
    expect(errorKeys(caseResult!)).toEqual(["assignedOrganizations.1.organization:NOT_FOUND"]);
    expect(errorKeys(personResult!)).toEqual(["documents.1.number:INVALID_FORMAT"]);
    expect(await rowCounts(hub)).toEqual(before);
  });

  it("refuses more than 100 records (CONTRIBUTE_MAX_RECORDS default) outright and writes nothing", async () => {
    const before = await rowCounts(hub);
    const auditBefore = await hub.db.prisma.auditEntry.count({ where: { action: "WRITE" } });
    const records: ContributionInput[] = Array.from({ length: 101 }, (_, i) => ({
      earlyWarningReport: { externalId: `BULK-${i}`, sourceSystem: "LTSA-DESK", source: "LTSA", regionCode: "61.03", reportedAt: "2026-02-01T01:00:00Z", description: "bulk" },
    }));
    const r = await hub.gql(ContributeBatchDocument, { records }, { token: tok.ltsa });
    // Refused before execution: no data at all.
    expect(r.status).toBe(400);
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.body.errors![0]!.message).toContain("at most 100 records");
    expect(await rowCounts(hub)).toEqual(before);
    expect(await hub.db.prisma.auditEntry.count({ where: { action: "WRITE" } })).toBe(auditBefore);
  });

  it("accepts exactly 100 records", async () => {
    const records: ContributionInput[] = Array.from({ length: 100 }, (_, i) => ({
      earlyWarningReport: { externalId: `FULL-${i}`, sourceSystem: "LTSA-DESK", source: "LTSA", regionCode: "61.03", reportedAt: "2026-02-01T01:00:00Z", description: `laporan ${i}` },
    }));
    const results = await batch(tok.ltsa, records);
    expect(results).toHaveLength(100);
    expect(results.every((r, i) => r.status === "CREATED" && r.index === i && r.externalId === `FULL-${i}`)).toBe(true);
  }, 300_000);

  it("rejects entries that set no record or several, reporting EXACTLY_ONE", async () => {
    const results = await batch(tok.polda, [
      {},
      { case: { externalId: uid("LP"), sourceSystem: "EMP" }, legalProceeding: { externalId: uid("BP"), sourceSystem: "EMP", case: { externalId: "x" }, stage: "REPORTED" } },
      { case: { externalId: uid("LP"), sourceSystem: "EMP" } },
    ]);
    expect(results.map((r) => [r.index, r.recordType, r.status, errorKeys(r)])).toEqual([
      [0, null, "REJECTED", [":EXACTLY_ONE"]],
      [1, null, "REJECTED", [":EXACTLY_ONE"]],
      [2, "Case", "CREATED", []],
    ]);
  });

  it("applies each record type's contribution grant per record", async () => {
    // A BP3MI officer may contribute placements but not cases (src/policy/rules.ts).
    const results = await batch(tok.bp3mi, [
      { case: { externalId: uid("LP"), sourceSystem: "SISKOP2MI" } },
      { organization: { externalId: uid("P3MI"), sourceSystem: "SISKOP2MI", name: "PT Maju Bersama", kind: "P3MI" } },
    ]);
    expect(results.map((r) => [r.status, errorKeys(r)])).toEqual([
      ["REJECTED", [":NOT_PERMITTED"]],
      ["CREATED", []],
    ]);
    // The single-record mutation is refused by the policy before it runs.
    const single = await hub.gql(ContributeCaseDocument, { input: { externalId: uid("LP"), sourceSystem: "SISKOP2MI" } }, { token: tok.bp3mi });
    expect(single.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
