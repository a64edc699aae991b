// BP3MI's subgraph over real HTTP: BP3MI's REST service with the demo register, the real hub
// (PGlite and PostgreSQL) with the same demo records and taking the audit hand-off, real Ed25519
// gateway tokens. Representations are what the gateway sends: the person as the hub shows it to
// the caller (documents, identityProtected).
import type { Principal } from "../../src/auth/principal";
import type { HubKey } from "../../src/auth/hub-key";
import { signPrincipalToken } from "../../src/federation";
import { createLogger } from "../../src/logger";
import type { Purpose, Role } from "../../src/policy/roles";
import { seedDemo } from "../../src/seed/demo";
import { demoRecords, type DemoRecords } from "../../src/seed/records";
import { tokenFor } from "../../test/policy/fixture";
import { backends, startTestHub, testHubKey, type TestHub } from "../../test/support/hub";
import { bp3miDemoData } from "./demo-data";
import { Register, type PlacementSearch, type RegisterData } from "./register";
import { startBp3mi, type Bp3mi } from "./start";

jest.setTimeout(120_000);

const PLACEMENTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { bp3miPlacements {
  registrationNumber idPmi workerName passportNumber office procedural destinationCountry status statusCode sector registeredOn departureDate returnDate
  p3mi { licenceNumber status statusCode validUntil } } } } }`;
const LICENCE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { p3miLicence { licenceNumber companyName status statusCode issuedOn validUntil office } } } }`;

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

