// The demo dataset: deterministic, structurally valid identifiers, and internally consistent
// records, on every backend.
import crypto from "node:crypto";
import type { Database } from "../../src/db/database";
import type { AgencyType } from "../../src/generated/prisma/client.ts";
import { resolvePerson, RESOLVED_FIELDS } from "../../src/domain/person-resolution";
import { CONTROL_METHODS, EXPLOITATION_TYPES, MODUS, MODUS_EXPLOITATION, PERPETRATOR_ROLES, RECRUITMENT_APPS, RECRUITMENT_METHODS, SERVICE_TYPES } from "../../src/domain/vocabulary";
import { withConstraintsBuiltAfterLoad } from "../../src/db/bulk-load";
import { copyText } from "../../src/seed/copy-text";
import { isEmpty, seedDemo } from "../../src/seed/demo";
import { DEMO_TOKEN_PROFILES } from "../../src/seed/demo-tokens";
import { demoRecords } from "../../src/seed/records";
import { REFERENCE_DATE } from "../../src/seed/prng";
import { readCatalog } from "../support/catalog";
import { backends, freshDatabase } from "../support/hub";

const TABLES = [
  "Region", "Organization", "Person", "PersonStatement", "IdentityDocument", "Case", "CaseParticipant", "CaseAssignment",
  "MigrantPlacement", "BorderCrossing", "Repatriation", "ServiceReferral", "LegalProceeding", "EarlyWarningReport",
] as const;

/** Row count, ordered keys and a hash of every column of every row. */
async function digest(db: Database, table: (typeof TABLES)[number]) {
  const key = table === "Region" ? "code" : "id";
  const rows = await db.raw.query<Record<string, unknown>>(`SELECT * FROM "${table}" ORDER BY "${key}"`);
  const text = JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  return { rows: rows.length, firstKeys: rows.slice(0, 5).map((r) => r[key]), sha256: crypto.createHash("sha256").update(text).digest("hex") };
}

const REQUIRED_AGENCIES: Record<string, AgencyType> = {
  "POLDA-KALBAR": "POLICE", "POLDA-KALSEL": "POLICE", "KEJATI-KALBAR": "PROSECUTOR", "KEJATI-KALSEL": "PROSECUTOR",
  "BP3MI-KALBAR": "MIGRANT_WORKER_AGENCY", "BP3MI-KALSEL": "MIGRANT_WORKER_AGENCY", "IMIGRASI-ENTIKONG": "IMMIGRATION",
  "IMIGRASI-PONTIANAK": "IMMIGRATION", "DINSOS-KALBAR": "SOCIAL_SERVICES", "DINSOS-KALSEL": "SOCIAL_SERVICES",
  "DP3A-KALBAR": "WOMEN_CHILD_PROTECTION", "DP3A-KALSEL": "WOMEN_CHILD_PROTECTION", "LBH-PONTIANAK": "LEGAL_AID",
  "LTSA-ENTIKONG": "LTSA", "LTSA-PONTIANAK": "LTSA", "GUGUS-TUGAS-KALBAR": "TASK_FORCE", "GUGUS-TUGAS-KALSEL": "TASK_FORCE",
};

