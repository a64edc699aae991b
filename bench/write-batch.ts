// The write workload: a deterministic batch of 1,000 mixed contribution records (persons with a
// NIK, cases, victims linking them, early warnings: 250 of each) and the same records written by
// bulk SQL (INSERT ... ON CONFLICT from unnest, one statement per table, one transaction).
//
// Sent over HTTP with a police investigator's token, so the records are types that one role may
// contribute. bench/contribute-batch.ts measures the engine alone on a wider mix (eight types, no
// HTTP, no policy); bench/writes.ts only uses the WriteWorkload interface below.
import type pg from "pg";
import { formatNik } from "../src/seed/nik";

/** A GraphQL ContributionInput: exactly one record type set. */
export type ContributionRecord = Record<string, Record<string, unknown>>;

export interface WriteWorkload {
  /** 1,000 records, the same for the same `run`; each run (1-99) writes records of its own. */
  buildBatch(run: number): ContributionRecord[];
  /** Writes `records` as `agency` with bulk SQL in one transaction; returns the statements sent. */
  runSqlFloor(client: pg.ClientBase, records: readonly ContributionRecord[], agency: string): Promise<number>;
}

const SYSTEM = "BENCH";
const GROUPS = 250;
const DAY = 86_400_000;

function buildBatch(run: number): ContributionRecord[] {
  if (!Number.isInteger(run) || run < 1 || run > 99) throw new Error(`run must be 1-99, got ${run}`);
  const records: ContributionRecord[] = [];
  for (let i = 0; i < GROUPS; i++) {
    const id = `BENCH-${run}-${i}`;
    const sex = i % 2 ? "Masculine" : "Feminine";
    const birthDate = new Date(Date.UTC(1960, 0, 1) + i * 37 * DAY);
    // Serials above 9000 are far beyond the demo data's, so no NIK matches a seeded person.
    const nik = formatNik("61.03.21", birthDate, sex, 9000 + run);
    const day = new Date(Date.UTC(2025, 0, 1) + i * DAY).toISOString().slice(0, 10);
    records.push(
      { person: { externalId: `${id}-P`, sourceSystem: SYSTEM, fullName: `Bench Person ${run} ${i}`, birthDate: birthDate.toISOString().slice(0, 10), sex, nationality: ["ID"], documents: [{ type: "NIK", number: nik }] } },
      { case: { externalId: `${id}-C`, sourceSystem: SYSTEM, title: `Bench case ${run} ${i}`, status: "Active", modus: ["DOMESTIC_WORKER"], exploitationTypes: ["ForcedLabour"], originRegionCode: "61.03", destinationCountry: "MY", identifiedAt: day } },
      { caseParticipant: { externalId: `${id}-V`, sourceSystem: SYSTEM, case: { externalId: `${id}-C` }, person: { externalId: `${id}-P` }, role: "VICTIM", ageAtExploitation: 20 + (i % 30) } },
      { earlyWarningReport: { externalId: `${id}-W`, sourceSystem: SYSTEM, source: "AGENCY", regionCode: "61.03", reportedAt: `${day}T02:00:00Z`, description: `Bench report ${run} ${i}` } },
    );
  }
  return records;
}

const col = <T>(rows: readonly Record<string, unknown>[], k: string) => rows.map((r) => (r[k] ?? null) as T);
// Hub-like ids, deterministic per record key, computed in PostgreSQL.
const idOf = (prefix: string, agency: string, ext: string) => `md5('${prefix}:' || ${agency} || ':' || ${ext})::uuid::text`;
// Only rows that differ are rewritten (and get version + 1), as the hub does.
const changed = (table: string, cols: string[]) => `(${cols.map((c) => `"${table}"."${c}"`).join(", ")}) IS DISTINCT FROM (${cols.map((c) => `EXCLUDED."${c}"`).join(", ")})`;
const setting = (cols: string[]) => cols.map((c) => `"${c}" = EXCLUDED."${c}"`).join(", ") + `, version = "%T".version + 1, "updatedAt" = now()`;

