// The protections no role overrides by accident: identity of victims who were children when
// exploited, and a victim's consent to share identity with an agency. Expected values are written
// out by hand (initials, year, masked numbers), not derived from the policy.
import { backends } from "../support/hub";
import { DEWI, RINA, SITI } from "./fixture";
import { PolicyHub, persona, secretsIn, type Principal } from "./support";

const PERSON_FIELDS = `fullName aliases birthDate phone documents { type number } statements { sourceAgency fullName birthDate }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${PERSON_FIELDS} } } }`;

describe.each(backends)("victim protections on %s", (backend) => {
  let ph: PolicyHub;
  beforeAll(async () => {
    ph = await PolicyHub.start(backend);
  });
  afterAll(async () => {
    await ph?.stop();
  });

  const entity = async (p: Principal, id: string, query = ENTITIES) => {
    const ex = await ph.post(p, query, { r: [{ __typename: "Person", id }] });
    expect(ex.status).toBe(200);
    return { ex, person: ex.body.data?._entities?.[0] };
  };

  const DEWI_MASKED = {
    fullName: "D. A. L.",
    aliases: [],
    birthDate: "2009-01-01",
    phone: "***********02",
    documents: [
      { type: "NIK", number: "610321********02" },
      { type: "NIK", number: "610321********02" },
    ],
    statements: [
      { sourceAgency: "POLDA-KALBAR", fullName: "D. A. L.", birthDate: "2009-01-01" },
      { sourceAgency: "BP3MI-KALBAR", fullName: "D. A. P.", birthDate: "2004-01-01" },
    ],
  };

  describe("child victims", () => {
    it("BP3MI, whose grant allows identity for placement protection, sees a child's identity masked (statements too)", async () => {
      const { ex, person } = await entity(persona("bp3mi-officer"), ph.fx.dewi);
      expect(person).toEqual(DEWI_MASKED);
      expect(secretsIn(ex.text, [DEWI.fullName, DEWI.bp3miName, DEWI.birthDate, DEWI.phone, DEWI.nik])).toEqual([]);
      expect(ex.body.extensions?.masked).toEqual(expect.arrayContaining(["_entities.0.fullName", "_entities.0.statements.1.fullName", "_entities.0.documents.0.number"]));
      // Control: the same officer sees an adult victim's identity in full.
      const adult = await entity(persona("bp3mi-officer"), ph.fx.siti);
      expect(adult.person).toMatchObject({ fullName: SITI.fullName, birthDate: SITI.birthDate, phone: SITI.phone });
    });

    it("an LTSA officer looking a child up by NIK gets the child's identity masked", async () => {
      const ex = await ph.post(persona("ltsa-officer"), `query($n: String!) { personsByDocument(type: NIK, number: $n) { id fullName birthDate phone } }`, { n: DEWI.nik });
      // LTSA desks get no contact details at all (denied), and the child's name and birth date masked.
      expect(ex.body.data.personsByDocument).toEqual([{ id: ph.fx.dewi, fullName: "D. A. L.", birthDate: "2009-01-01", phone: null }]);
      expect(secretsIn(ex.text, [DEWI.fullName, DEWI.birthDate, DEWI.phone])).toEqual([]);
      // Control: an adult migrant worker looked up the same way is shown in full.
      const adult = await ph.post(persona("ltsa-officer"), `query($n: String!) { personsByDocument(type: NIK, number: $n) { fullName } }`, { n: SITI.nik });
      expect(adult.body.data.personsByDocument).toEqual([{ fullName: SITI.fullName }]);
    });

    it("an NGO case worker sees a child's name as initials and birth date as year", async () => {
      const ex = await ph.post(persona("ngo-case-worker"), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName birthDate phone } } }`, {
        r: [{ __typename: "Person", id: ph.fx.dewi }],
      });
      expect(ex.body.data._entities[0]).toEqual({ fullName: "D. A. L.", birthDate: "2009-01-01", phone: "***********02" });
    });

    it.each([
      ["police-investigator", "investigation"],
      ["social-worker", "victim-services"],
      ["prosecutor", "prosecution"],
    ] as const)("is visible to the exempt %s in %s", async (role, purpose) => {
      const { person } = await entity(persona(role, purpose), ph.fx.dewi);
      expect(person).toMatchObject({ fullName: DEWI.fullName, birthDate: DEWI.birthDate });
      expect(person.statements).toEqual([
        { sourceAgency: "POLDA-KALBAR", fullName: DEWI.fullName, birthDate: DEWI.birthDate },
        { sourceAgency: "BP3MI-KALBAR", fullName: DEWI.bp3miName, birthDate: DEWI.bp3miBirthDate },
      ]);
    });

    it("an exempt role outside its exempt purpose is not exempt", async () => {
      const { person } = await entity(persona("social-worker", "statistics"), ph.fx.dewi);
      expect(person.fullName).toBe("D. A. L.");
    });

    it("a second role does not lift the protection unless it is exempt for the token's purpose", async () => {
      const both: Principal = { label: "bp3mi+ngo", roles: ["bp3mi-officer", "ngo-case-worker"], agency: "BP3MI-KALBAR", purpose: "victim-services", jurisdiction: ["61"] };
      expect((await entity(both, ph.fx.dewi)).person.fullName).toBe("D. A. L.");
      const withPolice: Principal = { label: "bp3mi+police", roles: ["bp3mi-officer", "police-investigator"], agency: "BP3MI-KALBAR", purpose: "investigation", jurisdiction: ["61"] };
      expect((await entity(withPolice, ph.fx.dewi)).person.fullName).toBe(DEWI.fullName);
    });
  });

  describe("consent", () => {
    // Without statements: the NGO case worker may not read PersonStatement (a non-null field).
    const CONSENT_QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName birthDate phone documents { type number } } } }`;
    it.each(["social-worker", "ngo-case-worker"] as const)("the %s's agency has no consent from Rina: her identity is masked", async (role) => {
      const { ex, person } = await entity(persona(role), ph.fx.rina, CONSENT_QUERY);
      expect(person).toMatchObject({ fullName: "R. M. S.", birthDate: "1995-01-01", phone: "***********03", documents: [{ type: "NIK", number: "610321********03" }] });
      expect(secretsIn(ex.text, [RINA.fullName, RINA.birthDate, RINA.phone, RINA.nik])).toEqual([]);
      // Control: Siti consented to the same agency.
      expect((await entity(persona(role), ph.fx.siti, CONSENT_QUERY)).person).toMatchObject({ fullName: SITI.fullName, phone: SITI.phone });
    });

    it("law enforcement in its own investigation or prosecution is not bound by consent (UU 27/2022 Art. 15)", async () => {
      expect((await entity(persona("police-investigator"), ph.fx.rina)).person).toMatchObject({ fullName: RINA.fullName, birthDate: RINA.birthDate, phone: RINA.phone });
      expect((await entity(persona("prosecutor"), ph.fx.rina)).person).toMatchObject({ fullName: RINA.fullName, birthDate: RINA.birthDate });
    });

    it("an agency Rina consented to (LTSA) sees her identity", async () => {
      const ex = await ph.post(persona("ltsa-officer"), `query($n: String!) { personsByDocument(type: NIK, number: $n) { fullName birthDate } }`, { n: RINA.nik });
      expect(ex.body.data.personsByDocument).toEqual([{ fullName: RINA.fullName, birthDate: RINA.birthDate }]);
    });

  });

  describe("ConflictingValue.value is decided as the Person field it carries", () => {
    const CONFLICTS = `query($id: ID!) { person(id: $id) { conflicts { field values { sourceAgency value } } } }`;
    const byField = (ex: { body: { data?: any } }) => Object.fromEntries((ex.body.data.person.conflicts as { field: string; values: unknown[] }[]).map((c) => [c.field, c.values]));

    it("BP3MI sees a child's name and birth-date conflicts masked like the fields themselves, and the nationality conflict as is", async () => {
      const ex = await ph.post(persona("bp3mi-officer"), CONFLICTS, { id: ph.fx.dewi });
      expect(byField(ex)).toEqual({
        FULL_NAME: [
          { sourceAgency: "POLDA-KALBAR", value: "D. A. L." },
          { sourceAgency: "BP3MI-KALBAR", value: "D. A. P." },
        ],
        BIRTH_DATE: [
          { sourceAgency: "POLDA-KALBAR", value: "2009-01-01" },
          { sourceAgency: "BP3MI-KALBAR", value: "2004-01-01" },
        ],
        // Nationality is not an identity field: no protection applies (BP3MI reads Person.nationality).
        NATIONALITY: [
          { sourceAgency: "POLDA-KALBAR", value: "ID" },
          { sourceAgency: "BP3MI-KALBAR", value: "ID,MY" },
        ],
      });
      expect(secretsIn(ex.text, [DEWI.fullName, DEWI.bp3miName, DEWI.birthDate, DEWI.bp3miBirthDate])).toEqual([]);
      expect(ex.body.extensions?.masked).toEqual(
        expect.arrayContaining(["person.conflicts.0.values.0.value", "person.conflicts.0.values.1.value", "person.conflicts.1.values.0.value"]),
      );
      expect((ex.body.extensions?.masked as string[]).filter((m) => m.startsWith("person.conflicts.2."))).toEqual([]);
    });

    it("the investigator sees the conflicting values themselves", async () => {
      const ex = await ph.post(persona("police-investigator"), CONFLICTS, { id: ph.fx.dewi });
      expect(byField(ex).FULL_NAME).toEqual([
        { sourceAgency: "POLDA-KALBAR", value: DEWI.fullName },
        { sourceAgency: "BP3MI-KALBAR", value: DEWI.bp3miName },
      ]);
    });

    it("an investigator outside investigation sees the conflict as initials, like the name", async () => {
      const ex = await ph.post(persona("police-investigator", "statistics"), CONFLICTS, { id: ph.fx.dewi });
      expect(byField(ex).FULL_NAME).toEqual([
        { sourceAgency: "POLDA-KALBAR", value: "D. A. L." },
        { sourceAgency: "BP3MI-KALBAR", value: "D. A. P." },
      ]);
    });
  });

  it("no error message in this file's responses contains a secret value", () => {
    expect(ph.exchanges.length).toBeGreaterThan(10);
    expect(ph.leakingErrorMessages()).toEqual([]);
  });
});
