// The import through the same contribute engine: in this process as an agency (the CLI's
// --agency) and over real HTTP with a real token (the hub's contribute mutation). Report row by
// row, a rejected row writes nothing, DEPENDS_ON_REJECTED, re-import UNCHANGED, dry run = real run.
import fs from "node:fs";
import path from "node:path";
import { securedSchema } from "../../src/secured-schema";
import { createLogger } from "../../src/logger";
import { localContext } from "../../src/import/local-context";
import { mappingFromText } from "../../src/import/mapping";
import { runImport, type ReportLine } from "../../src/import/run";
import { engineSink, httpSink, type Sink } from "../../src/import/sink";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { expected, MAPPING_YAML, pmiRows, shape, tmpDir, writeXlsx } from "./fixtures";

const AGENCY = "BP3MI-KALBAR";
const PRINCIPAL = { agency: AGENCY, roles: ["bp3mi-officer"], purpose: "placement-protection" } as const;
const mapping = mappingFromText(MAPPING_YAML);

describe.each(backends)("spreadsheet import on %s", (backend) => {
  let hub: TestHub;
  const dir = tmpDir();
  const log = createLogger("silent");

  beforeAll(async () => {
    hub = await startTestHub(backend);
  });
  afterAll(async () => {
    await hub.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const engine = (): Sink => engineSink(localContext(hub.db, securedSchema().policy, log, PRINCIPAL, { statsMinCell: 5 }));
  const http = async (): Promise<Sink> => httpSink(hub.url, await hub.token(PRINCIPAL));
  const run = async (file: string, sink: Sink, dryRun = false) => {
    const lines: ReportLine[] = [];
    const summary = await runImport({ mapping, file, sink, dryRun, onLine: (l) => void lines.push(l) });
    return { lines, summary };
  };
  const stored = async (tag: string) => ({
    persons: (await hub.db.prisma.personStatement.findMany({ where: { sourceAgency: AGENCY, externalId: { startsWith: `PMI-${tag}1` } }, select: { externalId: true } })).map((r) => r.externalId).sort(),
    organizations: (await hub.db.prisma.organization.findMany({ where: { sourceAgency: AGENCY, externalId: { endsWith: ` ${tag}` } }, select: { externalId: true } })).map((r) => r.externalId).sort(),
    placements: (await hub.db.prisma.migrantPlacement.findMany({ where: { sourceAgency: AGENCY, externalId: { startsWith: `PLC-${tag}1` } }, select: { externalId: true } })).map((r) => r.externalId).sort(),
  });
  const auditCount = async () => {
    const [row] = await hub.db.raw.query<{ n: number }>(`SELECT (SELECT count(*) FROM "AuditEntry") + (SELECT count(*) FROM "AuditInbox") AS n`);
    return Number(row!.n);
  };

  it("in process as an agency: the report row by row; a rejected row writes nothing; a re-import is UNCHANGED", async () => {
    const file = await writeXlsx(path.join(dir, "a.xlsx"), pmiRows("A"));
    const first = await run(file, engine());
    expect(shape(first.lines)).toEqual(expected("CREATED"));
    expect(first.summary).toMatchObject({ rows: 5, rowsRejected: 1, records: { CREATED: 8, UPDATED: 0, UNCHANGED: 1, REJECTED: 5 }, sheet: "Daftar PMI", dryRun: false });
    // The rejected row names field, column, and the reason in Bahasa Indonesia and English.
    const sex = first.lines.find((l) => l.row === 6 && l.field === "sex")!;
    expect(sex).toMatchObject({ externalId: "PMI-A100003", alasan: expect.stringContaining('"X" tidak ada dalam daftar padanan sex'), reason: expect.stringContaining('"X" is not in the value map sex') });
    const region = first.lines.find((l) => l.code === "UNKNOWN_REGION")!;
    expect(region).toMatchObject({ alasan: "Kode wilayah tidak dikenal oleh hub.", reason: expect.stringContaining("99.99") });
    expect(first.lines.find((l) => l.code === "DEPENDS_ON_REJECTED")!.alasan).toMatch(/^Tidak dikirim/);
    // Nothing of row 6; row 8's placement was never sent, its person was.
    expect(await stored("A")).toEqual({
      persons: ["PMI-A100001", "PMI-A100002", "PMI-A100004", "PMI-A100005"],
      organizations: ["P3MI-PT Maju Jaya A"],
      placements: ["PLC-A100001", "PLC-A100002", "PLC-A100004"],
    });
    const placement = await hub.db.prisma.migrantPlacement.findFirstOrThrow({ where: { externalId: "PLC-A100001" }, include: { p3mi: true } });
    expect(placement).toMatchObject({ destinationCountry: "MY", procedural: true, sourceSystem: "SIMPEL-XLS", p3mi: { externalId: "P3MI-PT Maju Jaya A" } });
    // Audited as the agency, as the API audits.
    const writes = await hub.db.prisma.auditEntry.count({ where: { agency: AGENCY, action: "WRITE", recordType: "MigrantPlacement", requestId: { startsWith: "import-" } } });
    expect(writes).toBeGreaterThanOrEqual(3);

    const again = await run(file, engine());
    expect(shape(again.lines)).toEqual(expected("UNCHANGED"));
  });

  it("a dry run reports what the real run then does, row by row, and writes no records; its decisions are audited as a dry run", async () => {
    const file = await writeXlsx(path.join(dir, "b.xlsx"), pmiRows("B"));
    const audit = await auditCount();
    const dry = await run(file, engine(), true);
    expect(dry.summary.dryRun).toBe(true);
    expect(await stored("B")).toEqual({ persons: [], organizations: [], placements: [] });
    // A dry run answers whether referenced records exist, so it may not be an unaudited probe: one
    // entry per record the engine decided, written after the rolled-back transaction, all under an
    // operation name that says nothing was written.
    const entries = await hub.db.raw.query<{ operationName: string | null; decision: string }>(
      `SELECT "operationName", decision FROM "AuditEntry" WHERE action = 'WRITE' AND agency = $1 AND "operationName" = 'import (dry run)'`,
      [AGENCY],
    );
    expect(await auditCount()).toBeGreaterThan(audit);
    // What was sent: the 8 records a real run creates, the repeated P3MI (UNCHANGED) and the 2 the
    // engine refuses; row 6 (a planning error) and the dependent placement were never sent.
    const decisions = entries.map((e) => e.decision).sort();
    expect(decisions).toEqual([...Array(8).fill("CREATED"), "REJECTED", "REJECTED", "UNCHANGED"]);
    const real = await run(file, engine());
    expect(shape(dry.lines)).toEqual(shape(real.lines));
    expect(shape(real.lines)).toEqual(expected("CREATED"));
    // And once stored, a dry run says UNCHANGED as a re-import does.
    const dryAgain = await run(file, engine(), true);
    expect(shape(dryAgain.lines)).toEqual(expected("UNCHANGED"));
  });

  it("over HTTP with the agency's token: the same report, the dry run through the mutation's dryRun", async () => {
    const file = await writeXlsx(path.join(dir, "c.xlsx"), pmiRows("C"));
    const dry = await run(file, await http(), true);
    expect(await stored("C")).toEqual({ persons: [], organizations: [], placements: [] });
    const real = await run(file, await http());
    expect(shape(real.lines)).toEqual(expected("CREATED"));
    expect(shape(dry.lines)).toEqual(shape(real.lines));
    expect((await stored("C")).placements).toEqual(["PLC-C100001", "PLC-C100002", "PLC-C100004"]);
    expect(shape((await run(file, await http())).lines)).toEqual(expected("UNCHANGED"));
  });

  it("a record whose target of the same row is rejected is not sent, even when the target was stored before", async () => {
    const rows = pmiRows("E").slice(0, 1);
    const file = await writeXlsx(path.join(dir, "e.xlsx"), rows, { merges: [] });
    expect(shape((await run(file, engine())).lines).map((l) => l[2])).toEqual(["CREATED", "CREATED", "CREATED"]);
    // Now the P3MI's region is unknown (rejected by the hub) and the placement changed.
    rows[0]![8] = "99.99";
    rows[0]![6] = "Tidak";
    await writeXlsx(file, rows, { merges: [] });
    const { lines } = await run(file, engine());
    expect(lines.map((l) => [l.record, l.status, l.code])).toEqual([
      ["person", "UNCHANGED", null],
      ["organization", "REJECTED", "UNKNOWN_REGION"],
      ["migrantPlacement", "REJECTED", "DEPENDS_ON_REJECTED"],
    ]);
    const placement = await hub.db.prisma.migrantPlacement.findFirstOrThrow({ where: { externalId: "PLC-E100001" } });
    expect({ procedural: placement.procedural, version: placement.version }).toEqual({ procedural: true, version: 1 });
  });

  it("a role without the grant gets NOT_PERMITTED per record, as the API answers", async () => {
    const file = await writeXlsx(path.join(dir, "d.xlsx"), pmiRows("D").slice(0, 1));
    const sink = engineSink(localContext(hub.db, securedSchema().policy, log, { agency: "LTSA-PONTIANAK", roles: ["ltsa-officer"], purpose: "early-warning" }, { statsMinCell: 5 }));
    const { lines } = await run(file, sink);
    expect(lines.map((l) => [l.record, l.status, l.code])).toEqual([
      ["person", "CREATED", null],
      ["organization", "REJECTED", "NOT_PERMITTED"],
      ["migrantPlacement", "REJECTED", "DEPENDS_ON_REJECTED"],
    ]);
  });
});
