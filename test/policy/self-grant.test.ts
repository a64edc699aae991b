// Trust core (issue 8) over real HTTP with real tokens: access a caller grants itself (class 1),
// forged provenance (class 2), the existence oracle through writes (class 5), merge poisoning and
// multi-role tokens. Each attack is a contribution followed by reads; secrets are searched for in
// the raw response text. The tests share one hub and run in order: the class 5 comparisons come
// first, before any other test has referenced the fixture's out-of-scope persons.
import { backends } from "../support/hub";
import { ANI, BUDI, DEWI, RINA, SITI } from "./fixture";
import { PolicyHub, fieldEffect, persona, secretsIn, type Principal } from "./support";

const REFER = `mutation($input: ServiceReferralInput!) {
  contributeServiceReferral(input: $input) { result { status errors { path code message } } record { person { id fullName } case { id } } }
}`;
const personReads = (withList: boolean) => `query($nik: String!) {
  personsByDocument(type: NIK, number: $nik) { id fullName birthDate phone }
  ${withList ? "persons(first: 50) { edges { node { id fullName } } }" : ""}
}`;
const ANI_SECRETS = [ANI.fullName, ANI.nik, ANI.birthDate];
const BUDI_SECRETS = [BUDI.fullName, BUDI.nik, BUDI.phone, BUDI.birthDate];

const referral = (externalId: string, person: Record<string, unknown>, toOrganization: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  sourceSystem: "TRUST-TEST",
  person,
  toOrganization: { id: toOrganization },
  serviceType: "SHELTER",
  requestedAt: "2025-06-20T00:00:00Z",
  ...extra,
});
const nik = (number: string) => ({ document: { type: "NIK", number } });

