// Second carriers of a hidden value (issue 8, class 4; security property 16) and identity leaking
// through free text. Every field the policy declares as carrying an identity class
// (POLICY.carriers) is read over HTTP by every principal, and each value served is checked
// against what the CLASS allows that principal (POLICY.carriers.classes, with purpose and the
// child-victim and consent protections), not against the field's own grant: a carrier may show
// less than its class (null), never more. So BorderCrossing.documentNumber must be masked exactly
// like IdentityDocument.number, and a note naming a victim must be withheld wherever her name is.
import { backends } from "../support/hub";
import { MASKERS } from "../../src/policy/maskers";
import { POLICY } from "../../src/policy/rules";
import type { Grant, IdentityClass } from "../../src/policy/types";
import { BUDI, DEWI, RINA, SITI } from "./fixture";
import { CASEWORK, NATURAL, OTHER_PURPOSE, PolicyHub, applyProtections, loadRaw, persona, type Eff, type Principal, type Raw } from "./support";

/** How to reach the records of each type that holds a carrier; `F` is replaced by the field. */
const PERSON_ENTITIES = (inner: string) => `query($all: [_Any!]!) { _entities(representations: $all) { ... on Person { ${inner} } } }`;
const ROUTES: Record<string, string[]> = {
  Person: [PERSON_ENTITIES("__typename id F")],
  PersonStatement: [PERSON_ENTITIES("statements { __typename id F }")],
  IdentityDocument: [PERSON_ENTITIES("documents { __typename id F }")],
  BorderCrossing: [`{ borderCrossings { edges { node { __typename id F } } } }`, PERSON_ENTITIES("crossings { __typename id F }")],
  MigrantPlacement: [`{ placements { edges { node { __typename id F } } } }`],
  Case: [`{ cases { edges { node { __typename id F } } } }`],
  CaseParticipant: [PERSON_ENTITIES("participations { __typename id F }")],
  ServiceReferral: [`{ referrals { edges { node { __typename id F } } } }`],
  LegalProceeding: [`{ legalProceedings { edges { node { __typename id F } } } }`],
  EarlyWarningReport: [`{ earlyWarningReports { edges { node { __typename id F } } } }`],
};

const PRINCIPALS: Principal[] = [
  ...NATURAL,
  ...CASEWORK.map((r) => persona(r, OTHER_PURPOSE)),
  { label: "bp3mi+ltsa(early-warning)", roles: ["bp3mi-officer", "ltsa-officer"], agency: "BP3MI-KALBAR", purpose: "early-warning", jurisdiction: ["61"] },
];

const toEff = (e: string): Eff => (e === "allow" ? { kind: "allow" } : e === "deny" ? { kind: "deny" } : { kind: "mask", masker: e.slice(5) as never });
const RANK = { deny: 0, mask: 1, allow: 2 } as const;

/** What the class grants the principal (most permissive of its roles), before protections. */
function classEffect(p: Principal, cls: IdentityClass): Eff {
  let best: Eff = { kind: "deny" };
  for (const r of p.roles) {
    const g = POLICY.carriers.classes[cls].grants[r] as Grant | undefined;
    const e = !g ? toEff("deny") : typeof g === "string" ? toEff(g) : toEff(g.when.includes(p.purpose) ? g.then : g.else);
    if (RANK[e.kind] > RANK[best.kind]) best = e;
  }
  return best;
}

const wire = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === undefined ? null : v);

type Obj = Record<string, unknown>;
function collect(node: unknown, type: string, field: string, out: Obj[]): void {
  if (Array.isArray(node)) for (const n of node) collect(n, type, field, out);
  else if (node && typeof node === "object") {
    const o = node as Obj;
    if (o.__typename === type && typeof o.id === "string" && field in o) out.push(o);
    for (const v of Object.values(o)) collect(v, type, field, out);
  }
}