describe.each(backends)("BP3MI subgraph (%s)", (backend) => {
  let hub: TestHub;
  let gateway: HubKey;
  let records: DemoRecords;
  let data: RegisterData;
  let bp3mi: Bp3mi;
  const searches: PlacementSearch[] = [];

  const tokenAs = (role: Role, purpose?: Purpose) => {
    const t = tokenFor(role, purpose);
    return signPrincipalToken(gateway, { ...t, subject: `${role}-1`, issuer: "test" } as Principal, "bp3mi", `req-${role}`);
  };
  /** The person as the hub shows it to `role`: what the gateway puts in the representation. */
  const representation = async (personId: string, role: Role, purpose?: Purpose): Promise<{ __typename: string; documents?: { type: string; number: string }[]; identityProtected?: boolean }> => {
    const r = await hub.gql(`query($id: ID!) { person(id: $id) { id documents { type number } identityProtected } }`, { id: personId }, { token: await hub.token(tokenFor(role, purpose)) });
    const person = (r.body.data as { person: Record<string, unknown> | null } | null)?.person;
    if (!person) throw new Error(`the hub shows ${role} no person ${personId}: ${JSON.stringify(r.body.errors)}`);
    return { __typename: "Person", ...person };
  };
  /** A demo worker with a placement on BP3MI's register, NIK and passport, from the given province; by default one outside any case (no victim protection). */
  const worker = (province: string, caseLinked = false) => {
    const p = data.penempatan.find((x) => x.pmi.nik && x.pmi.no_paspor && x.pmi.kode_wilayah_asal?.startsWith(`${province}.`) && ["05", "06"].includes(x.status.kode) === caseLinked)!;
    const doc = records.identityDocuments.find((d) => d.type === "NIK" && d.number === p.pmi.nik)!;
    return { placement: p, personId: doc.personId };
  };
  const placementsOf = (nik: string) => data.penempatan.filter((x) => x.pmi.nik === nik).map((x) => x.no_registrasi).sort();

  beforeAll(async () => {
    gateway = await testHubKey();
    hub = await startTestHub(backend, { seed: "none", server: { gatewayKeys: { keys: [gateway.publicJwk] } } });
    await seedDemo(hub.db, { scale: 1 });
    records = await demoRecords({ scale: 1 });
    data = bp3miDemoData(records);
    const register = new Register(data);
    const search = register.searchPlacements.bind(register);
    register.searchPlacements = (q) => (searches.push(q), search(q));
    bp3mi = await startBp3mi(0, {
      restPort: 0,
      register,
      gateway: { jwks: { keys: [gateway.publicJwk] } },
      hubAuditUrl: `http://127.0.0.1:${hub.server.port}/federation/audit`,
      log: createLogger("silent"),
    });
  });
  afterAll(async () => {
    await bp3mi?.stop();
    await hub?.stop();
  });
  beforeEach(() => void searches.splice(0));

  test("BP3MI's officer sees the placements of the persons the hub shows, in the schema's vocabulary, in one REST search", async () => {
    const a = worker("61");
    const b = worker("63");
    const r = await post(bp3mi.url, { query: PLACEMENTS, variables: { r: [await representation(a.personId, "bp3mi-officer"), await representation(b.personId, "bp3mi-officer")] } }, await tokenAs("bp3mi-officer"));
    expect(r.body.errors).toBeUndefined();
    const [pa, pb] = r.body.data._entities.map((e: any) => e.bp3miPlacements);
    expect(pa.map((p: any) => p.registrationNumber).sort()).toEqual(placementsOf(a.placement.pmi.nik!));
    expect(pb.map((p: any) => p.registrationNumber).sort()).toEqual(placementsOf(b.placement.pmi.nik!));
    const shown = pa.find((p: any) => p.registrationNumber === a.placement.no_registrasi);
    const src = a.placement;
    expect(shown).toMatchObject({
      idPmi: src.id_pmi,
      workerName: src.pmi.nama,
      passportNumber: src.pmi.no_paspor,
      office: src.upt,
      procedural: src.jalur === "P",
      statusCode: src.status.kode,
      registeredOn: src.tgl_daftar,
      departureDate: src.tgl_berangkat,
      returnDate: src.tgl_pulang,
    });
    expect(shown.destinationCountry).toMatch(/^[A-Z]{2}$/);
    expect(["REGISTERED", "READY_TO_DEPART", "WORKING_ABROAD", "RETURNED", "IN_DISTRESS", "REPATRIATED", "CANCELLED"]).toContain(shown.status);
    if (src.p3mi) expect(shown.p3mi.licenceNumber).toBe(src.p3mi.nomor_sip3mi);
    // Both persons, NIKs and passports: one search of BP3MI's register.
    expect(searches).toHaveLength(1);
  });

  test("codes are mapped, not passed through: status, destination, sector and licence status", async () => {
    const mal = data.penempatan.find((x) => x.penempatan.kode_negara === "MAL" && x.status.kode === "04" && x.pmi.nik && x.pmi.kode_wilayah_asal?.startsWith("61."))!;
    const personId = records.identityDocuments.find((d) => d.type === "NIK" && d.number === mal.pmi.nik)!.personId;
    const r = await post(bp3mi.url, { query: PLACEMENTS, variables: { r: [await representation(personId, "bp3mi-officer")] } }, await tokenAs("bp3mi-officer"));
    const shown = r.body.data._entities[0].bp3miPlacements.find((p: any) => p.registrationNumber === mal.no_registrasi);
    expect([shown.destinationCountry, shown.status, shown.statusCode]).toEqual(["MY", "RETURNED", "04"]);
    expect(shown.sector).toBe(mal.penempatan.sektor === "I" ? "INFORMAL" : "FORMAL");
  });

  test("row scope: a police investigator of Kalbar sees Kalbar workers' placements only; BP3MI sees all", async () => {
    const kalsel = worker("63");
    const kalbar = worker("61");
    // The persons with their numbers in clear, as the gateway sends them for a person the hub shows
    // the investigator (e.g. through a Kalbar case): the subgraph's own scope must still hold.
    const reps = [await representation(kalbar.personId, "bp3mi-officer"), await representation(kalsel.personId, "bp3mi-officer")];
    const pi = await post(bp3mi.url, { query: PLACEMENTS, variables: { r: reps } }, await tokenAs("police-investigator"));
    expect(pi.body.errors).toBeUndefined();
    expect(pi.body.data._entities[0].bp3miPlacements.length).toBeGreaterThan(0);
    expect(pi.body.data._entities[1].bp3miPlacements).toEqual([]);
    const bp = await post(bp3mi.url, { query: PLACEMENTS, variables: { r: reps } }, await tokenAs("bp3mi-officer"));
    expect(bp.body.data._entities[1].bp3miPlacements.length).toBeGreaterThan(0);
  });

  test("protections and masks: a protected person's identity values are masked; masked numbers match nothing", async () => {
    const { personId, placement } = worker("61");
    const rep = await representation(personId, "bp3mi-officer");
    expect(rep.identityProtected).toBe(false);
    // Protected (the hub's verdict for a child victim, or a victim without consent): the subgraph masks its own identity values.
    const prot = await post(bp3mi.url, { query: PLACEMENTS, variables: { r: [{ ...rep, identityProtected: true }] } }, await tokenAs("police-investigator"));
    const shown = prot.body.data._entities[0].bp3miPlacements.find((p: any) => p.registrationNumber === placement.no_registrasi);
    expect(shown.workerName).toMatch(/^([A-Z]\. )*[A-Z]\.$/);
    expect(shown.passportNumber).toContain("*");
    expect(shown.idPmi).toContain("*");
    expect(JSON.stringify(prot.body)).not.toContain(placement.pmi.nama);
    expect(JSON.stringify(prot.body)).not.toContain(placement.id_pmi);
    // A repatriated victim: the hub protects them from BP3MI's officer and shows masked NIK and
    // passport, which match nothing here, though BP3MI's register holds their placement.
    let masked: Awaited<ReturnType<typeof representation>> | undefined;
    for (const p of data.penempatan.filter((x) => x.status.kode === "06" && x.pmi.nik && x.pmi.no_paspor)) {
      const id = records.identityDocuments.find((d) => d.type === "NIK" && d.number === p.pmi.nik)!.personId;
      const rep = await representation(id, "bp3mi-officer").catch(() => undefined);
      if (rep?.identityProtected) {
        masked = rep;
        break;
      }
    }
    expect(masked).toBeDefined();
    expect(masked!.documents!.every((d) => d.number.includes("*"))).toBe(true);
    searches.splice(0);
    const none = await post(bp3mi.url, { query: PLACEMENTS, variables: { r: [masked] } }, await tokenAs("bp3mi-officer"));
    expect(none.body.data._entities[0].bp3miPlacements).toEqual([]);
    expect(searches).toEqual([]); // nothing to ask BP3MI with
  });

  test("roles without a grant (NGO analyst, auditor, admin, task-force analyst) see nothing of BP3MI and BP3MI is not asked", async () => {
    const { personId } = worker("61");
    const rep = await representation(personId, "bp3mi-officer");
    for (const role of ["ngo-analyst", "auditor", "admin", "task-force-analyst"] as Role[]) {
      const r = await post(bp3mi.url, { query: PLACEMENTS, variables: { r: [rep] } }, await tokenAs(role));
      expect([role, r.body.data._entities[0].bp3miPlacements, r.body.errors?.[0]?.extensions?.code]).toEqual([role, null, "FORBIDDEN"]);
    }
    expect(searches).toEqual([]);
  });

  test("Organization.p3miLicence: a P3MI company's licence as BP3MI holds it now, by licence number", async () => {
    const companies = records.organizations.filter((o) => o.kind === "P3MI").slice(0, 3);
    const reps = [...companies.map((o) => ({ __typename: "Organization", id: o.id, licenceNumber: o.licenceNumber })), { __typename: "Organization", id: "x", licenceNumber: "SIP3MI/999/1999" }];
    const r = await post(bp3mi.url, { query: LICENCE, variables: { r: reps } }, await tokenAs("social-worker"));
    expect(r.body.errors).toBeUndefined();
    const got = r.body.data._entities.map((e: any) => e.p3miLicence);
    expect(got.slice(0, 3).map((l: any) => [l.licenceNumber, l.status])).toEqual(companies.map((o) => [o.licenceNumber, o.licenceStatus]));
    expect(got.slice(0, 3).map((l: any) => l.statusCode)).toEqual(["AKTIF", "BEKU", "CABUT"]);
    expect(got[3]).toBeNull();
    const ngo = await post(bp3mi.url, { query: LICENCE, variables: { r: reps.slice(0, 1) } }, await tokenAs("ngo-analyst"));
    expect(ngo.body.errors[0].extensions.code).toBe("FORBIDDEN");
  });

  test("every identity value released is on the hub's audit log, naming the subgraph and BP3MI's registration numbers", async () => {
    const { personId, placement } = worker("61");
    const r = await post(bp3mi.url, { query: PLACEMENTS, operationName: undefined, variables: { r: [await representation(personId, "bp3mi-officer")] } }, await tokenAs("bp3mi-officer"));
    expect(r.body.errors).toBeUndefined();
    const entries = await hub.db.prisma.auditEntry.findMany({ where: { operationName: { startsWith: "subgraph bp3mi" }, recordType: "Bp3miPlacement" }, orderBy: { seq: "desc" }, take: 1 });
    expect(entries[0]).toMatchObject({ action: "READ", decision: "ALLOW", agency: "BP3MI-KALBAR", fields: ["idPmi", "passportNumber", "workerName"] });
    expect(entries[0]!.recordIds).toContain(placement.no_registrasi);
  });

  test("without the gateway's token: 401 before anything is parsed or asked", async () => {
    const r = await post(bp3mi.url, { query: PLACEMENTS, variables: { r: [] } });
    expect(r.status).toBe(401);
    expect(searches).toEqual([]);
  });
});

