// Issue 9: the three reads cost a fixed number of SQL statements, whatever the page size or the
// nesting depth: ONE statement per root field (src/read/; a connection's totalCount and the
// agency types behind Person.conflicts come out of it too), plus the audit log's append for the
// sensitive fields read. db.queryCount counts Prisma's statements
// and the compiled path's (db.read) alike.
import { randomUUID } from "node:crypto";
import { appendAuditEntries } from "../../src/audit/append";
import { BoundCaseDeepDocument, BoundCasePictureDocument, BoundCasesByRegionDocument, BoundPersonByNikDocument } from "../generated/graphql";
import { backends, startTestHub, type TestHub } from "../support/hub";

const CASES = 60;
/**
 * Statements the audit log's append adds to a request that reads sensitive fields, measured on each
 * backend through its own API (src/audit/append.ts), so the bound holds for whatever the append costs.
 */
let AUDIT = Number.NaN;

async function load(hub: TestHub) {
  const prisma = hub.db.prisma;
  const prov = (agency: string, externalId: string) => ({ sourceAgency: agency, sourceSystem: "TEST", externalId, contributedBy: "loader" });
  const orgs = [
    { id: randomUUID(), code: "POLDA-KALBAR", name: "Polda Kalimantan Barat", kind: "AGENCY" as const, agencyType: "POLICE" as const },
    { id: randomUUID(), code: "BP3MI-KALBAR", name: "BP3MI Kalimantan Barat", kind: "AGENCY" as const, agencyType: "MIGRANT_WORKER_AGENCY" as const },
    { id: randomUUID(), code: "DINSOS-KALBAR", name: "Dinas Sosial Kalimantan Barat", kind: "AGENCY" as const, agencyType: "SOCIAL_SERVICES" as const },
    { id: randomUUID(), code: null, name: "PT Gelap Sentosa", kind: "P3MI" as const, agencyType: null, licenceStatus: "REVOKED" as const },
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
  const crossings: object[] = [];
  const proceedings: object[] = [];
  const warnings: object[] = [];
  const victims: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const victim = randomUUID();
    const suspect = randomUUID();
    const caseId = randomUUID();
    victims.push(victim);
    persons.push({ id: victim, fullName: `Korban ${i}`, originRegionCode: "61.03.21" }, { id: suspect, fullName: `Tersangka ${i}` });
    const s1 = randomUUID();
    const s2 = randomUUID();
    statements.push(
      { id: s1, personId: victim, fullName: `Korban ${i}`, ...prov("POLDA-KALBAR", `s-${i}-a`) },
      { id: s2, personId: victim, fullName: `Korban Nomor ${i}`, ...prov("BP3MI-KALBAR", `s-${i}-b`) },
      { id: randomUUID(), personId: suspect, fullName: `Tersangka ${i}`, ...prov("POLDA-KALBAR", `s-${i}-c`) },
    );
    const nik = `6103215403${String(i).padStart(6, "0")}`;
    documents.push({ personId: victim, statementId: s1, type: "NIK", number: nik }, { personId: victim, statementId: s2, type: "NIK", number: nik });
    cases.push({
      id: caseId,
      status: "Active",
      exploitationTypes: ["ForcedLabour"],
      originRegionCode: "61.03.21",
      identifiedAt: new Date(Date.UTC(2025, 0, 1 + i)),
      summary: `Kasus ${i}`,
      ...prov("POLDA-KALBAR", `case-${i}`),
    });
    participants.push(
      { caseId, personId: victim, role: "VICTIM", isChild: i % 3 === 0, ...prov("POLDA-KALBAR", `p-${i}-v`) },
      { caseId, personId: suspect, role: "SUSPECT", suspectOrganizationId: p3mi!.id, ...prov("POLDA-KALBAR", `p-${i}-s`) },
    );
    // Every victim also appears in the previous case, so nesting through persons finds more cases.
    if (i > 0) participants.push({ caseId, personId: victims[i - 1], role: "WITNESS", ...prov("POLDA-KALBAR", `p-${i}-w`) });
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
    crossings.push({ personId: victim, caseId, post: "PLBN_ENTIKONG", direction: "EXIT", crossedAt: new Date(Date.UTC(2024, 5, 1 + i)), ...prov("IMIGRASI-KALBAR", `bc-${i}`) });
    proceedings.push({ caseId, stage: "INVESTIGATION", ...prov("POLDA-KALBAR", `lp-${i}`) });
    warnings.push({ source: "LTSA", regionCode: "61.03.21", reportedAt: new Date(Date.UTC(2025, 2, 1 + i)), description: "Calo", caseId, ...prov("BP3MI-KALBAR", `ew-${i}`) });
  }
  await prisma.person.createMany({ data: persons as never });
  await prisma.personStatement.createMany({ data: statements as never });
  await prisma.identityDocument.createMany({ data: documents as never });
  await prisma.case.createMany({ data: cases as never });
  await prisma.caseParticipant.createMany({ data: participants as never });
  await prisma.migrantPlacement.createMany({ data: placements as never });
  await prisma.serviceReferral.createMany({ data: referrals as never });
  await prisma.borderCrossing.createMany({ data: crossings as never });
  await prisma.legalProceeding.createMany({ data: proceedings as never });
  await prisma.earlyWarningReport.createMany({ data: warnings as never });
  return { caseIds: (cases as { id: string }[]).map((c) => c.id) };
}