describe.each(backends)("demo dataset on %s", (backend) => {
  let a: Database;
  let b: Database;
  let counts: Record<string, number>;

  beforeAll(async () => {
    [a, b] = await Promise.all([freshDatabase(backend), freshDatabase(backend)]);
    expect(await isEmpty(a.prisma)).toBe(true);
    counts = await seedDemo(a, { scale: 1 });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it("gives identical rows, ids included, when seeded twice at the same scale", async () => {
    expect(await seedDemo(b, { scale: 1 })).toEqual(counts);
    for (const table of TABLES) {
      const [da, db] = [await digest(a, table), await digest(b, table)];
      expect(da.rows).toBeGreaterThan(0);
      expect({ table, ...db }).toEqual({ table, ...da });
    }
  });

  it("has the size of one year of Kalbar cases per scale unit", async () => {
    expect(counts.cases).toBe(60);
    const victims = await a.prisma.caseParticipant.count({ where: { role: "VICTIM" } });
    expect(victims).toBeGreaterThan(130);
    expect(victims).toBeLessThan(260);
    const kalbar = await a.prisma.case.count({ where: { originRegionCode: { startsWith: "61" } } });
    const kalsel = await a.prisma.case.count({ where: { originRegionCode: { startsWith: "63" } } });
    expect(kalbar + kalsel).toBe(60);
    expect(kalbar).toBeGreaterThan(kalsel * 3);
  });

  it("grows with the scale and keeps the agencies' ids", async () => {
    const db = await freshDatabase(backend);
    try {
      const bigger = await seedDemo(db, { scale: 3 });
      expect(bigger.cases).toBe(180);
      expect(bigger.persons).toBeGreaterThan(counts.persons! * 2.5);
      const ids = async (d: Database) => (await d.prisma.organization.findMany({ where: { kind: "AGENCY" }, orderBy: { code: "asc" } })).map((o) => [o.code, o.id]);
      expect(await ids(db)).toEqual(await ids(a));
    } finally {
      await db.close();
    }
  });

  it("gives the same records without a database (demoRecords, what the example agency systems derive theirs from)", async () => {
    const records = await demoRecords({ scale: 1 });
    const pick = (rows: readonly Record<string, unknown>[], cols: readonly string[]) =>
      rows.map((r) => cols.map((c) => (r[c] instanceof Date ? (r[c] as Date).toISOString() : (r[c] ?? null)))).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    const compare = async (table: string, rows: readonly object[], cols: readonly string[]) => {
      const stored = await a.raw.query<Record<string, unknown>>(`SELECT ${cols.map((c) => `"${c}"`).join(", ")} FROM "${table}"`);
      expect({ table, rows: pick(rows as Record<string, unknown>[], cols) }).toEqual({ table, rows: pick(stored, cols) });
    };
    await compare("Organization", records.organizations, ["id", "code", "licenceNumber", "licenceStatus", "externalId"]);
    await compare("Person", records.persons, ["id", "fullName", "birthDate"]);
    await compare("IdentityDocument", records.identityDocuments, ["id", "personId", "type", "number"]);
    await compare("Case", records.cases, ["id", "sourceAgency", "externalId"]);
    await compare("MigrantPlacement", records.migrantPlacements, ["id", "workerId", "caseId", "p3miId", "employerId", "idPmi", "departureDate", "externalId"]);
    await compare("BorderCrossing", records.borderCrossings, ["id", "personId", "documentNumber", "crossedAt", "externalId"]);
    for (const key of Object.keys(counts).filter((k) => k !== "regions")) {
      expect({ key, n: (records as unknown as Record<string, unknown[]>)[key]!.length }).toEqual({ key, n: counts[key] });
    }
  });

  it("generates ids in UUID v4 layout, not database defaults", async () => {
    const ids = await a.raw.query<{ id: string }>(`SELECT id FROM "Person" UNION ALL SELECT id FROM "Case" UNION ALL SELECT id FROM "ServiceReferral"`);
    expect(ids.length).toBeGreaterThan(500);
    for (const { id } of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("says it is already seeded instead of seeding twice", async () => {
    expect(await isEmpty(a.prisma)).toBe(false);
    const before = await a.prisma.case.count();
    expect(await seedDemo(a, { scale: 1 })).toEqual({ alreadySeeded: 1 });
    expect(await a.prisma.case.count()).toBe(before);
  });

  it("dates nothing after the demo's reference date", async () => {
    // Not the ledgers of what the database went through (migrations, audit, reference-data syncs).
    const columns = await a.raw.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('date', 'timestamp without time zone')
          AND table_name NOT IN ('_prisma_migrations', 'AuditEntry', 'RegionSync', 'RegionName')`,
    );
    expect(columns.length).toBeGreaterThan(30);
    for (const { table_name, column_name } of columns) {
      const [row] = await a.raw.query<{ late: number | string }>(`SELECT count(*) AS late FROM "${table_name}" WHERE "${column_name}" >= $1`, [REFERENCE_DATE.toISOString()]);
      expect({ table_name, column_name, late: Number(row!.late) }).toEqual({ table_name, column_name, late: 0 });
    }
  });

  it("has every agency the demo tokens and the brief name, with its agency type", async () => {
    const orgs = await a.prisma.organization.findMany({ where: { code: { not: null } } });
    const byCode = new Map(orgs.map((o) => [o.code, o]));
    for (const p of DEMO_TOKEN_PROFILES) expect(byCode.has(p.agency)).toBe(true);
    for (const [code, type] of Object.entries(REQUIRED_AGENCIES)) expect({ code, type: byCode.get(code)?.agencyType }).toEqual({ code, type });
    expect(byCode.get("NGO-SUAKA-BORNEO")?.kind).toBe("NGO");
    const p3mi = await a.prisma.organization.findMany({ where: { kind: "P3MI" } });
    for (const status of ["ACTIVE", "SUSPENDED", "REVOKED"]) expect(p3mi.map((o) => o.licenceStatus)).toContain(status);
    for (const o of p3mi) expect(o.licenceNumber).toMatch(/^SIP3MI\/\d{3}\/20\d\d$/);
    expect(await a.prisma.organization.count({ where: { kind: "EMPLOYER", country: { not: "ID" } } })).toBeGreaterThan(0);
  });

  it("names a known organization as the source of every contributed record", async () => {
    const codes = new Set((await a.prisma.organization.findMany({ where: { code: { not: null } }, select: { code: true } })).map((o) => o.code));
    for (const table of TABLES.filter((t) => t !== "Region" && t !== "CaseAssignment" && t !== "IdentityDocument" && t !== "Person")) {
      const rows = await a.raw.query<{ sourceAgency: string; n: number }>(`SELECT "sourceAgency", count(*) AS n FROM "${table}" GROUP BY 1`);
      for (const r of rows) expect({ table, agency: r.sourceAgency, known: codes.has(r.sourceAgency) }).toEqual({ table, agency: r.sourceAgency, known: true });
      const bad = await a.raw.query(`SELECT id FROM "${table}" WHERE "sourceSystem" = '' OR "externalId" = '' OR "contributedBy" = '' OR version < 1 OR "updatedAt" < "contributedAt"`);
      expect({ table, bad }).toEqual({ table, bad: [] });
    }
  });

  it("writes NIKs with valid structure, unique per person, matching sex and birth date", async () => {
    const districts = new Set((await a.prisma.region.findMany({ where: { level: "DISTRICT" } })).map((r) => r.code.replace(/\./g, "")));
    const docs = await a.prisma.identityDocument.findMany({ where: { type: "NIK" }, include: { person: true, statement: true } });
    expect(docs.length).toBeGreaterThan(300);
    const owner = new Map<string, string>();
    for (const d of docs) {
      const nik = d.number;
      expect(nik).toMatch(/^\d{16}$/);
      expect(districts.has(nik.slice(0, 6))).toBe(true);
      const dd = Number(nik.slice(6, 8));
      const female = dd > 40;
      const day = female ? dd - 40 : dd;
      const month = Number(nik.slice(8, 10));
      const yy = Number(nik.slice(10, 12));
      const year = 2000 + yy <= REFERENCE_DATE.getUTCFullYear() ? 2000 + yy : 1900 + yy;
      const date = new Date(Date.UTC(year, month - 1, day));
      expect(date.getUTCMonth() + 1).toBe(month); // rejects 31 April, 30 February, month 13...
      expect(date.getUTCDate()).toBe(day);
      expect(nik.slice(12)).not.toBe("0000");
      expect(d.person.sex).toBe(female ? "Feminine" : "Masculine");
      // The NIK agrees with the statement that reported it (the resolved birth date may not: falsified ages).
      expect(d.statement.birthDate?.toISOString().slice(0, 10)).toBe(date.toISOString().slice(0, 10));
      expect(owner.get(nik) ?? d.personId).toBe(d.personId);
      owner.set(nik, d.personId);
    }
    const passports = await a.prisma.identityDocument.findMany({ where: { type: "PASSPORT" } });
    expect(passports.length).toBeGreaterThan(20);
    for (const p of passports) expect(p.number).toMatch(/^[A-Z]{1,2}\d{6,7}$/);
  });

  it("resolves persons known to two agencies from their differing statements", async () => {
    const agencyType = new Map((await a.prisma.organization.findMany()).map((o) => [o.code, o.agencyType]));
    const persons = await a.prisma.person.findMany({ where: { statements: { some: {} } }, include: { statements: true } });
    const shared = persons.filter((p) => new Set(p.statements.map((s) => s.sourceAgency)).size === 2);
    expect(shared).toHaveLength(5);
    for (const p of shared) {
      const { resolved, conflicts } = resolvePerson(p.statements.map((s) => ({ ...s, agencyType: agencyType.get(s.sourceAgency) ?? null })));
      expect(conflicts.length).toBeGreaterThan(0); // the agencies disagree on something
      for (const f of RESOLVED_FIELDS) expect({ f, v: p[f] }).toEqual({ f, v: resolved[f] });
      expect([...p.aliases].sort()).toEqual(resolved.aliases);
    }
  });

  it("keeps victims' child flag, vocabularies and case dates consistent", async () => {
    const parts = await a.prisma.caseParticipant.findMany();
    for (const p of parts) {
      if (p.role === "VICTIM") {
        expect(p.ageAtExploitation).not.toBeNull();
        expect(p.isChild).toBe(p.ageAtExploitation! < 18);
        expect(p.needs.every((n) => (SERVICE_TYPES as readonly string[]).includes(n))).toBe(true);
        expect(p.consentAgencies.length).toBeGreaterThan(0);
      } else {
        expect(p.isChild).toBe(false);
      }
      if (p.role === "SUSPECT") expect(p.suspectRoles.length > 0 && p.suspectRoles.every((r) => (PERPETRATOR_ROLES as readonly string[]).includes(r))).toBe(true);
    }
    expect(parts.some((p) => p.isChild)).toBe(true);
    expect(parts.some((p) => p.suspectOrganizationId)).toBe(true);
    const within = <T extends string>(list: readonly T[], values: string[]) => values.every((v) => (list as readonly string[]).includes(v));
    for (const c of await a.prisma.case.findMany()) {
      expect(c.modus.length).toBeGreaterThan(0);
      expect(within(MODUS, c.modus) && within(EXPLOITATION_TYPES, c.exploitationTypes) && within(RECRUITMENT_METHODS, c.recruitmentMethods)).toBe(true);
      expect(within(CONTROL_METHODS, c.controlMethods) && within(RECRUITMENT_APPS, c.recruitmentApps)).toBe(true);
      expect(c.exploitationTypes).toContain(MODUS_EXPLOITATION[c.modus[0] as (typeof MODUS)[number]][0]);
      expect(c.destinationCountry).toMatch(/^[A-Z]{2}$/);
      expect(c.originRegionCode).toMatch(/^6[13]\.\d\d(\.\d\d)?$/);
      expect(c.identifiedAt!.getTime()).toBeLessThan(REFERENCE_DATE.getTime());
      expect(c.closedAt !== null).toBe(c.status === "Closed" || c.status === "ClosedReferred");
      if (c.exploitationStartedAt) expect(c.exploitationStartedAt.getTime()).toBeLessThanOrEqual(c.exploitationEndedAt!.getTime());
    }
    expect(await a.prisma.case.count({ where: { recruitmentApps: { has: "Facebook" } } })).toBeGreaterThan(5);
  });

  it("orders referral timestamps and derives the status from them", async () => {
    const refs = await a.prisma.serviceReferral.findMany();
    expect(new Set(refs.map((r) => r.status)).size).toBeGreaterThanOrEqual(4);
    for (const r of refs) {
      const t = (d: Date | null) => d?.getTime() ?? null;
      const steps = [r.requestedAt, r.acceptedAt, r.startedAt, r.completedAt].map(t).filter((x): x is number => x !== null);
      expect(steps).toEqual([...steps].sort((x, y) => x - y));
      if (r.declinedAt) expect(r.declinedAt.getTime()).toBeGreaterThanOrEqual(r.requestedAt.getTime());
      for (const s of [...steps, t(r.declinedAt)]) if (s !== null) expect(s).toBeLessThan(REFERENCE_DATE.getTime());
      const expected = r.declinedAt ? "DECLINED" : r.completedAt ? "COMPLETED" : r.startedAt ? "IN_PROGRESS" : r.acceptedAt ? "ACCEPTED" : "REQUESTED";
      expect({ id: r.id, status: r.status }).toEqual({ id: r.id, status: expected });
      expect(r.fromOrganizationId).not.toBe(r.toOrganizationId);
    }
  });

  it("ties proceedings, assignments and border records to their cases", async () => {
    const lps = await a.prisma.legalProceeding.findMany({ where: { sourceAgency: { startsWith: "POLDA" } } });
    expect(lps).toHaveLength(60); // one laporan polisi per case
    for (const lp of lps) expect(lp.policeReportNumber).toMatch(/^LP\/B\/\d+\/[IVX]+\/20\d\d\/SPKT\/POLDA KALIMANTAN (BARAT|SELATAN)$/);
    const investigating = await a.prisma.caseAssignment.count({ where: { purpose: "INVESTIGATION", organization: { agencyType: "POLICE" } } });
    expect(investigating).toBeGreaterThanOrEqual(60);
    const posts = new Set((await a.prisma.borderCrossing.findMany({ select: { post: true } })).map((c) => c.post));
    for (const p of ["PLBN_ENTIKONG", "AIRPORT_SUPADIO_PONTIANAK"] as const) expect(posts.has(p)).toBe(true);
    expect(await a.prisma.borderCrossing.count({ where: { deportation: true } })).toBeGreaterThan(0);
    expect(await a.prisma.migrantPlacement.count({ where: { procedural: false } })).toBeGreaterThan(0);
    expect(await a.prisma.earlyWarningReport.count({ where: { caseId: { not: null } } })).toBeGreaterThan(0);
  });

  it("round-trips awkward text through COPY's text format", async () => {
    const db = await freshDatabase(backend);
    const awkward = [`O'Neil`, `say "hi"`, `back\\slash`, `{brace,comma}`, `NULL`, `\\N`, `tab\there`, `two\nlines\r\n`, `ünï 🙂`, ""];
    const row = {
      id: "00000000-0000-4000-8000-000000000001", fullName: awkward.join(" "), aliases: awkward, nationality: [], birthDate: null,
      createdAt: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)), updatedAt: new Date(Date.UTC(2024, 0, 2)),
    };
    const { columns, data } = copyText("Person", [row]);
    await db.raw.transaction((tx) => tx.copyFrom("Person", columns, data));
    const p = await db.prisma.person.findUniqueOrThrow({ where: { id: row.id } });
    await db.close();
    expect(p.aliases).toEqual(awkward);
    expect(p.fullName).toBe(awkward.join(" "));
    expect(p.birthDate).toBeNull();
    expect(p.createdAt.toISOString()).toBe("2024-01-02T03:04:05.006Z");
  });

  it("rejects a COPY the database refuses, rolls back, and keeps the connection usable", async () => {
    const db = await freshDatabase(backend);
    try {
      const bad = { code: "99", name: "Nowhere", level: "PLANET", parentCode: null };
      const { columns, data } = copyText("Region", [bad]);
      const regions = await db.prisma.region.count(); // the reference regions of a fresh database
      await expect(db.raw.transaction((tx) => tx.copyFrom("Region", columns, data))).rejects.toThrow(/invalid input value for enum "RegionLevel": "PLANET"/);
      expect(await db.raw.query(`SELECT code FROM "Region" WHERE code = '99'`)).toEqual([]);
      const good = copyText("Region", [{ ...bad, level: "PROVINCE" }]);
      await db.raw.transaction((tx) => tx.copyFrom("Region", good.columns, good.data));
      expect(await db.prisma.region.count()).toBe(regions + 1);
    } finally {
      await db.close();
    }
  });

  it("leaves nothing behind when the seed fails part-way", async () => {
    const db = await freshDatabase(backend);
    try {
      // A case the seed will try to write again: its COPY fails on the primary key after regions,
      // organizations and a chunk of persons were written in the same transaction.
      const [firstCase] = await a.raw.query<Record<string, unknown>>(`SELECT * FROM "Case" ORDER BY "contributedAt" LIMIT 1`);
      await db.raw.transaction(async (tx) => {
        await tx.query(`INSERT INTO "Region" (code, name, level) VALUES ('99', 'Nowhere', 'PROVINCE')`);
        const clash = { ...firstCase!, sourceAgency: "SOMEONE-ELSE", externalId: "X/1", originRegionCode: null, recruitmentRegionCode: null };
        const { columns, data } = copyText("Case", [clash]);
        await tx.copyFrom("Case", columns, data);
      });
      await expect(seedDemo(db, { scale: 1 })).rejects.toThrow(/Case_pkey|duplicate key/);
      const counts = await db.raw.query<{ n: string | number }>(
        `SELECT (SELECT count(*) FROM "Person") + (SELECT count(*) FROM "Organization") + (SELECT count(*) FROM "Region" WHERE "codeVersion" NOT LIKE 'idn-area-data@%') AS n`,
      );
      expect(Number(counts[0]!.n)).toBe(1); // the one region written before (not from the reference data): nothing of the failed seed
      expect(await db.prisma.case.count()).toBe(1);
      expect(await readCatalog(db.raw)).toEqual(await readCatalog(a.raw)); // every index and key back
    } finally {
      await db.close();
    }
  });

  it("keeps every index and key exactly as the migrations made them", async () => {
    const fresh = await freshDatabase(backend);
    try {
      expect(await readCatalog(a.raw)).toEqual(await readCatalog(fresh.raw));
    } finally {
      await fresh.close();
    }
  });

  it("checks the foreign keys it re-creates after a load against every row loaded", async () => {
    const db = await freshDatabase(backend);
    try {
      const before = await readCatalog(db.raw);
      const orphan = { id: "00000000-0000-4000-8000-0000000000aa", fullName: "Orphan", aliases: [], nationality: [], personId: "00000000-0000-4000-8000-0000000000bb", updatedAt: new Date(), sourceAgency: "X", sourceSystem: "X", externalId: "X/1", contributedAt: new Date(), contributedBy: "x", version: 1 };
      const load = db.raw.transaction((tx) =>
        withConstraintsBuiltAfterLoad(tx, ["PersonStatement"], async () => {
          const { columns, data } = copyText("PersonStatement", [orphan]);
          await tx.copyFrom("PersonStatement", columns, data); // accepted here: the key is not there yet
        }),
      );
      await expect(load).rejects.toThrow(/PersonStatement_personId_fkey/);
      expect(await db.prisma.personStatement.count()).toBe(0);
      expect(await readCatalog(db.raw)).toEqual(before);
    } finally {
      await db.close();
    }
  });
});
