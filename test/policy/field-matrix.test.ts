// The role x field matrix over real HTTP with real signed tokens. For every principal (each role's
// natural persona, each case-work role with a purpose no grant names, and multi-role tokens) the
// suite reads every person of the fixture through federation _entities, both cases and every
// record around them through their root queries, and checks each field of each returned record
// against the effect computed from the policy DATA (resolvePolicy(POLICY, schema) + purpose +
// protections): allow -> the raw value, mask -> exactly the masker's output, deny -> null with a
// FORBIDDEN error at that path. Which records come back is checked against a handwritten
// visibility table (test/policy/support.ts VISIBLE). Then a handwritten table of legal
// properties that must hold whatever rules.ts says.
import fs from "node:fs";
import { getNamedType, type GraphQLObjectType } from "graphql";
import path from "node:path";
import { backends } from "../support/hub";
import type { Role } from "../../src/policy/roles";
import { ANI, BUDI, DEWI, RINA, SITI, TEXTS } from "./fixture";
import {
  CASEWORK,
  NATURAL,
  OTHER_PURPOSE,
  PolicyHub,
  RESOLVED,
  SCHEMA,
  canFilterOn,
  VISIBLE,
  checkMaskedList,
  fieldEffect,
  loadRaw,
  newStats,
  persona,
  probeText,
  secretsIn,
  selText,
  walk,
  type Principal,
  type Raw,
  type Sel,
  type Visibility,
  type WalkContext,
} from "./support";

// ---------------------------------------------------------------- what is read

const PERSON: Sel = {
  id: true,
  fullName: true,
  aliases: true,
  birthDate: true,
  sex: true,
  nationality: true,
  phone: true,
  email: true,
  address: true,
  createdAt: true,
  originRegion: { code: true, name: true },
  documents: { id: true, type: true, number: true, issuingCountry: true, flags: true },
  statements: {
    id: true,
    fullName: true,
    aliases: true,
    birthDate: true,
    phone: true,
    email: true,
    address: true,
    sourceAgency: true,
    externalId: true,
    documents: { id: true, number: true },
  },
  participations: {
    id: true,
    role: true,
    isChild: true,
    ageAtExploitation: true,
    needs: true,
    relationshipToTrafficker: true,
    consentAgencies: true,
    suspectRoles: true,
    roleDetails: true,
    sourceAgency: true,
    contributedBy: true,
    suspectOrganization: { id: true, name: true },
    case: { id: true, status: true, title: true, summary: true },
  },
  referrals: { id: true, serviceType: true, status: true, notes: true, declineReason: true, sourceAgency: true, toOrganization: { id: true, code: true } },
  crossings: { id: true, direction: true, post: true, documentType: true, documentNumber: true },
  placements: { id: true, destinationCountry: true, procedural: true, sourceAgency: true },
};

const CASE: Sel = {
  id: true,
  status: true,
  title: true,
  summary: true,
  closureReason: true,
  modus: true,
  exploitationTypes: true,
  destinationCountry: true,
  destinationCity: true,
  identifiedAt: true,
  sourceAgency: true,
  contributedBy: true,
  version: true,
  originRegion: { code: true },
  participants: {
    id: true,
    role: true,
    needs: true,
    roleDetails: true,
    suspectRoles: true,
    consentAgencies: true,
    person: { id: true, fullName: true, birthDate: true, documents: { id: true, number: true } },
  },
  proceedings: { id: true, stage: true, defendantName: true, policeReportNumber: true },
  warnings: { id: true, description: true, suspectedRecruiter: true },
  referrals: { id: true, notes: true, declineReason: true },
  placements: { id: true, procedural: true },
  crossings: { id: true, documentNumber: true },
  assignments: { id: true, purpose: true, organization: { id: true, code: true } },
};