describe.each(backends)("read: statement bound of the three reads (%s)", (backend) => {
  let hub: TestHub;
  let caseIds: string[];
  let investigator: string;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    ({ caseIds } = await load(hub));
    const before = hub.db.queryCount;
    await appendAuditEntries(hub.db.prisma, [
      { requestId: "measure", agency: null, roles: [], purpose: null, operationName: null, action: "READ", recordType: null, recordIds: [], fields: [], decision: null },
    ]);
    AUDIT = hub.db.queryCount - before;
    expect(AUDIT).toBeGreaterThan(0);
    investigator = await hub.token({ agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation", jurisdiction: ["61"] });
  });
  afterAll(() => hub?.stop());

  type Errors = { extensions?: Record<string, unknown> }[];
  async function statements<T>(run: () => Promise<{ body: { data?: T | null; errors?: Errors } }>, refused = 0): Promise<{ used: number; data: T }> {
    await run(); // the first request of a shape may prepare state lazily
    const before = hub.db.queryCount;
    const res = await run();
    const used = hub.db.queryCount - before;
    if (refused) expect((res.body.errors ?? []).map((e) => e.extensions?.code)).toEqual(Array(refused).fill("FORBIDDEN"));
    else expect(res.body.errors).toBeUndefined();
    return { used, data: res.body.data as T };
  }

  it("(a) a case's full picture: one statement", async () => {
    const { used, data } = await statements(() => hub.gql(BoundCasePictureDocument, { id: caseIds[10]! }, { token: investigator }));
    const c = data.case!;
    expect(c.participants.length).toBe(3);
    expect(c.placements[0]!.p3mi).toEqual({ name: "PT Gelap Sentosa", licenceStatus: "REVOKED" });
    expect(c.crossings).toHaveLength(1);
    expect(c.proceedings).toHaveLength(1);
    expect(c.warnings).toHaveLength(1);
    expect(c.participants.find((p) => p.role === "VICTIM")!.person!.conflicts.map((x) => x.field)).toEqual(["FULL_NAME"]);
    expect(used).toBeLessThanOrEqual(1 + AUDIT);
  });

  it("(a) deeper nesting costs no more statements", async () => {
    const shallow = await statements(() => hub.gql(BoundCasePictureDocument, { id: caseIds[20]! }, { token: investigator }));
    const deep = await statements(() => hub.gql(BoundCaseDeepDocument, { id: caseIds[20]! }, { token: investigator }));
    const nestedCases = deep.data.case!.participants.flatMap((p) => p.person!.participations.map((x) => x.case!.id));
    expect(new Set(nestedCases).size).toBeGreaterThan(1);
    expect(deep.used).toBeLessThanOrEqual(1 + AUDIT);
    expect(deep.used).toBeLessThanOrEqual(shallow.used);
  });

  it("(b) a page of cases by region: the same statements for 5 as for 50 cases", async () => {
    const page = (first: number) => statements(() => hub.gql(BoundCasesByRegionDocument, { first }, { token: investigator }));
    const five = await page(5);
    const fifty = await page(50);
    expect(five.data.cases.edges).toHaveLength(5);
    expect(fifty.data.cases.edges).toHaveLength(50);
    for (const { node } of fifty.data.cases.edges) {
      expect(node.participants.map((p) => p.role)).toEqual(["VICTIM"]);
      expect(node.participants[0]!.person!.documents).toHaveLength(2);
    }
    expect(fifty.used).toBe(five.used);
    // One statement (the page and its totalCount), plus the audit.
    expect(fifty.used).toBeLessThanOrEqual(1 + AUDIT);
    // The next page through the cursor too.
    const next = await statements(() =>
      hub.gql(BoundCasesByRegionDocument, { first: 50, after: five.data.cases.pageInfo.endCursor }, { token: investigator }),
    );
    expect(next.data.cases.edges).toHaveLength(50);
    expect(next.data.cases.edges[0]!.node.id).not.toBe(five.data.cases.edges[4]!.node.id);
    expect(next.used).toBe(fifty.used);
  });

  it("(c) person by NIK: one statement", async () => {
    const { used, data } = await statements(() => hub.gql(BoundPersonByNikDocument, { number: "6103215403000007" }, { token: investigator }));
    expect(data.personsByDocument).toHaveLength(1);
    const p = data.personsByDocument[0]!;
    expect(p.documents).toHaveLength(2);
    expect(p.participations.map((x) => x.role).sort()).toEqual(["VICTIM", "WITNESS"]);
    expect(p.placements[0]!.p3mi).toEqual({ name: "PT Gelap Sentosa" });
    expect(used).toBeLessThanOrEqual(1 + AUDIT);
  });

  it("(c) person by NIK for an LTSA desk officer, whom the victim protections apply to: one statement", async () => {
    const ltsa = await hub.token({ agency: "LTSA-ENTIKONG", roles: ["ltsa-officer"], purpose: "early-warning", jurisdiction: ["61.03"] });
    // A child victim: the desk sees the person (a migrant worker), her name masked, and is refused
    // her case roles.
    const { used, data } = await statements(() => hub.gql(BoundPersonByNikDocument, { number: "6103215403000009" }, { token: ltsa }), 1);
    expect(data.personsByDocument).toHaveLength(1);
    expect(data.personsByDocument[0]!.fullName).toBe("K. 9.");
    expect(data.personsByDocument[0]!.documents.map((d) => d.number)).toEqual(["610321********09", "610321********09"]);
    expect(used).toBeLessThanOrEqual(1 + AUDIT);
  });
});