describe.each(backends)("carriers of identity values on %s", (backend) => {
  let ph: PolicyHub;
  let raw: Raw;
  beforeAll(async () => {
    ph = await PolicyHub.start(backend);
    const fx = ph.fx;
    // Free text and second identifiers that carry identity: names of the victims in notes,
    // narratives and reports, ID PMI numbers on placements, a verdict naming the defendant.
    await ph.prisma.serviceReferral.update({ where: { id: fx.referrals.rinaNgo }, data: { notes: `${RINA.fullName} takut pulang`, declineReason: `${RINA.fullName} menolak` } });
    await ph.prisma.serviceReferral.update({ where: { id: fx.referrals.dewiShelter }, data: { notes: `${DEWI.fullName} umur 15` } });
    await ph.prisma.earlyWarningReport.update({ where: { id: fx.warning }, data: { description: `Perekrut membawa ${DEWI.fullName} lewat Entikong` } });
    await ph.prisma.case.update({ where: { id: fx.case1 }, data: { title: `Kasus ${SITI.fullName}`, summary: `${DEWI.fullName} dan ${RINA.fullName} dibawa ke Kuching` } });
    await ph.prisma.legalProceeding.update({ where: { id: fx.proceeding }, data: { verdict: `${BUDI.fullName} terbukti bersalah` } });
    await ph.prisma.migrantPlacement.update({ where: { id: fx.sitiPlacement }, data: { idPmi: "PMI202401230001" } });
    await ph.prisma.migrantPlacement.update({ where: { id: fx.dewiPlacement }, data: { idPmi: "PMI202401230002" } });
    raw = await loadRaw(ph.prisma);
  });
  afterAll(async () => {
    await ph?.stop();
  });

  it("every carrier type has a route in this test", () => {
    const types = new Set(Object.keys(POLICY.carriers.fields).map((c) => c.split(".")[0]!));
    expect([...types].filter((t) => !ROUTES[t])).toEqual([]);
  });

  it.each(PRINCIPALS.map((p) => [p.label, p] as const))("%s: no carrier shows more than its class allows", async (_label, p) => {
    const problems: string[] = [];
    let served = 0;
    const reps = [ph.fx.siti, ph.fx.dewi, ph.fx.rina, ph.fx.budi, ph.fx.ani].map((id) => ({ __typename: "Person", id }));
    for (const [coordinate, cls] of Object.entries(POLICY.carriers.fields)) {
      const [type, field] = coordinate.split(".") as [string, string];
      const limit = classEffect(p, cls);
      for (const route of ROUTES[type]!) {
        const ex = await ph.post(p, route.replace("F", field), { all: reps });
        const objs: Obj[] = [];
        collect(ex.body.data, type, field, objs);
        for (const o of objs) {
          const row = raw[type]!.get(o.id as string);
          if (!row) {
            problems.push(`${coordinate}: unknown ${type} ${o.id}`);
            continue;
          }
          const value = o[field] ?? null;
          if (value === null) continue; // less than the class: always allowed
          served++;
          const personId = type === "Person" ? (row.id as string) : ((row.personId ?? row.workerId ?? null) as string | null);
          const e = applyProtections(p, limit, type, field, personId, raw, row);
          // The class allows the value: any rendering of it (in full or masked by a narrower grant).
          // The class masks it: exactly the class's masking. The class denies it: nothing.
          const masked = (m: keyof typeof MASKERS) => JSON.stringify(wire(row[field] == null ? null : MASKERS[m](row[field], row)));
          const acceptable =
            e.kind === "allow" ? [JSON.stringify(wire(row[field])), ...Object.keys(MASKERS).map((m) => masked(m as keyof typeof MASKERS))] : e.kind === "mask" ? [masked(e.masker)] : [];
          if (!acceptable.includes(JSON.stringify(value))) {
            problems.push(`${p.label} ${coordinate} (${cls}) on ${type} ${o.id}: served ${JSON.stringify(value)}, the class allows ${acceptable.join(" or ") || "nothing"} (${e.kind === "mask" ? `mask:${e.masker}` : e.kind})`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // Sanity: the routes reach carriers for every case-work principal.
    if (p.roles.some((r) => CASEWORK.includes(r))) expect(served).toBeGreaterThan(0);
  });

  it("the passport number of a crossing is masked for police outside an investigation, exactly like the document itself", async () => {
    const p = persona("police-investigator", OTHER_PURPOSE);
    const ex = await ph.post(p, `query($id: ID!) { person(id: $id) { documents { type number } crossings { documentType documentNumber } } }`, { id: ph.fx.siti });
    const passport = ex.body.data.person.documents.find((d: { type: string }) => d.type === "PASSPORT");
    expect(passport.number).toBe("C7****21");
    expect(ex.body.data.person.crossings).toEqual([{ documentType: "PASSPORT", documentNumber: "C7****21" }]);
    expect(ex.text).not.toContain(SITI.passport);
    // Control: in an investigation the same officer reads both in full.
    const inv = await ph.post(persona("police-investigator"), `query($id: ID!) { person(id: $id) { crossings { documentNumber } } }`, { id: ph.fx.siti });
    expect(inv.body.data.person.crossings).toEqual([{ documentNumber: SITI.passport }]);
  });

  describe("identity leaking through free text", () => {
    it("a referral note naming a victim who did not consent to the NGO is withheld from the NGO, like her name", async () => {
      const ex = await ph.post(persona("ngo-case-worker"), `{ referrals { edges { node { id notes declineReason person { fullName } } } } }`);
      const rina = ex.body.data.referrals.edges.map((e: { node: Obj }) => e.node).find((n: Obj) => n.id === ph.fx.referrals.rinaNgo);
      expect(rina).toEqual({ id: ph.fx.referrals.rinaNgo, notes: null, declineReason: null, person: { fullName: "R. M. S." } });
      expect(ex.text).not.toContain(RINA.fullName);
      expect(ex.body.extensions?.masked).toEqual(expect.arrayContaining([expect.stringMatching(/^referrals\.edges\.\d+\.node\.notes$/)]));
    });

    it("an early warning naming a child victim is withheld from the LTSA desk that sees her as initials", async () => {
      const ex = await ph.post(persona("ltsa-officer"), `query($id: ID!) { earlyWarningReport(id: $id) { id description suspectedRecruiter } }`, { id: ph.fx.warning });
      expect(ex.body.data.earlyWarningReport).toEqual({ id: ph.fx.warning, description: null, suspectedRecruiter: "P. B. A. B. T." });
      expect(ex.text).not.toContain(DEWI.fullName);
      // Control: the NGO's own warning, about no case, is readable by the LTSA desk.
      const other = await ph.post(persona("ltsa-officer"), `query($id: ID!) { earlyWarningReport(id: $id) { description } }`, { id: ph.fx.ngoWarning });
      expect(other.body.data.earlyWarningReport.description).toMatch(/^Calo/);
    });

    it("free text is no wider than names: outside their purpose, police see titles and verdicts withheld, defendants' names as initials", async () => {
      const p = persona("police-investigator", OTHER_PURPOSE);
      const ex = await ph.post(p, `query($id: ID!) { case(id: $id) { title summary proceedings { defendantName verdict } } }`, { id: ph.fx.case1 });
      expect(ex.body.data.case).toEqual({ title: null, summary: null, proceedings: [{ defendantName: "B. S. W.", verdict: null }] });
      for (const s of [SITI.fullName, DEWI.fullName, RINA.fullName, BUDI.fullName]) expect(ex.text).not.toContain(s);
    });
  });

  it("no error message in this file's responses contains a secret value", () => {
    expect(ph.leakingErrorMessages()).toEqual([]);
  });
});