async function runSqlFloor(client: pg.ClientBase, records: readonly ContributionRecord[], agency: string): Promise<number> {
  const of = (type: string) => records.flatMap((r) => (r[type] ? [r[type]!] : []));
  const persons = of("person");
  const cases = of("case");
  const victims = of("caseParticipant");
  const warnings = of("earlyWarningReport");
  const personCols = ["fullName", "birthDate", "sex", "nationality"];
  const caseCols = ["title", "status", "modus", "exploitationTypes", "originRegionCode", "destinationCountry", "identifiedAt"];
  const statements: [string, unknown[]][] = [
    [
      `INSERT INTO "Person" (id, "fullName", "birthDate", sex, nationality, "createdByAgency", "updatedAt")
       SELECT ${idOf("P", "$1", "u.ext")}, u.name, u.birth, u.sex::"Sex", ARRAY['ID'], $1, now()
       FROM unnest($2::text[], $3::text[], $4::date[], $5::text[]) AS u(ext, name, birth, sex)
       ON CONFLICT (id) DO UPDATE SET "fullName" = EXCLUDED."fullName", "birthDate" = EXCLUDED."birthDate", sex = EXCLUDED.sex, "updatedAt" = now()
       WHERE ("Person"."fullName", "Person"."birthDate", "Person".sex) IS DISTINCT FROM (EXCLUDED."fullName", EXCLUDED."birthDate", EXCLUDED.sex)`,
      [agency, col(persons, "externalId"), col(persons, "fullName"), col(persons, "birthDate"), col(persons, "sex")],
    ],
    [
      `INSERT INTO "PersonStatement" (id, "personId", "fullName", "birthDate", sex, nationality, "sourceAgency", "sourceSystem", "externalId", "contributedBy", "updatedAt")
       SELECT ${idOf("S", "$1", "u.ext")}, ${idOf("P", "$1", "u.ext")}, u.name, u.birth, u.sex::"Sex", ARRAY['ID'], $1, '${SYSTEM}', u.ext, 'bench', now()
       FROM unnest($2::text[], $3::text[], $4::date[], $5::text[]) AS u(ext, name, birth, sex)
       ON CONFLICT ("sourceAgency", "externalId") DO UPDATE SET ${setting(personCols).replace("%T", "PersonStatement")}
       WHERE ${changed("PersonStatement", personCols)}`,
      [agency, col(persons, "externalId"), col(persons, "fullName"), col(persons, "birthDate"), col(persons, "sex")],
    ],
    [
      `INSERT INTO "IdentityDocument" (id, "personId", "statementId", type, number, "issuingCountry", flags)
       SELECT ${idOf("D", "$1", "u.ext")}, ${idOf("P", "$1", "u.ext")}, ${idOf("S", "$1", "u.ext")}, 'NIK', u.nik, 'ID', '{}'
       FROM unnest($2::text[], $3::text[]) AS u(ext, nik)
       ON CONFLICT ("statementId", type, number, "issuingCountry") DO NOTHING`,
      [agency, col(persons, "externalId"), persons.map((p) => (p.documents as { number: string }[])[0]!.number)],
    ],
    [
      `INSERT INTO "Case" (id, title, status, modus, "exploitationTypes", "originRegionCode", "destinationCountry", "identifiedAt", "sourceAgency", "sourceSystem", "externalId", "contributedBy", "updatedAt")
       SELECT ${idOf("C", "$1", "u.ext")}, u.title, u.status::"CaseStatus", ARRAY[u.modus], ARRAY[u.etype], u.region, u.dest, u.day, $1, '${SYSTEM}', u.ext, 'bench', now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[]) AS u(ext, title, status, modus, etype, region, dest, day)
       ON CONFLICT ("sourceAgency", "externalId") DO UPDATE SET ${setting(caseCols).replace("%T", "Case")}
       WHERE ${changed("Case", caseCols)}`,
      [
        agency,
        col(cases, "externalId"),
        col(cases, "title"),
        col(cases, "status"),
        cases.map((c) => (c.modus as string[])[0]),
        cases.map((c) => (c.exploitationTypes as string[])[0]),
        col(cases, "originRegionCode"),
        col(cases, "destinationCountry"),
        col(cases, "identifiedAt"),
      ],
    ],
    [
      `INSERT INTO "CaseParticipant" (id, "caseId", "personId", role, "ageAtExploitation", "isChild", "sourceAgency", "sourceSystem", "externalId", "contributedBy", "updatedAt")
       SELECT ${idOf("V", "$1", "u.ext")}, ${idOf("C", "$1", "u.kase")}, ${idOf("P", "$1", "u.person")}, u.role::"ParticipantRole", u.age, u.age < 18, $1, '${SYSTEM}', u.ext, 'bench', now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) AS u(ext, kase, person, role, age)
       ON CONFLICT ("sourceAgency", "externalId") DO UPDATE SET ${setting(["role", "ageAtExploitation"]).replace("%T", "CaseParticipant")}
       WHERE ${changed("CaseParticipant", ["role", "ageAtExploitation"])}`,
      [
        agency,
        col(victims, "externalId"),
        victims.map((v) => (v.case as { externalId: string }).externalId),
        victims.map((v) => (v.person as { externalId: string }).externalId),
        col(victims, "role"),
        col(victims, "ageAtExploitation"),
      ],
    ],
    [
      `INSERT INTO "EarlyWarningReport" (id, source, "regionCode", "reportedAt", description, "sourceAgency", "sourceSystem", "externalId", "contributedBy", "updatedAt")
       SELECT ${idOf("W", "$1", "u.ext")}, u.source::"WarningSource", u.region, u.at, u.text, $1, '${SYSTEM}', u.ext, 'bench', now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[]) AS u(ext, source, region, at, text)
       ON CONFLICT ("sourceAgency", "externalId") DO UPDATE SET ${setting(["description", "reportedAt"]).replace("%T", "EarlyWarningReport")}
       WHERE ${changed("EarlyWarningReport", ["description", "reportedAt"])}`,
      [agency, col(warnings, "externalId"), col(warnings, "source"), col(warnings, "regionCode"), col(warnings, "reportedAt"), col(warnings, "description")],
    ],
  ];
  await client.query("BEGIN");
  try {
    for (const [sql, params] of statements) await client.query(sql, params);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
  return statements.length + 2;
}

export const minimalWriteWorkload: WriteWorkload = { buildBatch, runSqlFloor };