const REFERRAL: Sel = {
  id: true,
  serviceType: true,
  status: true,
  notes: true,
  declineReason: true,
  requestedAt: true,
  sourceAgency: true,
  person: { id: true, fullName: true, phone: true },
  case: { id: true, title: true },
  fromOrganization: { id: true, code: true },
  toOrganization: { id: true, code: true },
};
const WARNING: Sel = {
  id: true,
  source: true,
  status: true,
  description: true,
  suspectedRecruiter: true,
  reportedAt: true,
  sourceAgency: true,
  region: { code: true },
  case: { id: true, status: true },
};
const PROCEEDING: Sel = { id: true, stage: true, stageDate: true, defendantName: true, verdict: true, policeReportNumber: true, sourceAgency: true, case: { id: true } };
const CROSSING: Sel = {
  id: true,
  direction: true,
  post: true,
  documentType: true,
  documentNumber: true,
  crossedAt: true,
  sourceAgency: true,
  person: { id: true, fullName: true },
  case: { id: true },
};
const PLACEMENT: Sel = {
  id: true,
  destinationCountry: true,
  jobTitle: true,
  procedural: true,
  idPmi: true,
  departureDate: true,
  sourceAgency: true,
  worker: { id: true, fullName: true, birthDate: true },
  p3mi: { id: true, name: true, licenceStatus: true },
  case: { id: true },
};

/** The identity and special coordinates of the policy, plus the other fields named in the brief. */
const SENSITIVE = [...RESOLVED.coordinates.values()].filter((c) => c.sensitivity).map((c) => `${c.type}.${c.field}`);
const ALSO = [
  "CaseParticipant.suspectRoles",
  "CaseParticipant.suspectOrganization",
  "CaseParticipant.relationshipToTrafficker",
  "CaseParticipant.consentAgencies",
  "Person.documents",
  "IdentityDocument.type",
  "CaseParticipant.sourceAgency",
  "CaseParticipant.contributedBy",
  "Case.sourceAgency",
];

// ---------------------------------------------------------------- principals

interface Subject {
  p: Principal;
  visibility: Visibility[];
}
const NC_TA: Principal = {
  label: "ngo-case-worker+task-force-analyst",
  roles: ["ngo-case-worker", "task-force-analyst"],
  agency: "NGO-SUAKA-BORNEO",
  purpose: "victim-services",
  jurisdiction: ["61"],
};
// A prosecutor who is also a task-force analyst for Kalimantan Selatan: the analyst's territory
// must not widen what the prosecutor sees of persons (each role's scopes follow its own cases).
const PR_TA: Principal = {
  label: "prosecutor+task-force-analyst(63)",
  roles: ["prosecutor", "task-force-analyst"],
  agency: "KEJATI-KALBAR",
  purpose: "prosecution",
  jurisdiction: ["63"],
};
const SUBJECTS: Subject[] = [
  ...NATURAL.map((p) => ({ p, visibility: [VISIBLE[p.roles[0]!]] })),
  ...CASEWORK.map((r) => ({ p: persona(r, OTHER_PURPOSE), visibility: [VISIBLE[r]] })),
  { p: NC_TA, visibility: [VISIBLE["ngo-case-worker"], VISIBLE["task-force-analyst"]] },
  // By hand: the prosecutor's rows, plus the Kalsel case for the analyst (and nothing of its people).
  { p: PR_TA, visibility: [VISIBLE.prosecutor, { Case: ["case2"] }] },
];

