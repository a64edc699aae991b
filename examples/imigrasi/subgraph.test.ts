// Imigrasi's subgraph over real HTTP: Imigrasi's tables on PGlite or a real PostgreSQL database
// (by backend), the real hub with the same demo records taking the audit hand-off, real Ed25519
// gateway tokens. Representations are what the gateway sends: the person as the hub shows them.
import type { Principal } from "../../src/auth/principal";
import type { HubKey } from "../../src/auth/hub-key";
import { signPrincipalToken } from "../../src/federation";
import { createLogger } from "../../src/logger";
import type { Purpose, Role } from "../../src/policy/roles";
import { seedDemo } from "../../src/seed/demo";
import { demoRecords, type DemoRecords } from "../../src/seed/records";
import { tokenFor } from "../../test/policy/fixture";
import { backends, emptyPostgresUrl, startTestHub, testHubKey, type TestHub } from "../../test/support/hub";
import type { PerlintasanRow } from "./crossings";
import { openImigrasiDb } from "./database";
import { imigrasiDemoRows } from "./demo-data";
import { imigrasiSubgraph } from "./subgraph";
import { startImigrasi, type Imigrasi } from "./start";

jest.setTimeout(120_000);

const CROSSINGS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { borderCrossings {
  registerNumber direction crossedAt checkpoint checkpointCode checkpointKind checkpointRegionCode immigrationOffice travellerName passportNumber nationality counterpartCountry deportation } } } }`;

type Rep = { __typename: string; id: string; documents?: { type: string; number: string }[]; identityProtected?: boolean };

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

describe.each(backends)("Imigrasi subgraph (%s)", (backend) => {
  let hub: TestHub;
  let gateway: HubKey;
  let records: DemoRecords;
  let rows: PerlintasanRow[];
  let imigrasi: Imigrasi;
  const statements: unknown[][] = [];

  const tokenAs = (role: Role, purpose?: Purpose) => {
    const t = tokenFor(role, purpose);
    return signPrincipalToken(gateway, { ...t, subject: `${role}-1`, issuer: "test" } as Principal, "imigrasi", `req-${role}`);
  };
  const representation = async (personId: string, role: Role, purpose?: Purpose): Promise<Rep> => {
    const r = await hub.gql(`query($id: ID!) { person(id: $id) { id documents { type number } identityProtected } }`, { id: personId }, { token: await hub.token(tokenFor(role, purpose)) });
    const person = (r.body.data as { person: Rep | null } | null)?.person;
    if (!person) throw new Error(`the hub shows ${role} no person ${personId}`);
    return { ...person, __typename: "Person" };
  };
  const holderOf = (passport: string) => records.identityDocuments.find((d) => d.type === "PASSPORT" && d.number === passport)!.personId;
  /** A person with passport crossings at checkpoint `tpi`, outside any case (no victim protection). */
  const traveller = (tpi: string) => {
    const inCase = new Set(records.borderCrossings.filter((c) => c.caseId).map((c) => c.documentNumber));
    const row = rows.find((r) => r.jenis_dokumen === "PSPR" && r.kode_tpi === tpi && !inCase.has(r.no_dokumen))!;
    return { row, personId: holderOf(row.no_dokumen), own: rows.filter((r) => r.jenis_dokumen === "PSPR" && r.no_dokumen === row.no_dokumen) };
  };

  beforeAll(async () => {
    gateway = await testHubKey();
    hub = await startTestHub(backend, { seed: "none", server: { gatewayKeys: { keys: [gateway.publicJwk] } } });
    await seedDemo(hub.db, { scale: 1 });
    records = await demoRecords({ scale: 1 });
    rows = imigrasiDemoRows(records);
    imigrasi = await startImigrasi(0, {
      databaseUrl: backend === "postgres" ? await emptyPostgresUrl() : undefined,
      records,
      gateway: { jwks: { keys: [gateway.publicJwk] } },
      hubAuditUrl: `http://127.0.0.1:${hub.server.port}/federation/audit`,
      log: createLogger("silent"),
    });
    expect(imigrasi.db.kind).toBe(backend === "postgres" ? "postgres" : "pglite");
    // Count the statements that reach Imigrasi's crossing table.
    const query = imigrasi.db.query.bind(imigrasi.db);
    imigrasi.db.query = (sql, params) => {
      if (sql.includes("simkim.perlintasan")) statements.push(params ?? []);
      return query(sql, params);
    };
  });
  afterAll(async () => {
    await imigrasi?.stop();
    await hub?.stop();
  });
  beforeEach(() => void statements.splice(0));

  test("an immigration officer sees the crossings of the persons' passports, mapped to the schema, in one SQL query", async () => {
    const a = traveller("ETK");
    const b = traveller("BDJ");
    const r = await post(imigrasi.url, { query: CROSSINGS, variables: { r: [await representation(a.personId, "bp3mi-officer"), await representation(b.personId, "bp3mi-officer")] } }, await tokenAs("immigration-officer"));
    expect(r.body.errors).toBeUndefined();
    const [ca, cb] = r.body.data._entities.map((e: any) => e.borderCrossings);
    expect(ca.map((c: any) => c.registerNumber).sort()).toEqual(a.own.map((x) => x.no_register).sort());
    expect(cb.map((c: any) => c.registerNumber).sort()).toEqual(b.own.map((x) => x.no_register).sort());
    const shown = ca.find((c: any) => c.registerNumber === a.row.no_register);
    expect(shown).toEqual({
      registerNumber: a.row.no_register,
      direction: a.row.arah === "B" ? "EXIT" : "ENTRY",
      crossedAt: a.row.waktu_perlintasan.toISOString(),
      checkpoint: "PLBN Entikong",
      checkpointCode: "ETK",
      checkpointKind: "LAND_BORDER",
      checkpointRegionCode: "61.03.21",
      immigrationOffice: "Kantor Imigrasi Entikong",
      travellerName: a.row.nama_pelintas,
      passportNumber: a.row.no_dokumen,
      nationality: "ID",
      counterpartCountry: { MYS: "MY", BRN: "BN" }[a.row.negara_asal_tujuan as string] ?? expect.stringMatching(/^[A-Z]{2}$/),
      deportation: false,
    });
    expect(cb.every((c: any) => c.checkpointCode === "BDJ" || c.checkpointRegionCode.startsWith("6"))).toBe(true);
    expect(statements).toHaveLength(1);
    expect(statements[0]![1]).toBeNull(); // the immigration officer's rows are "all": no territorial filter
  });

  test("row scope: a Kalbar police investigator sees no Kalsel checkpoint, filtered in the database; Imigrasi sees all", async () => {
    const b = traveller("BDJ");
    // The person with numbers in clear, as the gateway sends a person the hub shows the investigator.
    const rep = await representation(b.personId, "bp3mi-officer");
    const pi = await post(imigrasi.url, { query: CROSSINGS, variables: { r: [rep] } }, await tokenAs("police-investigator"));
    expect(pi.body.errors).toBeUndefined();
    expect(pi.body.data._entities[0].borderCrossings.filter((c: any) => c.checkpointRegionCode.startsWith("63"))).toEqual([]);
    expect(statements.at(-1)![1]).toEqual(["61"]);
    const im = await post(imigrasi.url, { query: CROSSINGS, variables: { r: [rep] } }, await tokenAs("immigration-officer"));
    expect(im.body.data._entities[0].borderCrossings.some((c: any) => c.checkpointCode === "BDJ")).toBe(true);
  });

  test("protections and masks: a protected person's name and passport are masked; masked or non-passport numbers match nothing", async () => {
    const a = traveller("ETK");
    const rep = await representation(a.personId, "bp3mi-officer");
    expect(rep.identityProtected).toBe(false);
    const prot = await post(imigrasi.url, { query: CROSSINGS, variables: { r: [{ ...rep, identityProtected: true }] } }, await tokenAs("immigration-officer"));
    const shown = prot.body.data._entities[0].borderCrossings[0];
    expect(shown.travellerName).toMatch(/^([A-Z]\. )*[A-Z]\.$/);
    expect(shown.passportNumber).toContain("*");
    expect(JSON.stringify(prot.body)).not.toContain(a.row.nama_pelintas);
    expect(JSON.stringify(prot.body)).not.toContain(a.row.no_dokumen);
    // Outside its purpose the prosecutor sees initials and a masked passport number.
    const pr = await post(imigrasi.url, { query: CROSSINGS, variables: { r: [rep] } }, await tokenAs("prosecutor", "statistics"));
    expect(pr.body.data._entities[0].borderCrossings[0].passportNumber).toContain("*");
    statements.splice(0);
    const masked = { ...rep, documents: [{ type: "PASSPORT", number: `${a.row.no_dokumen.slice(0, 2)}****${a.row.no_dokumen.slice(-2)}` }] };
    const splp = rows.find((r) => r.jenis_dokumen === "SPLP")!;
    const deportee = { ...rep, documents: [{ type: "SPLP", number: splp.no_dokumen }, { type: "PASSPORT", number: splp.no_dokumen }] };
    const none = await post(imigrasi.url, { query: CROSSINGS, variables: { r: [masked, deportee] } }, await tokenAs("immigration-officer"));
    expect(none.body.data._entities.map((e: any) => e.borderCrossings)).toEqual([[], []]);
    expect(statements.map((s) => s[0])).toEqual([[splp.no_dokumen]]); // the masked number never reached the database
  });

  test("roles without a grant (NGO analyst, social worker, auditor, admin) see nothing of Imigrasi and its database is not asked", async () => {
    const rep = await representation(traveller("ETK").personId, "bp3mi-officer");
    for (const role of ["ngo-analyst", "social-worker", "auditor", "admin"] as Role[]) {
      const r = await post(imigrasi.url, { query: CROSSINGS, variables: { r: [rep] } }, await tokenAs(role));
      expect([role, r.body.data._entities[0].borderCrossings, r.body.errors?.[0]?.extensions?.code]).toEqual([role, null, "FORBIDDEN"]);
    }
    expect(statements).toEqual([]);
  });

  test("every identity value released is on the hub's audit log, naming the subgraph and Imigrasi's register numbers", async () => {
    const a = traveller("ETK");
    const r = await post(imigrasi.url, { query: CROSSINGS, variables: { r: [await representation(a.personId, "bp3mi-officer")] } }, await tokenAs("immigration-officer"));
    expect(r.body.errors).toBeUndefined();
    const [entry] = await hub.db.prisma.auditEntry.findMany({ where: { operationName: { startsWith: "subgraph imigrasi" }, recordType: "ImigrasiCrossing" }, orderBy: { seq: "desc" }, take: 1 });
    expect(entry).toMatchObject({ action: "READ", decision: "ALLOW", agency: "IMIGRASI-ENTIKONG", fields: ["passportNumber", "travellerName"] });
    expect(entry!.recordIds).toEqual(expect.arrayContaining(a.own.map((x) => x.no_register)));
  });

  test("without the gateway's token: 401 before anything is parsed or asked", async () => {
    const r = await post(imigrasi.url, { query: CROSSINGS, variables: { r: [] } });
    expect(r.status).toBe(401);
    expect(statements).toEqual([]);
  });
});

