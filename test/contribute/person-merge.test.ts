// One human being = one Person: agencies' statements merged by NIK or passport, resolved by the
// documented precedence, conflicts refused, and concurrent contributions of one NIK serialised.
import { ContributeBatchDocument, ContributeOrganizationDocument, ContributePersonDocument, type PersonInput } from "../generated/graphql";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { agencyTokens, data, errorKeys, NIK, registerAgencies, rowCounts, uid, type Tokens } from "./support";

describe.each(backends)("person merge on %s", (backend) => {
  let hub: TestHub;
  let tok: Tokens;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    await registerAgencies(hub);
    tok = await agencyTokens(hub);
  });
  afterAll(() => hub.stop());

  const person = async (token: string, input: PersonInput) => data(await hub.gql(ContributePersonDocument, { input }, { token })).contributePerson.result;

  it("merges BP3MI's and Polda's statements about one NIK into one Person, resolved by precedence", async () => {
    const bp3mi = await person(tok.bp3mi, {
      externalId: "PMI-2026-000123",
      sourceSystem: "SISKOP2MI",
      fullName: "Siti Aminah",
      birthDate: "1999-05-12",
      sex: "Feminine",
      originRegionCode: "61.03",
      phone: "+62 812 5555 0001",
      documents: [{ type: "NIK", number: "6171 0152 0599 0001" }],
    });
    const polda = await person(tok.polda, {
      externalId: "LP-123/KRB-1",
      sourceSystem: "EMP",
      fullName: "Siti Aminah binti Ahmad",
      birthDate: "1999-05-12",
      sex: "Feminine",
      originRegionCode: "61.71",
      documents: [{ type: "NIK", number: NIK.sitiAminah }],
    });
    expect(bp3mi.status).toBe("CREATED");
    expect(polda.status).toBe("CREATED");
    expect(polda.id).toBe(bp3mi.id);

    const p = await hub.db.prisma.person.findUniqueOrThrow({ where: { id: bp3mi.id! }, include: { statements: true, documents: true } });
    expect(p.statements.map((s) => [s.sourceAgency, s.fullName, s.originRegionCode]).sort()).toEqual([
      ["BP3MI-KALBAR", "Siti Aminah", "61.03"],
      ["POLDA-KALBAR", "Siti Aminah binti Ahmad", "61.71"],
    ]);
    // Identity: POLICE outranks MIGRANT_WORKER_AGENCY; origin: MIGRANT_WORKER_AGENCY first; contact: latest.
    expect(p).toMatchObject({ fullName: "Siti Aminah binti Ahmad", originRegionCode: "61.03", phone: "+62 812 5555 0001", aliases: ["Siti Aminah"] });
    // One document row per (person, statement).
    expect(p.documents.map((d) => [d.type, d.number, d.statementId === p.statements.find((s) => s.sourceAgency === "BP3MI-KALBAR")!.id ? "bp3mi" : "polda"]).sort()).toEqual([
      ["NIK", NIK.sitiAminah, "bp3mi"],
      ["NIK", NIK.sitiAminah, "polda"],
    ]);

    // Imigrasi (top of the identity order) knows her by passport only; BP3MI adds the passport.
    await person(tok.bp3mi, {
      externalId: "PMI-2026-000123",
      sourceSystem: "SISKOP2MI",
      fullName: "Siti Aminah",
      birthDate: "1999-05-12",
      sex: "Feminine",
      originRegionCode: "61.03",
      phone: "+62 812 5555 0001",
      documents: [{ type: "NIK", number: NIK.sitiAminah }, { type: "PASSPORT", number: "C1234567" }],
    });
    const imigrasi = await person(tok.imigrasi, { externalId: "WNI-ETK-88812", sourceSystem: "SIMKIM", fullName: "SITI AMINAH", nationality: ["ID"], documents: [{ type: "PASSPORT", number: "C1234567", issuingCountry: "ID" }] });
    expect(imigrasi).toMatchObject({ status: "CREATED", id: bp3mi.id });
    const after = await hub.db.prisma.person.findUniqueOrThrow({ where: { id: bp3mi.id! } });
    expect(after.fullName).toBe("SITI AMINAH");
    expect(after.aliases).toEqual(["Siti Aminah", "Siti Aminah binti Ahmad"]);
    expect(after.nationality).toEqual(["ID"]);
    expect(await hub.db.prisma.personStatement.count({ where: { personId: bp3mi.id! } })).toBe(3);
  });

  it("does not match on a passport number from another issuing country, nor on a KK", async () => {
    const a = await person(tok.imigrasi, { externalId: uid("WNA"), sourceSystem: "SIMKIM", fullName: "Lim Wei", documents: [{ type: "PASSPORT", number: "A12345678", issuingCountry: "MY" }, { type: "KK", number: "6171010101010001" }] });
    const b = await person(tok.imigrasi, { externalId: uid("WNA"), sourceSystem: "SIMKIM", fullName: "Chen Wei", documents: [{ type: "PASSPORT", number: "A12345678", issuingCountry: "CN" }, { type: "KK", number: "6171010101010001" }] });
    expect(a.status).toBe("CREATED");
    expect(b.status).toBe("CREATED");
    expect(b.id).not.toBe(a.id);
  });

  it("rejects documents that identify two different persons, writing nothing and naming no one", async () => {
    const a = await person(tok.polda, { externalId: uid("TSK"), sourceSystem: "EMP", fullName: "Budi Santoso", documents: [{ type: "NIK", number: NIK.budi }] });
    const b = await person(tok.polda, { externalId: uid("TSK"), sourceSystem: "EMP", fullName: "Rahmat", documents: [{ type: "NIK", number: NIK.rahmat }] });
    const before = await rowCounts(hub);
    const both = await person(tok.bp3mi, {
      externalId: uid("PMI"),
      sourceSystem: "SISKOP2MI",
      fullName: "Budi alias Rahmat",
      documents: [{ type: "NIK", number: NIK.budi }, { type: "PASSPORT", number: "B7654321" }, { type: "NIK", number: NIK.rahmat }],
    });
    expect(both).toMatchObject({ status: "REJECTED", id: null });
    expect(errorKeys(both)).toEqual(["documents.0:IDENTITY_CONFLICT", "documents.2:IDENTITY_CONFLICT"]);
    for (const e of both.errors) {
      expect(e.message).not.toContain(a.id!);
      expect(e.message).not.toContain(b.id!);
      expect(e.message).not.toMatch(/Budi Santoso|Rahmat/);
    }
    expect(await rowCounts(hub)).toEqual(before);

    // A statement already linked to one person cannot take on another person's document.
    const own = await person(tok.bp3mi, { externalId: uid("PMI"), sourceSystem: "SISKOP2MI", fullName: "Budi S.", documents: [{ type: "NIK", number: NIK.budi }] });
    expect(own.id).toBe(a.id);
    const relink = await person(tok.bp3mi, { externalId: own.externalId!, sourceSystem: "SISKOP2MI", fullName: "Budi S.", documents: [{ type: "NIK", number: NIK.rahmat }] });
    expect(errorKeys(relink)).toEqual(["documents.0:IDENTITY_CONFLICT"]);
  });

  it("recomputes the Person when a statement changes, and leaves it alone when nothing does", async () => {
    const ext = uid("KRB");
    const input: PersonInput = { externalId: ext, sourceSystem: "EMP", fullName: "Dewi Lestari", sex: "Feminine", birthDate: "2008-08-03", documents: [{ type: "NIK", number: NIK.dewi }] };
    const first = await person(tok.polda, input);
    const p1 = await hub.db.prisma.person.findUniqueOrThrow({ where: { id: first.id! } });
    const s1 = await hub.db.prisma.personStatement.findUniqueOrThrow({ where: { sourceAgency_externalId: { sourceAgency: "POLDA-KALBAR", externalId: ext } } });

    const same = await person(tok.polda, { ...input, documents: [{ type: "NIK", number: "6103 0243 0808 0003" }] });
    expect(same).toMatchObject({ status: "UNCHANGED", version: 1 });
    const p2 = await hub.db.prisma.person.findUniqueOrThrow({ where: { id: first.id! } });
    const s2 = await hub.db.prisma.personStatement.findUniqueOrThrow({ where: { id: s1.id } });
    expect(p2.updatedAt.getTime()).toBe(p1.updatedAt.getTime());
    expect(s2.updatedAt.getTime()).toBe(s1.updatedAt.getTime());

    const renamed = await person(tok.polda, { ...input, fullName: "Dewi Lestari Putri" });
    expect(renamed).toMatchObject({ status: "UPDATED", version: 2 });
    expect((await hub.db.prisma.person.findUniqueOrThrow({ where: { id: first.id! } })).fullName).toBe("Dewi Lestari Putri");
  });

  it("re-resolves an agency's persons when it registers its agency type later", async () => {
    const nik = "6112012003950007"; // Kubu Raya, man born 20 March 1995
    const polres = await hub.token({ agency: "POLRES-KUBU-RAYA", roles: ["police-investigator"], purpose: "investigation" });
    const worker = await person(tok.bp3mi, { externalId: uid("PMI"), sourceSystem: "SISKOP2MI", fullName: "Andi", documents: [{ type: "NIK", number: nik }] });
    await person(polres, { externalId: uid("TSK"), sourceSystem: "EMP", fullName: "Andi Saputra", documents: [{ type: "NIK", number: nik }] });
    // Polres has no organization record yet: its statement ranks last.
    expect((await hub.db.prisma.person.findUniqueOrThrow({ where: { id: worker.id! } })).fullName).toBe("Andi");
    const org = data(
      await hub.gql(
        ContributeOrganizationDocument,
        { input: { externalId: "self", sourceSystem: "EMP", name: "Polres Kubu Raya", kind: "AGENCY", agencyType: "POLICE", code: "POLRES-KUBU-RAYA", regionCode: "61.12" } },
        { token: polres },
      ),
    ).contributeOrganization.result;
    expect(org.status).toBe("CREATED");
    expect((await hub.db.prisma.person.findUniqueOrThrow({ where: { id: worker.id! } })).fullName).toBe("Andi Saputra");
  });

  it("creates one Person when two agencies contribute the same NIK at the same moment", async () => {
    // Fresh, valid NIKs (kota Banjarmasin, men born on day d of January 1980).
    const niks = Array.from({ length: 6 }, (_, i) => `637104${String(i + 10).padStart(2, "0")}0180${String(i + 1).padStart(4, "0")}`);
    for (const nik of niks) {
      const [x, y, z] = await Promise.all([
        person(tok.bp3mi, { externalId: uid("PMI"), sourceSystem: "SISKOP2MI", fullName: "Ahmad", documents: [{ type: "NIK", number: nik }] }),
        person(tok.polda, { externalId: uid("TSK"), sourceSystem: "EMP", fullName: "Ahmad bin Yusuf", documents: [{ type: "NIK", number: nik }] }),
        hub.gql(ContributeBatchDocument, { records: [{ person: { externalId: uid("WNI"), sourceSystem: "SIMKIM", fullName: "AHMAD", documents: [{ type: "NIK", number: nik }] } }] }, { token: tok.imigrasi }),
      ]);
      const zr = data(z).contribute[0]!;
      expect([x.status, y.status, zr.status]).toEqual(["CREATED", "CREATED", "CREATED"]);
      expect(new Set([x.id, y.id, zr.id]).size).toBe(1);
      const holders = await hub.db.prisma.identityDocument.findMany({ where: { type: "NIK", number: nik }, distinct: ["personId"], select: { personId: true } });
      expect(holders).toHaveLength(1);
    }
  });
});