describe.each(backends)("trust core on %s", (backend) => {
  let ph: PolicyHub;
  beforeAll(async () => {
    ph = await PolicyHub.start(backend);
  });
  afterAll(() => ph.stop());

  /** Ids of persons the principal can read, and the raw text of the reads (for secrets). */
  const reads = async (p: Principal, number: string) => {
    const ex = await ph.post(p, personReads(fieldEffect(p, "Query", "persons").kind === "allow"), { nik: number });
    expect(ex.body.errors).toBeUndefined();
    const list = (ex.body.data.persons?.edges ?? []) as { node: { id: string } }[];
    return { text: ex.text, byNik: ex.body.data.personsByDocument as unknown[], ids: list.map((e) => e.node.id) };
  };

  // ---------------------------------------------------------------- class 5: existence oracle through writes
  describe("class 5: a reference outside the caller's scope answers like a missing one", () => {
    const RESULT_ONLY = `mutation($input: ServiceReferralInput!) {
      contributeServiceReferral(input: $input) { result { status version currentVersion errors { path code message } warnings { code } } record { person { id fullName } case { id } } }
    }`;
    const nc = () => persona("ngo-case-worker");
    const toDinsos = () => ph.fx.orgs["DINSOS-KALBAR"]!;
    /** The response text with the echoed reference replaced, so only the hub's own answer is compared. */
    const answer = (text: string, echoed: string) => text.split(echoed).join("<ref>");

    it.each([
      ["a case by hub id", () => ({ case: { id: ph.fx.case2 } }), () => ({ case: { id: "0b9f6a52-6c1e-4a7e-9a51-1d5f0c7f2e11" } }), () => [ph.fx.case2, "0b9f6a52-6c1e-4a7e-9a51-1d5f0c7f2e11"]],
      ["a case by another agency's key", () => ({ case: { sourceAgency: "POLDA-KALSEL", externalId: "LP-2025-BJM-01" } }), () => ({ case: { sourceAgency: "POLDA-KALSEL", externalId: "LP-2025-BJM-99" } }), () => ["LP-2025-BJM-01", "LP-2025-BJM-99"]],
      ["a person by hub id", () => ({ person: { id: ph.fx.ani } }), () => ({ person: { id: "0b9f6a52-6c1e-4a7e-9a51-1d5f0c7f2e12" } }), () => [ph.fx.ani, "0b9f6a52-6c1e-4a7e-9a51-1d5f0c7f2e12"]],
      ["a person by another agency's key", () => ({ person: { sourceAgency: "POLDA-KALSEL", externalId: "BAP-ANI" } }), () => ({ person: { sourceAgency: "POLDA-KALSEL", externalId: "BAP-NOBODY" } }), () => ["BAP-ANI", "BAP-NOBODY"]],
    ] as const)("%s: out of scope and missing give the same answer", async (_name, hidden, absent, echoed) => {
      const [h, a] = echoed();
      const base = referral("NC-ORACLE-X", nik(RINA.nik), toDinsos());
      const known = await ph.post(nc(), RESULT_ONLY, { input: { ...base, ...hidden() } });
      const missing = await ph.post(nc(), RESULT_ONLY, { input: { ...base, ...absent() } });
      expect(known.body.data.contributeServiceReferral.result.errors).toEqual([expect.objectContaining({ code: "NOT_FOUND" })]);
      expect(answer(known.text, h!)).toBe(answer(missing.text, a!));
    });

    it("by NIK: a NIK the hub holds out of scope and an unknown NIK give byte-identical answers, and the same reads after", async () => {
      const unknown = "6371014202000099"; // valid, same region and birth date as Ani's, held by nobody
      const known = await ph.post(nc(), RESULT_ONLY, { input: referral("NC-ORACLE-1", nik(ANI.nik), toDinsos()) });
      const missing = await ph.post(nc(), RESULT_ONLY, { input: referral("NC-ORACLE-2", nik(unknown), toDinsos()) });
      expect(known.status).toBe(missing.status);
      expect(known.text).toBe(missing.text);
      expect(known.body.data.contributeServiceReferral.result.status).toBe("CREATED");
      const readKnown = await ph.post(nc(), `query($n: String!) { personsByDocument(type: NIK, number: $n) { id fullName } }`, { n: ANI.nik });
      const readMissing = await ph.post(nc(), `query($n: String!) { personsByDocument(type: NIK, number: $n) { id fullName } }`, { n: unknown });
      expect(readKnown.text).toBe(readMissing.text);
      // Both linked by identity: Ani's own Person, and a new one registered by nobody.
      const rows = await ph.prisma.serviceReferral.findMany({ where: { externalId: { in: ["NC-ORACLE-1", "NC-ORACLE-2"] } }, include: { person: true } });
      expect(rows.find((r) => r.externalId === "NC-ORACLE-1")!.personId).toBe(ph.fx.ani);
      expect(rows.find((r) => r.externalId === "NC-ORACLE-2")!.person.createdByAgency).toBeNull();
    });

    it("links are exactly the policy's: Imigrasi links a crossing to a case in its jurisdiction, not to one outside", async () => {
      const im = persona("immigration-officer"); // jurisdiction 61.03
      const crossing = (externalId: string, kase: Record<string, string>) => ({
        externalId,
        sourceSystem: "TRUST-TEST",
        person: nik(SITI.nik),
        case: kase,
        direction: "ENTRY",
        post: "PLBN_ENTIKONG",
        crossedAt: "2025-06-02T00:00:00Z",
      });
      const M = `mutation($input: BorderCrossingInput!) { contributeBorderCrossing(input: $input) { result { status errors { path code } } } }`;
      const inside = await ph.post(im, M, { input: crossing("IM-LINK-1", { sourceAgency: "POLDA-KALBAR", externalId: "LP-2025-ENT-01" }) });
      expect(inside.body.data.contributeBorderCrossing.result).toEqual({ status: "CREATED", errors: [] });
      const outside = await ph.post(im, M, { input: crossing("IM-LINK-2", { sourceAgency: "POLDA-KALSEL", externalId: "LP-2025-BJM-01" }) });
      expect(outside.body.data.contributeBorderCrossing.result).toEqual({ status: "REJECTED", errors: [{ path: ["case"], code: "NOT_FOUND" }] });
    });

    it("by NIK: an invalid NIK is refused from the input alone, before any lookup", async () => {
      const ex = await ph.post(nc(), RESULT_ONLY, { input: referral("NC-ORACLE-3", nik("6371014202000000"), toDinsos()) });
      expect(ex.body.data.contributeServiceReferral.result).toMatchObject({ status: "REJECTED", errors: [{ path: ["person", "document", "number"], code: "NIK_SERIAL" }] });
    });

  });

  // ---------------------------------------------------------------- class 1: access a caller grants itself
  describe("class 1: no access a caller grants itself", () => {
    it.each([
      ["social-worker", "DINSOS-KALBAR", "SHELTER"],
      ["ngo-case-worker", "NGO-SUAKA-BORNEO", "PSYCHOLOGICAL"],
      ["legal-aid", "LBH-PONTIANAK", "LEGAL_AID"],
    ] as const)("%s referring a suspect and an out-of-scope victim to its own agency reads nothing of them", async (role, agency, serviceType) => {
      const p = persona(role);
      for (const [who, number] of [
        ["budi", BUDI.nik],
        ["ani", ANI.nik],
      ] as const) {
        const ex = await ph.post(p, REFER, { input: referral(`SELF-${role}-${who}`, nik(number), ph.fx.orgs[agency]!, { serviceType }) });
        expect(ex.body.data.contributeServiceReferral.result.status).toBe("CREATED");
        expect(ex.body.data.contributeServiceReferral.record.person).toBeNull();
        const after = await reads(p, number);
        expect(after.byNik).toEqual([]);
        expect(after.ids).not.toContain(who === "budi" ? ph.fx.budi : ph.fx.ani);
        expect(secretsIn(ex.text + after.text, [...BUDI_SECRETS, ...ANI_SECRETS])).toEqual([]);
      }
    });

    it("a referral to the agency never opens a case the referring caller could not read", async () => {
      const sw = persona("social-worker");
      const ex = await ph.post(sw, REFER, {
        input: referral("SELF-SW-CASE2", nik(ANI.nik), ph.fx.orgs["DINSOS-KALBAR"]!, { case: { sourceAgency: "POLDA-KALSEL", externalId: "LP-2025-BJM-01" } }),
      });
      expect(ex.body.data.contributeServiceReferral.result).toEqual({
        status: "REJECTED",
        errors: [{ path: ["case"], code: "NOT_FOUND", message: "No case with externalId LP-2025-BJM-01 of POLDA-KALSEL." }],
      });
      const cases = await ph.post(sw, `{ cases(first: 10) { edges { node { id } } } }`);
      expect(cases.body.data.cases.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ph.fx.case1]);
    });

    it("a referral by an agency that cannot read the person opens nothing for the receiver, nor for the sender", async () => {
      // LTSA Entikong (61.03) cannot read Ani (Kalsel); its referral of her NIK to Dinsos links, but opens nothing.
      const lt = persona("ltsa-officer");
      const ex = await ph.post(lt, REFER, { input: referral("LT-ANI-1", nik(ANI.nik), ph.fx.orgs["DINSOS-KALBAR"]!) });
      expect(ex.body.data.contributeServiceReferral.result.status).toBe("CREATED");
      const row = await ph.prisma.serviceReferral.findFirstOrThrow({ where: { sourceAgency: "LTSA-ENTIKONG", externalId: "LT-ANI-1" } });
      expect(row).toMatchObject({ personId: ph.fx.ani, opensScope: false });
      for (const p of [persona("social-worker"), lt]) {
        const after = await reads(p, ANI.nik);
        expect({ who: p.label, byNik: after.byNik, leaks: secretsIn(after.text, ANI_SECRETS) }).toEqual({ who: p.label, byNik: [], leaks: [] });
      }
    });

    it.each([
      [
        "bp3mi-officer",
        `mutation($input: MigrantPlacementInput!) { contributeMigrantPlacement(input: $input) { result { status } } }`,
        { externalId: "BP-ANI-1", sourceSystem: "TRUST-TEST", worker: nik(ANI.nik), destinationCountry: "MY", procedural: true },
      ],
      [
        "immigration-officer",
        `mutation($input: BorderCrossingInput!) { contributeBorderCrossing(input: $input) { result { status } } }`,
        { externalId: "IM-ANI-1", sourceSystem: "TRUST-TEST", person: nik(ANI.nik), direction: "EXIT", post: "PLBN_ENTIKONG", crossedAt: "2025-06-01T00:00:00Z" },
      ],
    ] as const)("%s linking a person it cannot read (placement, crossing) makes her readable to nobody", async (role, mutation, input) => {
      const ex = await ph.post(persona(role), mutation, { input });
      expect(Object.values(ex.body.data as Record<string, { result: { status: string } }>)[0]!.result.status).toBe("CREATED");
      // "migrant worker" and "crossed the border" are scopes of BP3MI, LTSA and Imigrasi.
      for (const r of ["bp3mi-officer", "ltsa-officer", "immigration-officer"] as const) {
        const ex2 = await ph.post(persona(r), `query($n: String!) { personsByDocument(type: NIK, number: $n) { id fullName } }`, { n: ANI.nik });
        expect({ role: r, data: ex2.body.data, leaks: secretsIn(ex2.text, ANI_SECRETS) }).toEqual({ role: r, data: { personsByDocument: [] }, leaks: [] });
      }
    });

    it("a relationship made by a party that can read the person still opens the receiver's rows", async () => {
      // Polda investigates case 1 (Dewi is a victim in it) and refers her to legal aid: LBH now reads her.
      const la = persona("legal-aid");
      const before = await reads(la, DEWI.nik);
      expect(before.byNik).toEqual([]);
      const ex = await ph.post(persona("police-investigator"), REFER, { input: referral("PI-DEWI-LA", { id: ph.fx.dewi }, ph.fx.orgs["LBH-PONTIANAK"]!, { serviceType: "LEGAL_AID", case: { id: ph.fx.case1 } }) });
      expect(ex.body.data.contributeServiceReferral.result.status).toBe("CREATED");
      const after = await reads(la, DEWI.nik);
      expect(after.byNik).toEqual([expect.objectContaining({ id: ph.fx.dewi, fullName: DEWI.fullName })]);
    });
  });

  // ---------------------------------------------------------------- class 2: forged provenance
  describe("class 2: who did something comes from the token", () => {
    it("a referral naming another agency as its sender is refused with a field error", async () => {
      const sw = persona("social-worker");
      const ex = await ph.post(sw, REFER, { input: referral("SW-FORGED-1", { id: ph.fx.siti }, ph.fx.orgs["NGO-SUAKA-BORNEO"]!, { fromOrganization: { id: ph.fx.orgs["POLDA-KALBAR"]! } }) });
      expect(ex.body.data.contributeServiceReferral.result).toEqual({
        status: "REJECTED",
        errors: [{ path: ["fromOrganization"], code: "NOT_PERMITTED", message: expect.stringContaining("your own agency (DINSOS-KALBAR)") }],
      });
      expect(await ph.prisma.serviceReferral.count({ where: { externalId: "SW-FORGED-1" } })).toBe(0);
      // The caller's own organization, named or defaulted, is accepted.
      const own = await ph.post(sw, REFER, { input: referral("SW-OWN-1", { id: ph.fx.siti }, ph.fx.orgs["NGO-SUAKA-BORNEO"]!, { fromOrganization: { id: ph.fx.orgs["DINSOS-KALBAR"]! } }) });
      expect(own.body.data.contributeServiceReferral.result.status).toBe("CREATED");
    });

    it("provenance fields cannot be sent at all", async () => {
      const ex = await ph.post(persona("social-worker"), REFER, { input: { ...referral("SW-FORGED-2", { id: ph.fx.siti }, ph.fx.orgs["NGO-SUAKA-BORNEO"]!), sourceAgency: "POLDA-KALBAR" } });
      expect(ex.status).toBe(400);
      expect(ex.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    });
  });

  // ---------------------------------------------------------------- merge poisoning
  describe("merge poisoning: a statement for someone else's NIK", () => {
    const CONTRIBUTE_PERSON = `mutation($input: PersonInput!) { contributePerson(input: $input) { result { status } record { id fullName } } }`;

    it("changes no resolved identity field beyond the documented precedence and opens nothing, also when linked afterwards", async () => {
      const sw = persona("social-worker");
      const st = await ph.post(sw, CONTRIBUTE_PERSON, {
        input: { externalId: "SW-ANI-STMT", sourceSystem: "TRUST-TEST", fullName: "Nama Palsu Sekali", birthDate: "1990-01-01", documents: [{ type: "NIK", number: ANI.nik }] },
      });
      expect(st.body.data.contributePerson).toEqual({ result: { status: "CREATED" }, record: null });
      // The caller then links its own statement: a referral from itself, and one to an NGO.
      for (const [externalId, to] of [
        ["SW-ANI-SELF", "DINSOS-KALBAR"],
        ["SW-ANI-NGO", "NGO-SUAKA-BORNEO"],
      ] as const) {
        const ex = await ph.post(sw, REFER, { input: referral(externalId, { externalId: "SW-ANI-STMT" }, ph.fx.orgs[to]!) });
        expect(ex.body.data.contributeServiceReferral.result.status).toBe("CREATED");
      }
      for (const p of [sw, persona("ngo-case-worker")]) {
        const after = await reads(p, ANI.nik);
        expect({ who: p.label, byNik: after.byNik, leaks: secretsIn(after.text, ANI_SECRETS) }).toEqual({ who: p.label, byNik: [], leaks: [] });
      }
      // Police of Kalsel still see Ani as they recorded her: a social-services statement ranks below police.
      const kalsel: Principal = { label: "polda-kalsel", roles: ["police-investigator"], agency: "POLDA-KALSEL", purpose: "investigation", jurisdiction: ["63"] };
      const police = await ph.post(kalsel, `query($id: ID!) { person(id: $id) { fullName birthDate conflicts { field } } }`, { id: ph.fx.ani });
      expect(police.body.data.person).toMatchObject({ fullName: ANI.fullName, birthDate: ANI.birthDate });
      expect(police.body.data.person.conflicts.map((c: { field: string }) => c.field).sort()).toEqual(["BIRTH_DATE", "FULL_NAME"]);
    });

    it("a statement for a suspect's NIK shows the suspect to nobody it was hidden from", async () => {
      const nc = persona("ngo-case-worker");
      const st = await ph.post(nc, CONTRIBUTE_PERSON, { input: { externalId: "NC-BUDI-STMT", sourceSystem: "TRUST-TEST", fullName: "Seseorang", documents: [{ type: "NIK", number: BUDI.nik }] } });
      expect(st.body.data.contributePerson.record).toBeNull();
      const ex = await ph.post(nc, REFER, { input: referral("NC-BUDI-REF", { externalId: "NC-BUDI-STMT" }, ph.fx.orgs["DINSOS-KALBAR"]!) });
      expect(ex.body.data.contributeServiceReferral.result.status).toBe("CREATED");
      for (const p of [nc, persona("social-worker")]) {
        const after = await reads(p, BUDI.nik);
        expect({ who: p.label, byNik: after.byNik, leaks: secretsIn(after.text, BUDI_SECRETS) }).toEqual({ who: p.label, byNik: [], leaks: [] });
      }
      const police = await ph.post(persona("police-investigator"), `query($id: ID!) { person(id: $id) { fullName } }`, { id: ph.fx.budi });
      expect(police.body.data.person.fullName).toBe(BUDI.fullName);
    });
  });

  // ---------------------------------------------------------------- multi-role tokens
  describe("tokens with several roles get exactly the documented combination", () => {
    const ids = async (p: Principal, root: string) => {
      const ex = await ph.post(p, `{ ${root}(first: 100) { edges { node { id } } } }`);
      return new Set<string>((ex.body.data?.[root]?.edges ?? []).map((e: { node: { id: string } }) => e.node.id));
    };

    it("rows are the union of each role's rows and fields the most permissive grant, never more", async () => {
      const roles = ["social-worker", "bp3mi-officer"] as const;
      const both: Principal = { label: "sw+bp", roles: [...roles], agency: "DINSOS-KALBAR", purpose: "victim-services", jurisdiction: ["61"] };
      const single = roles.map((r): Principal => ({ ...both, label: r, roles: [r] }));
      for (const root of ["persons", "cases", "referrals", "placements"]) {
        const union = new Set<string>();
        for (const p of single) for (const id of await ids(p, root)) union.add(id);
        expect({ root, ids: [...(await ids(both, root))].sort() }).toEqual({ root, ids: [...union].sort() });
      }
      for (const [type, field] of [
        ["Person", "fullName"],
        ["Person", "phone"],
        ["Case", "modus"],
        ["ServiceReferral", "notes"],
      ] as const) {
        const each = single.map((p) => fieldEffect(p, type, field).kind);
        const expected = each.includes("allow") ? "allow" : each.includes("mask") ? "mask" : "deny";
        expect({ type, field, effect: fieldEffect(both, type, field).kind }).toEqual({ type, field, effect: expected });
      }
      // Over HTTP: the social worker's identity grant (victim-services) on a row both roles reach;
      // a case fact neither role may read stays FORBIDDEN.
      const ex = await ph.post(both, `query($id: ID!) { person(id: $id) { fullName } }`, { id: ph.fx.siti });
      expect(ex.body.data.person.fullName).toBe(SITI.fullName);
      const fact = await ph.post(both, `{ cases(first: 5) { edges { node { modus } } } }`);
      expect(fact.body.errors?.map((e) => [e.message, e.extensions?.code])).toContainEqual(["Not permitted: Case.modus", "FORBIDDEN"]);
    });

    it("a second role's links never open what neither role could read", async () => {
      const both: Principal = { label: "sw+bp", roles: ["social-worker", "bp3mi-officer"], agency: "DINSOS-KALBAR", purpose: "victim-services", jurisdiction: ["61"] };
      const ex = await ph.post(both, `mutation($input: MigrantPlacementInput!) { contributeMigrantPlacement(input: $input) { result { status } record { worker { fullName } } } }`, {
        input: { externalId: "SWBP-ANI-1", sourceSystem: "TRUST-TEST", worker: nik(ANI.nik), destinationCountry: "MY", procedural: true },
      });
      expect(ex.body.data.contributeMigrantPlacement).toEqual({ result: { status: "CREATED" }, record: { worker: null } });
      const ref = await ph.post(both, REFER, { input: referral("SWBP-ANI-2", nik(ANI.nik), ph.fx.orgs["NGO-SUAKA-BORNEO"]!) });
      expect(ref.body.data.contributeServiceReferral.result.status).toBe("CREATED");
      for (const p of [both, persona("ngo-case-worker"), persona("ltsa-officer")]) {
        const after = await reads(p, ANI.nik);
        expect({ who: p.label, byNik: after.byNik, leaks: secretsIn(after.text, ANI_SECRETS) }).toEqual({ who: p.label, byNik: [], leaks: [] });
      }
    });
  });

  // ---------------------------------------------------------------- cross-agency linking still works
  it("a BP3MI placement for a NIK Polda registered links to Polda's Person", async () => {
    const ex = await ph.post(persona("bp3mi-officer"), `mutation($input: MigrantPlacementInput!) { contributeMigrantPlacement(input: $input) { result { status id } } }`, {
      input: { externalId: "BP-RINA-1", sourceSystem: "TRUST-TEST", worker: nik(RINA.nik), destinationCountry: "MY", procedural: false },
    });
    expect(ex.body.data.contributeMigrantPlacement.result.status).toBe("CREATED");
    const row = await ph.prisma.migrantPlacement.findUniqueOrThrow({ where: { id: ex.body.data.contributeMigrantPlacement.result.id } });
    expect(row.workerId).toBe(ph.fx.rina);
    expect(await ph.prisma.person.count({ where: { documents: { some: { number: RINA.nik } } } })).toBe(1);
  });

  it("no error message in any response of this file contains a secret value", () => {
    expect(ph.leakingErrorMessages()).toEqual([]);
  });
});
