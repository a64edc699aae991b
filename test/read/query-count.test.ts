// No N+1: a page of cases with victims (participant + person + documents + conflicts), suspects'
// organizations, placements and referrals costs the same number of SQL statements for 10 cases
// as for 50. db.queryCount counts every statement at the driver.
import { randomUUID } from "node:crypto";
import { ReadCasePageWithVictimsDocument, ReadPersonPageWithStatementsDocument } from "../generated/graphql";
import { backends, startTestHub, type TestHub } from "../support/hub";

const CASES = 60;

async function insertManyCases(hub: TestHub) {
  const prisma = hub.db.prisma;
  const prov = (agency: string, externalId: string) => ({ sourceAgency: agency, sourceSystem: "TEST", externalId, contributedBy: "loader" });
  const orgs = [
    { id: randomUUID(), code: "POLDA-KALBAR", name: "Polda Kalimantan Barat", kind: "AGENCY" as const, agencyType: "POLICE" as const },
    { id: randomUUID(), code: "BP3MI-KALBAR", name: "BP3MI Kalimantan Barat", kind: "AGENCY" as const, agencyType: "MIGRANT_WORKER_AGENCY" as const },
    { id: randomUUID(), code: "DINSOS-KALBAR", name: "Dinas Sosial Kalimantan Barat", kind: "AGENCY" as const, agencyType: "SOCIAL_SERVICES" as const },
    { id: randomUUID(), code: null, name: "PT Gelap Sentosa", kind: "P3MI" as const, agencyType: null },
  ];
  await prisma.organization.createMany({ data: orgs.map((o, i) => ({ ...o, ...prov("GUGUS-TUGAS-KALBAR", `org-${i}`) })) });
  const [polda, , dinsos, p3mi] = orgs;

  const persons: object[] = [];
  const statements: object[] = [];
  const documents: object[] = [];
  const cases: object[] = [];
  const participants: object[] = [];
  const placements: object[] = [];
  const referrals: object[] = [];
  for (let i = 0; i < CASES; i++) {
    const victim = randomUUID();
    const suspect = randomUUID();
    const caseId = randomUUID();
    const nik = `6103215403${String(i).padStart(6, "0")}`;
    persons.push({ id: victim, fullName: `Korban ${i}`, originRegionCode: "61.03.21" }, { id: suspect, fullName: `Tersangka ${i}` });
    // Two agencies disagree on the victim's name, so conflicts has work to do for every row.
    const s1 = randomUUID();
    const s2 = randomUUID();
    statements.push(
      { id: s1, personId: victim, fullName: `Korban ${i}`, ...prov("POLDA-KALBAR", `s-${i}-a`) },
      { id: s2, personId: victim, fullName: `Korban Nomor ${i}`, ...prov("BP3MI-KALBAR", `s-${i}-b`) },
      { id: randomUUID(), personId: suspect, fullName: `Tersangka ${i}`, ...prov("POLDA-KALBAR", `s-${i}-c`) },
    );
    documents.push(
      { personId: victim, statementId: s1, type: "NIK", number: nik },
      { personId: victim, statementId: s2, type: "NIK", number: nik },
    );
    cases.push({
      id: caseId,
      status: "Active",
      exploitationTypes: ["ForcedLabour"],
      originRegionCode: "61.03.21",
      identifiedAt: new Date(Date.UTC(2025, 0, 1 + i)),
      ...prov("POLDA-KALBAR", `case-${i}`),
    });
    participants.push(
      { caseId, personId: victim, role: "VICTIM", isChild: i % 3 === 0, ...prov("POLDA-KALBAR", `p-${i}-v`) },
      { caseId, personId: suspect, role: "SUSPECT", suspectOrganizationId: p3mi!.id, ...prov("POLDA-KALBAR", `p-${i}-s`) },
    );
    placements.push({ workerId: victim, caseId, p3miId: p3mi!.id, destinationCountry: "MY", procedural: false, ...prov("BP3MI-KALBAR", `pl-${i}`) });
    referrals.push({
      personId: victim,
      caseId,
      fromOrganizationId: polda!.id,
      toOrganizationId: dinsos!.id,
      serviceType: "SHELTER",
      requestedAt: new Date(Date.UTC(2025, 1, 1 + i)),
      ...prov("POLDA-KALBAR", `ref-${i}`),
    });
  }
  await prisma.person.createMany({ data: persons as never });
  await prisma.personStatement.createMany({ data: statements as never });
  await prisma.identityDocument.createMany({ data: documents as never });
  await prisma.case.createMany({ data: cases as never });
  await prisma.caseParticipant.createMany({ data: participants as never });
  await prisma.migrantPlacement.createMany({ data: placements as never });
  await prisma.serviceReferral.createMany({ data: referrals as never });
}

describe.each(backends)("read: query count (%s)", (backend) => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    await insertManyCases(hub);
  });
  afterAll(() => hub?.stop());

  async function statementsFor(first: number) {
    const before = hub.db.queryCount;
    const res = await hub.gql(ReadCasePageWithVictimsDocument, { first });
    const used = hub.db.queryCount - before;
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data!.cases.edges;
    expect(edges).toHaveLength(first);
    // The page really carries the nested picture (a query that loaded nothing would be cheap too).
    for (const { node } of edges) {
      // Same contributedAt (one createMany), so the id tiebreak decides the order: look up by role.
      expect(node.participants.map((p) => p.role).sort()).toEqual(["SUSPECT", "VICTIM"]);
      const victim = node.participants.find((p) => p.role === "VICTIM")!.person!;
      const suspect = node.participants.find((p) => p.role === "SUSPECT")!;
      expect(victim.documents).toHaveLength(2);
      expect(victim.conflicts.map((c) => c.field)).toEqual(["FULL_NAME"]);
      expect(victim.fieldSources.map((s) => s.field)).toEqual(["FULL_NAME"]);
      expect(suspect.suspectOrganization).toEqual({ name: "PT Gelap Sentosa" });
      expect(node.placements[0]!.p3mi).toEqual({ name: "PT Gelap Sentosa" });
      expect(node.referrals[0]!.toOrganization).toEqual({ name: "Dinas Sosial Kalimantan Barat" });
    }
    return used;
  }

  it("issues the same, small number of SQL statements for 10 and for 50 cases", async () => {
    await statementsFor(10); // warm-up: first request may touch lazily prepared state
    const ten = await statementsFor(10);
    const fifty = await statementsFor(50);
    expect(fifty).toBe(ten);
    expect(ten).toBeLessThanOrEqual(20);
  });

  it("a page of persons with statements, conflicts and case roles is also independent of page size", async () => {
    const count = async (first: number) => {
      const before = hub.db.queryCount;
      const res = await hub.gql(ReadPersonPageWithStatementsDocument, { first });
      const used = hub.db.queryCount - before;
      expect(res.body.errors).toBeUndefined();
      const nodes = res.body.data!.persons.edges.map((e) => e.node);
      expect(nodes).toHaveLength(first);
      // Victims have two statements and a name conflict; suspects one statement and none.
      for (const n of nodes) expect(n.conflicts.length).toBe(n.statements.length === 2 ? 1 : 0);
      expect(nodes.every((n) => n.participations.length === 1 && n.participations[0]!.case!.status === "Active")).toBe(true);
      return used;
    };
    await count(10);
    const ten = await count(10);
    expect(await count(50)).toBe(ten);
    expect(ten).toBeLessThanOrEqual(12);
  });
});