describe.each(backends)("access matrix on %s", (backend) => {
  let ph: PolicyHub;
  let raw: Raw;
  const stats = newStats();

  beforeAll(async () => {
    ph = await PolicyHub.start(backend);
    raw = await loadRaw(ph.prisma);
  });
  afterAll(async () => {
    await ph?.stop();
  });

  async function check(subject: Subject): Promise<string[]> {
    const { p, visibility } = subject;
    const fx = ph.fx;
    const problems: string[] = [];
    const reached = new Set<string>();
    type Root = { alias: string; field: string; type: string; sel: Sel; id: string; call: string };
    const omitted: { rootKey: string; type: string; path: string[]; field: string }[] = [];
    const persons = [fx.siti, fx.dewi, fx.rina, fx.budi, fx.ani];
    const reps = persons.map((id) => `{__typename: "Person", id: "${id}"}`).join(", ");
    const text = (root: { alias: string; type: string; sel: Sel }) =>
      selText(p, root.type, root.sel, (path, field) => omitted.push({ rootKey: root.alias, type: root.type, path, field }));

    // 1. Persons through federation _entities (its own request: _entities is non-null, so a denial nulls all data).
    const entitiesRoot = { alias: "_entities", type: "Person", sel: PERSON };
    const ent = await ph.post(p, `query Persons($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on Person { ${text(entitiesRoot)} } } }`, {
      reps: persons.map((id) => ({ __typename: "Person", id })),
    });
    const ctxOf = (ex: typeof ent): WalkContext => ({ p, raw, fx, visibility, ex, stats, reached, expectMasked: new Set(), problems });
    {
      const ctx = ctxOf(ent);
      if (fieldEffect(p, "Query", "_entities").kind === "deny") {
        if (ent.body.data !== null) problems.push(`${p.label}: _entities denied but data ${JSON.stringify(ent.body.data)}`);
        const e = ent.body.errors?.[0];
        if (e?.message !== "Not permitted: Query._entities" || e.extensions?.code !== "FORBIDDEN") problems.push(`${p.label}: _entities error ${JSON.stringify(ent.body.errors)}`);
        stats.cells.add(`${p.label}|Query._entities|deny`);
      } else {
        const visible = new Set((visibility.flatMap((v) => (v.Person === "all" ? persons : (v.Person ?? []).map((s) => fx[s as "siti"])))));
        const list = ent.body.data?._entities as unknown[];
        if (!Array.isArray(list) || list.length !== persons.length) problems.push(`${p.label}: _entities answered ${ent.text.slice(0, 300)}`);
        else
          persons.forEach((id, i) => {
            const item = list[i] as Record<string, unknown> | null;
            if (!visible.has(id)) {
              if (item !== null) problems.push(`${p.label}: _entities[${i}] is outside the row scope but came back`);
              return;
            }
            if (!item) return void problems.push(`${p.label}: _entities[${i}] (${id}) should be visible, got null`);
            walk(ctx, "_entities", "Person", PERSON, item, raw.Person!.get(id)!, ["_entities", i], []);
          });
        checkMaskedList(ctx, ["_entities"]);
      }
    }

    // 2. Cases and 3. everything around them, by id through their root queries.
    const roots: Root[][] = [
      [
        { alias: "c1", field: "case", type: "Case", sel: CASE, id: fx.case1, call: "" },
        { alias: "c2", field: "case", type: "Case", sel: CASE, id: fx.case2, call: "" },
      ],
      [
        ...Object.entries(fx.referrals).map(([k, id]) => ({ alias: `r_${k}`, field: "referral", type: "ServiceReferral", sel: REFERRAL, id, call: "" })),
        { alias: "w1", field: "earlyWarningReport", type: "EarlyWarningReport", sel: WARNING, id: fx.warning, call: "" },
        { alias: "w2", field: "earlyWarningReport", type: "EarlyWarningReport", sel: WARNING, id: fx.ngoWarning, call: "" },
        { alias: "lp", field: "legalProceeding", type: "LegalProceeding", sel: PROCEEDING, id: fx.proceeding, call: "" },
        { alias: "bc", field: "borderCrossing", type: "BorderCrossing", sel: CROSSING, id: fx.sitiCrossing, call: "" },
        { alias: "pl1", field: "placement", type: "MigrantPlacement", sel: PLACEMENT, id: fx.sitiPlacement, call: "" },
        { alias: "pl2", field: "placement", type: "MigrantPlacement", sel: PLACEMENT, id: fx.dewiPlacement, call: "" },
      ],
    ];
    for (const all of roots) {
      for (const r of all) r.call = `${r.field}(id: "${r.id}")`;
      // A lookup by id reads Type.id: a principal that cannot read it is refused before execution.
      const refused = all.filter((r) => !canFilterOn(p, `${r.type}.id`));
      for (const field of new Set(refused.map((r) => r.field))) {
        const r = refused.find((x) => x.field === field)!;
        const ex = await ph.post(p, `query Lookup { ${r.alias}: ${r.call} { __typename } }`);
        stats.cells.add(`${p.label}|lookup ${r.type}.id|refused`);
        const e = ex.body.errors?.[0];
        if (ex.status !== 403 || ex.body.data !== undefined || e?.message !== `Filtering, sorting or looking up by ${r.type}.id is not permitted (Query.${field}(id))` || e.extensions?.code !== "FORBIDDEN") {
          problems.push(`${p.label}: lookup ${field}(id) should be refused with 403, got ${ex.status} ${ex.text.slice(0, 300)}`);
        }
      }
      const group = all.filter((r) => !refused.includes(r));
      if (group.length === 0) continue;
      const ex = await ph.post(p, `query Records { ${group.map((r) => `${r.alias}: ${r.call} { ${text(r)} }`).join(" ")} }`);
      const ctx = ctxOf(ex);
      if (ex.status !== 200) problems.push(`${p.label}: HTTP ${ex.status} ${ex.text.slice(0, 300)}`);
      for (const r of group) {
        const value = ex.body.data?.[r.alias] ?? null;
        const errs = (ex.body.errors ?? []).filter((e) => e.path?.length === 1 && e.path[0] === r.alias);
        if (fieldEffect(p, "Query", r.field).kind === "deny") {
          stats.cells.add(`${p.label}|Query.${r.field}|deny`);
          if (value !== null || errs[0]?.message !== `Not permitted: Query.${r.field}`) problems.push(`${p.label}: ${r.alias} should be denied: ${JSON.stringify(value)} ${JSON.stringify(errs)}`);
          continue;
        }
        if (errs.length) problems.push(`${p.label}: ${r.alias} errors ${JSON.stringify(errs)}`);
        const visible = visibleIdsFor(r.type);
        if (!visible.has(r.id)) {
          if (value !== null) problems.push(`${p.label}: ${r.alias} is outside the row scope but came back`);
          continue;
        }
        if (!value) {
          problems.push(`${p.label}: ${r.alias} (${r.type} ${r.id}) should be visible, got null`);
          continue;
        }
        walk(ctx, r.alias, r.type, r.sel, value, raw[r.type]!.get(r.id)!, [r.alias], []);
      }
      checkMaskedList(ctx, group.map((r) => r.alias));
      for (const r of group) callOf.set(r.alias, { call: r.call, type: r.type });
    }
    callOf.set("_entities", { call: `_entities(representations: [${reps}])`, type: "Person", entity: true });

    // 4. Denied non-null fields, each on its own alias (their error nulls the parent).
    const probes = omitted.filter((o) => reached.has(`${o.rootKey}|${o.path.join(".")}`));
    const seen = new Set<string>();
    const unique = probes.filter((o) => {
      const k = `${o.rootKey}|${o.path.join(".")}|${o.field}`;
      return !seen.has(k) && (seen.add(k), true);
    });
    for (let i = 0; i < unique.length; i += 25) {
      const batch = unique.slice(i, i + 25);
      const parts = batch.map((o, j) => {
        const root = callOf.get(o.rootKey)!;
        const inner = probeText(o.type, o.path, o.field);
        return `q${j}: ${root.call} { ${root.entity ? `... on Person { ${inner} }` : inner} }`;
      });
      const ex = await ph.post(p, `query Probes { ${parts.join(" ")} }`);
      batch.forEach((o, j) => {
        let type = o.type;
        for (const f of o.path) type = fieldType(type, f);
        const alias = `q${j}`;
        const err = (ex.body.errors ?? []).find((e) => e.path?.[0] === alias && e.path[e.path.length - 1] === o.field);
        stats.assertions++;
        stats.cells.add(`${p.label}|${type}.${o.field}|deny`);
        if (!err || err.message !== `Not permitted: ${type}.${o.field}` || err.extensions?.code !== "FORBIDDEN") {
          problems.push(`${p.label}: probe ${o.rootKey}.${[...o.path, o.field].join(".")} expected FORBIDDEN, got ${JSON.stringify(ex.body.errors)}`);
        }
        if (!o.path.includes(o.field) && JSON.stringify(ex.body.data?.[alias] ?? null).includes(`"${o.field}":`)) {
          problems.push(`${p.label}: probe ${alias} returned a value for ${type}.${o.field}`);
        }
      });
    }
    return problems;

    function visibleIdsFor(type: string): Set<string> {
      const ids = new Set<string>();
      for (const v of visibility) {
        const rule = v[type];
        if (rule === "all") for (const id of raw[type]!.keys()) ids.add(id);
        else for (const s of rule ?? []) ids.add(s.startsWith("referrals.") ? fx.referrals[s.slice(10) as "sitiNgo"] : (fx[s as "case1"] as string));
      }
      return ids;
    }
  }
  const callOf = new Map<string, { call: string; type: string; entity?: boolean }>();
  const fieldType = (type: string, field: string): string => getNamedType((SCHEMA.getType(type) as GraphQLObjectType).getFields()[field]!.type).name;

  it.each(SUBJECTS.map((s) => [s.p.label, s] as const))("%s: every field of every reachable record matches the policy", async (_label, subject) => {
    expect(await check(subject)).toEqual([]);
  });

  // Granted, but no read path leads there (noted in the report): the admin has CaseParticipant
  // rows and metadata but is denied Case.participants and Person.participations; the Kalsel
  // analyst has no warning in 63 and the prosecutor no early-warning rows at all.
  const UNREACHABLE = new Set([
    "admin CaseParticipant.sourceAgency",
    "admin CaseParticipant.contributedBy",
    "prosecutor+task-force-analyst(63) EarlyWarningReport.description",
    "prosecutor+task-force-analyst(63) EarlyWarningReport.suspectedRecruiter",
  ]);

  it("observed every allowed or masked identity/special cell of every principal (and the extra fields)", () => {
    const missing: string[] = [];
    for (const { p } of SUBJECTS) {
      for (const c of [...SENSITIVE, ...ALSO]) {
        const [type, field] = c.split(".") as [string, string];
        if (fieldEffect(p, type, field).kind === "deny" || UNREACHABLE.has(`${p.label} ${c}`)) continue;
        if (![...stats.cells].some((k) => k.startsWith(`${p.label}|${c}|`))) missing.push(`${p.label} ${c}`);
      }
    }
    expect(missing).toEqual([]);
    // For the report: how much the matrix checked.
    const sensitiveCells = [...stats.cells].filter((k) => SENSITIVE.includes(k.split("|")[1]!));
    process.stderr.write(
      `\naccess matrix (${backend}): ${stats.assertions} field assertions, ${stats.cells.size} distinct principal x field x effect cells (${sensitiveCells.length} on identity/special fields), ${SUBJECTS.length} principals\n`,
    );
    expect(sensitiveCells.length).toBeGreaterThan(200);
  });

  // ---------------------------------------------------------------- legal properties, by hand

  // These run after the matrix above and also search the responses it recorded (ph.exchanges).
  describe("legal properties (independent of rules.ts)", () => {
    const VICTIM_IDENTITY = [
      SITI.fullName,
      SITI.nik,
      SITI.birthDate,
      SITI.phone,
      SITI.email,
      DEWI.fullName,
      DEWI.nik,
      DEWI.birthDate,
      DEWI.phone,
      RINA.fullName,
      RINA.nik,
      RINA.birthDate,
      RINA.phone,
      ANI.fullName,
      ANI.nik,
      ANI.birthDate,
    ];
    const SUSPECT_DATA = [BUDI.fullName, BUDI.nik, BUDI.phone, BUDI.birthDate, BUDI.roleDetails];
    const NOTES = [TEXTS.shelterNotes, TEXTS.legalNotes, TEXTS.ngoNotes];
    const responsesOf = (label: string) => ph.exchanges.filter((e) => e.principal === label);

    it.each(["task-force-analyst", "ngo-analyst", "auditor", "admin"] as const)("%s never receives a victim's name, NIK, birth date or contact", async (role) => {
      const p = persona(role);
      // Besides the matrix reads above: lists and lookups it might try.
      await ph.post(p, `{ cases { edges { node { id participants { person { fullName birthDate phone documents { number } } } } } } }`);
      await ph.post(p, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id fullName birthDate phone email documents { number } } } }`, {
        r: [ph.fx.siti, ph.fx.dewi, ph.fx.rina, ph.fx.ani].map((id) => ({ __typename: "Person", id })),
      });
      const seen = responsesOf(p.label);
      expect(seen.length).toBeGreaterThan(3);
      expect(seen.flatMap((e) => secretsIn(e.text, VICTIM_IDENTITY))).toEqual([]);
    });

    it("ngo-case-worker sees a NIK as its first 6 and last 2 digits", async () => {
      const ex = await ph.post(persona("ngo-case-worker"), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { documents { type number } } } }`, {
        r: [{ __typename: "Person", id: ph.fx.siti }],
      });
      expect(ex.body.data._entities[0].documents).toEqual(
        expect.arrayContaining([
          { type: "NIK", number: "610321********01" },
          { type: "PASSPORT", number: "C7****21" },
        ]),
      );
      expect(secretsIn(ex.text, [SITI.nik, SITI.passport])).toEqual([]);
    });

    it("a police investigator gets initials, no contact details, unless the purpose is investigation", async () => {
      const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName birthDate phone } } }`;
      const r = [{ __typename: "Person", id: ph.fx.siti }];
      for (const purpose of ["prosecution", "victim-services", "statistics"] as const) {
        const ex = await ph.post(persona("police-investigator", purpose), q, { r });
        expect(ex.body.data._entities[0]).toEqual({ fullName: "S. R. K.", birthDate: "1998-01-01", phone: null });
        expect(ex.body.errors?.map((e) => e.message)).toEqual(["Not permitted: Person.phone"]);
      }
      const inv = await ph.post(persona("police-investigator"), q, { r });
      expect(inv.body.data._entities[0]).toEqual({ fullName: SITI.fullName, birthDate: SITI.birthDate, phone: SITI.phone });
    });

    const PROVIDERS: Role[] = ["social-worker", "legal-aid", "ngo-case-worker"];
    /** Principals (by label) of this file's exchanges whose roles are not among `roles`, with the secrets they received. */
    const leaksOutside = (roles: Role[], secrets: string[]) => {
      const labels = new Map([...SUBJECTS.map((s) => s.p), ...NATURAL].map((p) => [p.label, p.roles] as const));
      const out = new Set<string>();
      for (const e of ph.exchanges) {
        const r = labels.get(e.principal);
        if (r && !r.some((x) => roles.includes(x)) && secretsIn(e.text, secrets).length) out.add(e.principal);
      }
      return [...out];
    };

    it("service providers (social worker, legal aid, NGO case worker) see the referral notes addressed to them", () => {
      expect(responsesOf("social-worker").some((e) => e.text.includes(TEXTS.shelterNotes))).toBe(true);
      expect(responsesOf("legal-aid").some((e) => e.text.includes(TEXTS.legalNotes))).toBe(true);
      expect(responsesOf("ngo-case-worker").some((e) => e.text.includes(TEXTS.ngoNotes))).toBe(true);
    });

    // KNOWN RULE BUGS (reported to the lead): a field's grants override the type's default role
    // by role (src/policy/types.ts), so a role a restrictive field grant does not name falls back
    // to the default's allow. These legal properties fail until rules.ts names those roles with
    // deny; then jest reports "passed unexpectedly" and `it.failing` must become `it`.
    it("nobody but service providers sees referral notes (police, LTSA, BP3MI fall back to allow)", () => {
      expect(leaksOutside(PROVIDERS, NOTES)).toEqual([]);
    });

    it("a victim's address only reaches police, prosecutors, social workers and legal aid", () => {
      expect(leaksOutside(["police-investigator", "prosecutor", "social-worker", "legal-aid"], [SITI.address])).toEqual([]);
    });

    it("LTSA and immigration officers never receive a person's phone number or e-mail", () => {
      const seen = ["ltsa-officer", "immigration-officer"].flatMap((l) => responsesOf(l).flatMap((e) => secretsIn(e.text, [SITI.phone, SITI.email, RINA.phone, BUDI.phone])));
      expect(seen).toEqual([]);
    });

    it("victims' needs (health data) only reach service providers", () => {
      const needsSeen = ph.exchanges.filter((e) => /"needs":\["SHELTER"/.test(e.text)).map((e) => e.principal);
      expect([...new Set(needsSeen)].filter((l) => !PROVIDERS.some((r) => l.startsWith(r)))).toEqual([]);
    });

    it("analysts never see early-warning free text or recruiter names", () => {
      expect(responsesOf("task-force-analyst").flatMap((e) => secretsIn(e.text, [TEXTS.warningDescription, TEXTS.recruiter, TEXTS.ngoWarning, TEXTS.ngoRecruiter]))).toEqual([]);
    });

    it("suspects' personal data never reaches social workers, NGOs or BP3MI (read paths)", async () => {
      for (const role of ["social-worker", "ngo-case-worker", "bp3mi-officer", "ngo-analyst"] as const) {
        const p = persona(role);
        const ex = await ph.post(p, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id fullName phone } } }`, { r: [{ __typename: "Person", id: ph.fx.budi }] });
        if (role !== "ngo-analyst") expect(ex.body.data._entities).toEqual([null]);
        await ph.post(p, `query($id: ID!) { case(id: $id) { participants { role roleDetails person { fullName } } } }`, { id: ph.fx.case1 });
        await ph.post(p, `{ personsByDocument(type: NIK, number: "${BUDI.nik}") { id fullName } }`);
        const leaks = responsesOf(p.label).flatMap((e) => secretsIn(e.text, SUSPECT_DATA));
        expect({ role, leaks }).toEqual({ role, leaks: [] });
      }
      // Positive control: the investigator does get them.
      expect(responsesOf("police-investigator").some((e) => e.text.includes(BUDI.fullName) && e.text.includes(BUDI.roleDetails))).toBe(true);
    });

    it("a [ngo-case-worker, task-force-analyst] token gets, per field, the more permissive of the two (as docs/access-matrix.md says)", async () => {
      const ex = await ph.post(
        NC_TA,
        `query($id: ID!, $r: [_Any!]!) { case(id: $id) { modus title } _entities(representations: $r) { ... on Person { fullName birthDate documents { type number } } } }`,
        { id: ph.fx.case1, r: [{ __typename: "Person", id: ph.fx.siti }] },
      );
      // modus: the analyst's allow (the case worker is denied); title: denied to both.
      expect(ex.body.data.case).toEqual({ modus: ["SHOP_KEEPER", "ILLEGAL_MIGRANT_WORKER_DISPATCH"], title: null });
      expect(ex.body.errors?.map((e) => e.message)).toEqual(["Not permitted: Case.title"]);
      // fullName: the case worker's allow; birth date and NIK: the case worker's mask beats the analyst's deny.
      expect(ex.body.data._entities[0]).toEqual({
        fullName: SITI.fullName,
        birthDate: "1998-01-01",
        documents: expect.arrayContaining([{ type: "NIK", number: "610321********01" }]),
      });
      const doc = fs.readFileSync(path.join(__dirname, "../../docs/access-matrix.md"), "utf8");
      expect(doc).toMatch(/several roles gets, per field, the most permissive of its roles' effects/);
      expect(doc).toMatch(/row scopes of its roles are ORed/);
    });
  });

  it("no error message in this file's responses contains a secret value", () => {
    expect(ph.exchanges.length).toBeGreaterThan(50);
    expect(ph.leakingErrorMessages()).toEqual([]);
  });
});
