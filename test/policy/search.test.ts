// Search that sees through a mask (issue 8, class 3; security property 3). A caller who sees a
// victim's identity masked (a child victim, or a victim who has not consented to the caller's
// agency) must learn nothing about the hidden value through filters, lookups, sorts or cursors:
// two datasets that differ only in that value give byte-identical answers. Searches on identity
// fields are audited like reads (field names, never the value searched for).
import { backends } from "../support/hub";
import { DEWI, RINA, SITI } from "./fixture";
import { PolicyHub, persona, type Principal } from "./support";

const LIST = `query($f: PersonFilter, $o: PersonOrder) { persons(filter: $f, orderBy: $o) { totalCount edges { cursor node { id } } } }`;
const LOOKUP = `query($n: String!) { personsByDocument(type: NIK, number: $n) { id } }`;

describe.each(backends)("search under the victim protections on %s", (backend) => {
  let ph: PolicyHub;
  beforeAll(async () => {
    ph = await PolicyHub.start(backend);
  });
  afterAll(async () => {
    await ph?.stop();
  });

  /** Runs `ask` on the real data and again after `change`, restoring afterwards. */
  async function twoDatasets(ask: () => Promise<string>, change: () => Promise<unknown>, restore: () => Promise<unknown>): Promise<[string, string]> {
    const before = await ask();
    await change();
    try {
      return [before, await ask()];
    } finally {
      await restore();
    }
  }
  const rename = (id: string, name: string) => () =>
    Promise.all([
      ph.prisma.person.update({ where: { id }, data: { fullName: name } }),
      ph.prisma.personStatement.updateMany({ where: { personId: id }, data: { fullName: name } }),
    ]);
  const rebirth = (id: string, date: string) => () => ph.prisma.person.update({ where: { id }, data: { birthDate: new Date(`${date}T00:00:00Z`) } });
  const text = async (p: Principal, query: string, variables: Record<string, unknown>) => {
    const ex = await ph.post(p, query, variables);
    return `${ex.status} ${ex.text}`;
  };

  // Who sees whom masked (test/policy/fixture.ts): Dewi was a child when exploited (masked for
  // BP3MI, Imigrasi, the NGO); Rina did not consent to Dinas Sosial or the NGO.
  const MASKED = [
    { who: "bp3mi-officer", victim: "dewi", name: DEWI.fullName, part: "Anggraini", birth: DEWI.birthDate, otherBirth: "2009-02-03" },
    { who: "immigration-officer", victim: "dewi", name: DEWI.fullName, part: "Anggraini", birth: DEWI.birthDate, otherBirth: "2009-02-03" },
    { who: "ngo-case-worker", victim: "dewi", name: DEWI.fullName, part: "Anggraini", birth: null, otherBirth: null },
    { who: "social-worker", victim: "rina", name: RINA.fullName, part: "Marlina", birth: RINA.birthDate, otherBirth: "1995-07-19" },
    { who: "ngo-case-worker", victim: "rina", name: RINA.fullName, part: "Marlina", birth: null, otherBirth: null },
  ] as const;

  describe("nameContains", () => {
    it.each(MASKED.map((m) => [m.who, m.victim, m] as const))("%s, who sees %s's name as initials, cannot confirm it", async (who, victim, m) => {
      const p = persona(who);
      const id = ph.fx[victim];
      const ask = () => text(p, LIST, { f: { nameContains: m.part } });
      // Same initials, other name: the caller's view of the person is unchanged.
      const [real, other] = await twoDatasets(ask, rename(id, m.name.replace(m.part, "Asmara")), rename(id, m.name));
      expect(other).toBe(real);
      expect(real).toContain('"totalCount":0');
    });

    it("a name the caller reads in clear is still found (Siti consented; adult)", async () => {
      for (const who of ["bp3mi-officer", "social-worker", "ngo-case-worker"] as const) {
        const ex = await ph.post(persona(who), LIST, { f: { nameContains: "rahmawati" } });
        expect({ who, ids: ex.body.data.persons.edges.map((e: { node: { id: string } }) => e.node.id) }).toEqual({ who, ids: [ph.fx.siti] });
      }
    });

    it("control: the investigator, exempt from the protections, does see the difference", async () => {
      const p = persona("police-investigator");
      const [real, other] = await twoDatasets(() => text(p, LIST, { f: { nameContains: "Anggraini" } }), rename(ph.fx.dewi, "Dewi Asmara Lestari"), rename(ph.fx.dewi, DEWI.fullName));
      expect(real).toContain('"totalCount":1');
      expect(other).toContain('"totalCount":0');
    });
  });

  describe("birth-date bisection", () => {
    const withBirth = MASKED.filter((m) => m.birth !== null);
    it.each(withBirth.map((m) => [m.who, m.victim, m] as const))("%s, who sees %s's birth date as a year, cannot narrow it down", async (who, victim, m) => {
      const p = persona(who);
      const id = ph.fx[victim];
      const birth = m.birth!;
      const month = birth.slice(0, 7);
      // The bisection steps an attacker would take inside the year the mask shows.
      const ranges = [
        { birthDateFrom: `${birth.slice(0, 4)}-01-01`, birthDateTo: `${birth.slice(0, 4)}-06-30` },
        { birthDateFrom: `${month}-01`, birthDateTo: `${month}-28` },
        { birthDateFrom: birth, birthDateTo: birth },
        { birthDateFrom: birth },
      ];
      const ask = async () => (await Promise.all(ranges.map((f) => text(p, LIST, { f })))).join("\n");
      const [real, other] = await twoDatasets(ask, rebirth(id, m.otherBirth!), rebirth(id, birth));
      expect(other).toBe(real);
      expect(real).not.toContain(id);
    });

    it("the NGO case worker, who sees every birth date as a year, may not filter on it at all", async () => {
      const ex = await ph.post(persona("ngo-case-worker"), LIST, { f: { birthDateFrom: "1990-01-01" } });
      expect(ex.status).toBe(403);
      expect(ex.body.errors?.[0]?.message).toMatch(/^Filtering, sorting or looking up by Person\.birthDate is not permitted/);
    });

    it("control: a birth date read in clear is still found (Siti by the social worker)", async () => {
      const ex = await ph.post(persona("social-worker"), LIST, { f: { birthDateFrom: SITI.birthDate, birthDateTo: SITI.birthDate } });
      expect(ex.body.data.persons.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ph.fx.siti]);
    });
  });

  describe("sorting", () => {
    it.each([
      ["social-worker", "rina", "FULL_NAME_ASC"],
      ["bp3mi-officer", "dewi", "FULL_NAME_ASC"],
      ["immigration-officer", "dewi", "FULL_NAME_ASC"],
    ] as const)("%s cannot rank %s (masked) by the hidden name with %s", async (who, victim, order) => {
      const p = persona(who);
      const id = ph.fx[victim];
      const name = victim === "dewi" ? DEWI.fullName : RINA.fullName;
      // "Aa..." sorts first, the real name does not: an oracle if the sort used it.
      const [real, other] = await twoDatasets(() => text(p, LIST, { o: order }), rename(id, `Aa ${name}`), rename(id, name));
      expect(other).toBe(real);
      // Refused for every caller the protections can mask a name for, whatever the rows.
      expect(real).toMatch(/^403 .*Filtering, sorting or looking up by Person\.fullName is not permitted/);
    });

    it.each([
      ["social-worker", "rina", RINA.birthDate, "2001-05-05"],
      ["bp3mi-officer", "dewi", DEWI.birthDate, "1990-05-05"],
    ] as const)("%s cannot rank %s by the hidden birth date", async (who, victim, birth, other) => {
      const p = persona(who);
      const id = ph.fx[victim];
      const [a, b] = await twoDatasets(() => text(p, LIST, { o: "BIRTH_DATE_ASC" }), rebirth(id, other), rebirth(id, birth));
      expect(b).toBe(a);
      expect(a).toMatch(/^403 /);
    });

    it("control: the investigator, who reads every name in clear, may sort by name, and cursors carry ids only", async () => {
      const p = persona("police-investigator");
      const [real, other] = await twoDatasets(() => text(p, LIST, { o: "FULL_NAME_ASC" }), rename(ph.fx.rina, `Aa ${RINA.fullName}`), rename(ph.fx.rina, RINA.fullName));
      expect(real).not.toBe(other);
      const ex = await ph.post(p, LIST, { o: "FULL_NAME_ASC" });
      for (const e of ex.body.data.persons.edges as { cursor: string; node: { id: string } }[]) {
        const decoded = Buffer.from(e.cursor, "base64").toString("utf8");
        expect(decoded).toContain(e.node.id);
        for (const n of [SITI.fullName, DEWI.fullName, RINA.fullName]) for (const w of n.split(" ")) expect(decoded).not.toContain(w);
      }
    });
  });

  it("a person's documents are not ordered by their hidden numbers", async () => {
    // Two passports of Siti whose numbers mask alike (C7****21); the NGO sees numbers masked.
    const st = await ph.prisma.personStatement.findFirstOrThrow({ where: { personId: ph.fx.siti, sourceAgency: "BP3MI-KALBAR" } });
    const first = await ph.prisma.identityDocument.create({ data: { personId: ph.fx.siti, statementId: st.id, type: "PASSPORT", number: "C7111121" } });
    const second = await ph.prisma.identityDocument.create({ data: { personId: ph.fx.siti, statementId: st.id, type: "PASSPORT", number: "C7999921" } });
    const swap = (a: string, b: string) => () =>
      ph.prisma.$transaction([
        ph.prisma.identityDocument.update({ where: { id: first.id }, data: { number: "C7000021" } }),
        ph.prisma.identityDocument.update({ where: { id: second.id }, data: { number: b } }),
        ph.prisma.identityDocument.update({ where: { id: first.id }, data: { number: a } }),
      ]);
    try {
      const q = `query($id: ID!) { person(id: $id) { documents { id type number } statements { documents { id number } } } }`;
      const [real, other] = await twoDatasets(() => text(persona("ngo-case-worker"), `query($id: ID!) { person(id: $id) { documents { id type number } } }`, { id: ph.fx.siti }), swap("C7999921", "C7111121"), swap("C7111121", "C7999921"));
      expect(other).toBe(real);
      expect(real).toContain("C7****21");
      const [realSt, otherSt] = await twoDatasets(() => text(persona("police-investigator", "statistics"), q, { id: ph.fx.siti }), swap("C7999921", "C7111121"), swap("C7111121", "C7999921"));
      expect(otherSt).toBe(realSt);
    } finally {
      await ph.prisma.identityDocument.deleteMany({ where: { id: { in: [first.id, second.id] } } });
    }
  });

  describe("lookup by document number", () => {
    it("BP3MI, which sees a child's NIK masked, cannot confirm it: the lookup answers as for an unknown NIK", async () => {
      const p = persona("bp3mi-officer");
      const doc = await ph.prisma.identityDocument.findFirstOrThrow({ where: { personId: ph.fx.dewi, type: "NIK" } });
      const other = "6103215708090099";
      const [real, changed] = await twoDatasets(
        () => text(p, LOOKUP, { n: DEWI.nik }),
        () => ph.prisma.identityDocument.updateMany({ where: { personId: ph.fx.dewi, number: DEWI.nik }, data: { number: other } }),
        () => ph.prisma.identityDocument.updateMany({ where: { personId: ph.fx.dewi, number: other }, data: { number: doc.number } }),
      );
      expect(changed).toBe(real);
      expect(real).toBe(`200 {"data":{"personsByDocument":[]}}\n`);
      // Control: an adult who consented is found by the same officer.
      const siti = await ph.post(p, LOOKUP, { n: SITI.nik });
      expect(siti.body.data.personsByDocument).toEqual([{ id: ph.fx.siti }]);
    });
  });

  describe("audit", () => {
    let seq = 0;
    const entriesOf = async (p: Principal, query: string, variables: Record<string, unknown>) => {
      const requestId = `search-audit-${backend}-${++seq}-${Date.now()}`;
      const ex = await ph.post(p, query, variables, { "x-request-id": requestId });
      const entries = await ph.prisma.auditEntry.findMany({ where: { requestId }, orderBy: { seq: "asc" } });
      return { ex, entries, text: JSON.stringify(entries, (_k, v) => (typeof v === "bigint" ? v.toString() : v)) };
    };

    it("a search on an identity field is recorded (who, which field), never the value searched for", async () => {
      const { ex, entries, text } = await entriesOf(persona("social-worker"), LIST, { f: { nameContains: "Rahmawati", birthDateFrom: "1990-01-01" } });
      expect(ex.status).toBe(200);
      const searches = entries.filter((e) => e.decision === "SEARCH");
      expect(searches.map((e) => ({ action: e.action, recordType: e.recordType, fields: [...e.fields].sort(), recordIds: e.recordIds }))).toEqual([
        { action: "READ", recordType: "Person", fields: ["birthDate", "fullName"], recordIds: [] },
      ]);
      expect(searches[0]).toMatchObject({ agency: "DINSOS-KALBAR", roles: ["social-worker"], purpose: "victim-services" });
      expect(text).not.toContain("Rahmawati");
      expect(text).not.toContain("1990-01-01");
    });

    it("a lookup by document number is recorded as a search on IdentityDocument.number, without the number", async () => {
      const { entries, text } = await entriesOf(persona("ltsa-officer"), LOOKUP, { n: SITI.nik });
      expect(entries.filter((e) => e.decision === "SEARCH").map((e) => ({ recordType: e.recordType, fields: e.fields }))).toEqual([{ recordType: "IdentityDocument", fields: ["number"] }]);
      expect(text).not.toContain(SITI.nik);
    });

    it("a search on non-identity fields only is not a search entry", async () => {
      const { entries } = await entriesOf(persona("social-worker"), LIST, { f: { sex: ["Feminine"] } });
      expect(entries.filter((e) => e.decision === "SEARCH")).toEqual([]);
    });
  });

  it("no error message in this file's responses contains a secret value", () => {
    expect(ph.leakingErrorMessages()).toEqual([]);
  });
});