describe("Imigrasi subgraph when its database is unreachable", () => {
  test("SERVICE_UNAVAILABLE naming the subgraph, and /readyz says not ready", async () => {
    const gateway = await testHubKey();
    const db = await openImigrasiDb({ url: "postgres://imigrasi@127.0.0.1:9/simkim" });
    const sg = imigrasiSubgraph({ db, gateway: { jwks: { keys: [gateway.publicJwk] } }, hubAuditUrl: "http://127.0.0.1:9/federation/audit", log: createLogger("silent") });
    const { url } = await sg.listen({ port: 0 });
    try {
      expect((await fetch(url.replace("/graphql", "/readyz"))).status).toBe(503);
      const t = tokenFor("immigration-officer");
      const token = await signPrincipalToken(gateway, { ...t, subject: "x", issuer: "test" } as Principal, "imigrasi");
      const rep = { __typename: "Person", id: "p", documents: [{ type: "PASSPORT", number: "C1234567" }], identityProtected: false };
      const r = await post(url, { query: CROSSINGS, variables: { r: [rep] } }, token);
      expect(r.body.data._entities[0].borderCrossings).toBeNull();
      expect(r.body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
      expect(r.body.errors[0].message).toContain("imigrasi");
    } finally {
      await sg.stop();
      await db.close();
    }
  });
});
