// POST /import over real HTTP with real tokens: the desk's upload. Same engine, same report as the
// CLI; refusals in the hub's error shape.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { expected, MAPPING_YAML, pmiRows, shape, tmpDir, writeXlsx } from "./fixtures";

const PRINCIPAL = { agency: "BP3MI-KALBAR", roles: ["bp3mi-officer"], purpose: "placement-protection" } as const;

describe.each(backends)("POST /import on %s", (backend) => {
  let hub: TestHub;
  let token: string;
  let endpoint: string;
  const dir = tmpDir();

  beforeAll(async () => {
    hub = await startTestHub(backend, { server: { maxImportBytes: 64 * 1024 } });
    token = await hub.token(PRINCIPAL);
    endpoint = hub.url.replace(/\/graphql$/, "/import");
  });
  afterAll(async () => {
    await hub.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const form = (parts: { mapping?: string; file?: string; name?: string; dryRun?: string }) => {
    const f = new FormData();
    if (parts.mapping !== undefined) f.append("mapping", parts.mapping);
    if (parts.dryRun !== undefined) f.append("dryRun", parts.dryRun);
    if (parts.file !== undefined) f.append("file", new Blob([fs.readFileSync(parts.file)]), parts.name ?? path.basename(parts.file));
    return f;
  };
  const post = (body: FormData, opts: { token?: string | null; query?: string } = {}) =>
    fetch(endpoint + (opts.query ?? ""), { method: "POST", body, headers: opts.token === null ? {} : { authorization: `Bearer ${opts.token ?? token}` } });

  it("refuses a request without a valid token with 401, before reading the upload", async () => {
    const file = await writeXlsx(path.join(dir, "x.xlsx"), pmiRows("X"));
    for (const t of [null, "not-a-jwt"]) {
      const res = await post(form({ mapping: MAPPING_YAML, file }), { token: t });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect((await res.json()).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    }
    expect(await hub.db.prisma.personStatement.count()).toBe(0);
  });

  it("answers { summary, rows }; dryRun=true writes nothing and reports what the import then does", async () => {
    const file = await writeXlsx(path.join(dir, "pmi.xlsx"), pmiRows("H"));
    const dry = await post(form({ mapping: MAPPING_YAML, file, dryRun: "true" }));
    expect(dry.status).toBe(200);
    const dryBody = await dry.json();
    expect(dryBody.summary).toMatchObject({ file: "pmi.xlsx", dryRun: true, rows: 5, rowsRejected: 1 });
    expect(await hub.db.prisma.migrantPlacement.count()).toBe(0);

    const res = await post(form({ mapping: MAPPING_YAML, file }));
    const body = await res.json();
    expect(shape(body.rows)).toEqual(expected("CREATED"));
    expect(shape(dryBody.rows)).toEqual(shape(body.rows));
    expect(body.rows.find((r: { code: string }) => r.code === "INVALID_DATE")).toMatchObject({
      row: 6,
      field: "birthDate",
      column: "Tgl Lahir",
      alasan: expect.stringContaining("bukan tanggal"),
      reason: expect.stringContaining('"31/02/1990" is not a date'),
    });
    expect(await hub.db.prisma.migrantPlacement.count({ where: { sourceAgency: "BP3MI-KALBAR" } })).toBe(3);
  });

  it("gives the report as CSV or XLSX with ?format=, with the documented columns", async () => {
    const file = await writeXlsx(path.join(dir, "pmi2.xlsx"), pmiRows("J"));
    const csv = await post(form({ mapping: MAPPING_YAML, file }), { query: "?format=csv" });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toContain('filename="pmi2.report.csv"');
    const bytes = Buffer.from(await csv.arrayBuffer());
    // A BOM first, so Excel reads the Indonesian text as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.split("\r\n")[0]).toBe("row,record,externalId,status,field,column,code,alasan,reason");
    expect(text.split("\r\n")[1]).toBe("4,person,PMI-J100001,CREATED,,,,,");

    const xlsx = await post(form({ mapping: MAPPING_YAML, file }), { query: "?format=xlsx" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, "row", "record", "externalId", "status", "field", "column", "code", "alasan", "reason"]);
    // Imported just before: everything accepted is UNCHANGED now.
    expect(ws.getRow(2).values).toEqual([undefined, 4, "person", "PMI-J100001", "UNCHANGED"]);
  });

  it("refuses a bad mapping, missing parts, other file types and uploads over the limit with 4xx naming the problem", async () => {
    const file = await writeXlsx(path.join(dir, "pmi3.xlsx"), pmiRows("K"));
    const cases: Array<[FormData, number, string, RegExp]> = [
      [form({ mapping: MAPPING_YAML.replace("map: sex", "map: gender"), file }), 400, "BAD_USER_INPUT", /records\[0\]\.fields\.sex\.map: unknown value map "gender"/],
      [form({ mapping: MAPPING_YAML.replace('"Negara Tujuan"', '"Negara"'), file }), 400, "BAD_USER_INPUT", /no column "Negara" in header row 3 \(headers found: "No\.", /],
      [form({ file }), 400, "BAD_USER_INPUT", /^mapping: missing/],
      [form({ mapping: MAPPING_YAML }), 400, "BAD_USER_INPUT", /^file: missing/],
      [form({ mapping: MAPPING_YAML, file, name: "pmi.ods" }), 400, "BAD_USER_INPUT", /not a \.xlsx or \.csv file/],
      [form({ mapping: MAPPING_YAML, file, dryRun: "ya" }), 400, "BAD_USER_INPUT", /^dryRun: expected true or false/],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await post(body);
      const json = await res.json();
      expect({ status: res.status, code: json.errors[0].extensions.code }).toEqual({ status, code });
      expect(json.errors[0].message).toMatch(message);
    }
    const big = path.join(dir, "big.csv");
    fs.writeFileSync(big, "No.,Nama PMI\n" + "1,Siti Aminah\n".repeat(8000));
    const res = await post(form({ mapping: MAPPING_YAML, file: big }));
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe("LIMIT_EXCEEDED");
    const text = await post(new FormData(), { query: "" }).then((r) => r.status);
    expect(text).toBe(400);
    expect(await hub.db.prisma.personStatement.count({ where: { externalId: { startsWith: "PMI-K" } } })).toBe(0);
  });
});
