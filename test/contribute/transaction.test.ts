// One interactive transaction per record, on both backends: a failure after some rows of a
// record were written (here: the audit append, the record transaction's last statement) rolls
// back every row of that record and nothing else. Real databases; the failure is the audit
// hook's own contract ("a failure throws, which rolls the record back too").
import { contributeBatch, contributeRecord, type ContributeOptions } from "../../src/contribute";
import type { Database } from "../../src/db/database";
import { backends, freshDatabase } from "../support/hub";

describe.each(backends)("record transactions on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    await db.prisma.organization.create({
      data: { code: "POLDA-KALBAR", name: "Polda Kalbar", kind: "AGENCY", agencyType: "POLICE", sourceAgency: "POLDA-KALBAR", sourceSystem: "T", externalId: "self", contributedBy: "t" },
    });
  });
  afterAll(() => db.close());

  const counts = async () => ({
    person: await db.prisma.person.count(),
    statement: await db.prisma.personStatement.count(),
    document: await db.prisma.identityDocument.count(),
    kase: await db.prisma.case.count(),
    assignment: await db.prisma.caseAssignment.count(),
  });

  const opts = (failOn: string | null, unexpected: unknown[] = []): ContributeOptions => ({
    prisma: db.prisma,
    // No policy here: every row readable and linkable (the engine's own contract is under test).
    contributor: { agency: "POLDA-KALBAR", subject: "officer:1", roles: ["police-investigator"], readWhere: () => ({}), linkWhere: () => ({}) },
    audit: async (entry, tx) => {
      if (tx && entry.recordType === failOn) throw new Error("audit append failed");
    },
    onUnexpected: (err) => unexpected.push(err),
  });

  it("rolls back the case and its assignments when the record fails after writing them", async () => {
    const before = await counts();
    const unexpected: unknown[] = [];
    const r = await contributeRecord(opts("Case", unexpected), "Case", {
      externalId: "LP-ROLLBACK",
      sourceSystem: "EMP",
      assignedOrganizations: [{ organization: { externalId: "self" }, purpose: "INVESTIGATION" }],
    });
    expect(r).toMatchObject({ status: "REJECTED", id: null, errors: [{ path: [], code: "INTERNAL" }] });
    expect(r.errors[0]!.message).not.toContain("audit");
    expect(unexpected).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });

  it("rolls back a new Person, its statement and documents together", async () => {
    const before = await counts();
    const r = await contributeRecord(opts("Person"), "Person", { externalId: "KRB-ROLLBACK", sourceSystem: "EMP", fullName: "Siti", documents: [{ type: "NIK", number: "6171015205990001" }] });
    expect(r.status).toBe("REJECTED");
    expect(await counts()).toEqual(before);
  });

  it("keeps the other records of a batch when one fails mid-write", async () => {
    const before = await counts();
    const results = await contributeBatch(opts("Case"), [
      { person: { externalId: "KRB-OK", sourceSystem: "EMP", fullName: "Dewi", documents: [{ type: "NIK", number: "6103024308080003" }] } },
      { case: { externalId: "LP-FAILS", sourceSystem: "EMP" } },
      { person: { externalId: "TSK-OK", sourceSystem: "EMP", fullName: "Budi" } },
    ]);
    expect(results.map((r) => r.status)).toEqual(["CREATED", "REJECTED", "CREATED"]);
    expect(await counts()).toEqual({ ...before, person: before.person + 2, statement: before.statement + 2, document: before.document + 1 });
  });
});