describe("BP3MI subgraph when BP3MI's REST service is down", () => {
  test("SERVICE_UNAVAILABLE naming the subgraph, and /readyz says not ready", async () => {
    const gateway = await testHubKey();
    const bp3mi = await startBp3mi(0, {
      restPort: 0,
      register: new Register({ penempatan: [], p3mi: [] }),
      gateway: { jwks: { keys: [gateway.publicJwk] } },
      hubAuditUrl: "http://127.0.0.1:9/federation/audit",
      log: createLogger("silent"),
    });
    try {
      const base = bp3mi.url.replace("/graphql", "");
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      await bp3mi.rest.close();
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      const t = tokenFor("bp3mi-officer");
      const token = await signPrincipalToken(gateway, { ...t, subject: "x", issuer: "test" } as Principal, "bp3mi");
      const rep = { __typename: "Person", id: "p", documents: [{ type: "NIK", number: "6101094711770001" }], identityProtected: false };
      const r = await post(bp3mi.url, { query: PLACEMENTS, variables: { r: [rep] } }, token);
      expect(r.body.data._entities[0].bp3miPlacements).toBeNull();
      expect(r.body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
      expect(r.body.errors[0].message).toContain("bp3mi");
    } finally {
      await bp3mi.stop();
    }
  });
});
