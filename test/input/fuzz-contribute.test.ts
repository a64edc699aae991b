// Fuzzes every contribute mutation over real HTTP: valid base records of each record type with
// one or two fields, anywhere in the input type tree (read from the served schema, so new fields
// are fuzzed too), replaced by hostile values: NUL, unpaired surrogates, huge strings, wrong types,
// out-of-range numbers and dates, malformed ids and enum values, nulls where objects go. Seeded
// (FUZZ_SEED), so a failure replays; bounded (FUZZ_REQUESTS per backend) so it runs in seconds.
// Claims: no answer is INTERNAL or HTTP 5xx, every code is on the fixed list, no message carries
// database text, and a rejected record leaves every table as it was.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from "graphql";
import { ErrorCodes } from "../../src/errors";
import { RECORD_TYPES, type RecordType } from "../../src/contribute/result";
import { securedSchema } from "../../src/policy";
import { Rng } from "../../src/seed/prng";
import { registerAgencies, rowCounts, NIK } from "../contribute/support";
import { backends, startTestHub, type GqlResult, type TestHub } from "../support/hub";

const SEED = process.env.FUZZ_SEED ?? "trust-input-1";
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 200);

const RESULT = `result { status errors { path code message } }`;
const BATCH_FIELD: Record<RecordType, string> = {
  Person: "person",
  Organization: "organization",
  Case: "case",
  CaseParticipant: "caseParticipant",
  MigrantPlacement: "migrantPlacement",
  BorderCrossing: "borderCrossing",
  Repatriation: "repatriation",
  ServiceReferral: "serviceReferral",
  LegalProceeding: "legalProceeding",
  EarlyWarningReport: "earlyWarningReport",
};

/** A valid record of each type; references point at the records beforeAll contributes. */
function baseRecord(type: RecordType, n: number): Record<string, unknown> {
  const prov = { externalId: `FZ-${type}-${n}`, sourceSystem: "FUZZ" };
  const person = { externalId: "fz-person" };
  const kase = { externalId: "fz-case" };
  switch (type) {
    case "Person":
      return { ...prov, fullName: "Siti Aminah", aliases: ["Siti"], birthDate: "1999-05-12", sex: "Feminine", nationality: ["ID"], originRegionCode: "61.71", phone: "+62 812 555 0101", email: "siti@example.org", address: "Jl. Gajah Mada 1, Pontianak", documents: [{ type: "PASSPORT", number: `C${String(1000000 + n).slice(-7)}`, issuingCountry: "ID" }] };
    case "Organization":
      return { ...prov, name: "PT Fuzz Jaya", kind: "P3MI", regionCode: "61.71", country: "ID", licenceNumber: "SIP3MI-1", licenceStatus: "ACTIVE" };
    case "Case":
      return { ...prov, title: "Fuzzed case", status: "Active", modus: ["PLANTATION_WORKER"], exploitationTypes: ["ForcedLabour"], originRegionCode: "61.03", transitCountries: ["MY"], destinationCountry: "MY", destinationCity: "Kuching", identifiedAt: "2026-03-14", summary: "Ringkasan.", assignedOrganizations: [{ organization: { externalId: "fz-org" }, purpose: "INVESTIGATION" }] };
    case "CaseParticipant":
      return { ...prov, case: kase, person, role: "VICTIM", traffickingStatus: "ActualVictimOfTrafficking", ageAtExploitation: 24, needs: ["SHELTER"], consentAgencies: ["DINSOS-KALBAR"] };
    case "MigrantPlacement":
      return { ...prov, worker: person, case: kase, p3mi: { externalId: "fz-org" }, destinationCountry: "MY", destinationCity: "Kuching", jobTitle: "Pekerja kebun", industry: "A_AgricultureForestryAndFishing", procedural: false, departureDate: "2025-01-10" };
    case "BorderCrossing":
      return { ...prov, person, case: kase, direction: "EXIT", post: "PLBN_ENTIKONG", documentType: "PASSPORT", documentNumber: "C1234567", counterpartCountry: "MY", crossedAt: "2025-01-11T03:00:00Z", deportation: false };
    case "Repatriation":
      return { ...prov, person, case: kase, fromCountry: "MY", arrivalPoint: "PLBN_ENTIKONG", arrivedAt: "2026-02-01" };
    case "ServiceReferral":
      return { ...prov, person, case: kase, toOrganization: { externalId: "fz-shelter" }, serviceType: "SHELTER", status: "REQUESTED", requestedAt: "2026-02-02T08:00:00Z", notes: "Catatan." };
    case "LegalProceeding":
      return { ...prov, case: kase, policeReportNumber: "LP/B/1/2026", stage: "INVESTIGATION", stageDate: "2026-02-03", defendantName: "Budi", courtName: "PN Pontianak" };
    case "EarlyWarningReport":
      return { ...prov, source: "LTSA", regionCode: "61.71", status: "NEW", reportedAt: "2026-02-04T08:00:00Z", description: "Tawaran kerja mencurigakan.", suspectedRecruiter: "Pak X", case: kase };
  }
}

// ---------------------------------------------------------------- the input type tree

interface Slot {
  path: (string | number)[];
  type: GraphQLInputType;
}

/** Every field position under a record input type (list items as index 0), to depth 4. */
function slots(type: GraphQLInputType, path: (string | number)[] = [], depth = 0): Slot[] {
  const out: Slot[] = [];
  const named = getNamedType(type);
  if (!isInputObjectType(named) || depth > 4) return out;
  for (const f of Object.values(named.getFields())) {
    const p = [...path, f.name];
    out.push({ path: p, type: f.type });
    const inner = getNullableType(f.type);
    if (isListType(inner)) {
      out.push({ path: [...p, 0], type: inner.ofType });
      out.push(...slots(inner.ofType, [...p, 0], depth + 1));
    } else out.push(...slots(f.type, p, depth + 1));
  }
  return out;
}

// ---------------------------------------------------------------- hostile values

const STRINGS: unknown[] = [
  "a\u0000b",
  "\u0000",
  "x\ud800",
  "\udc00y",
  "\ud83d",
  "x".repeat(100_000),
  "   ",
  "",
  "🙂".repeat(500),
  "Ω\u200f\u202e",
  "'; DROP TABLE \"Case\"; --",
  "%_\\",
  "\u0001\u001f\u007f",
  "a\u0301".repeat(3000),
  "61.71",
  NIK.sitiAminah,
  "\ufeff\ufffe\uffff",
];
const WRONG_TYPES: unknown[] = [123, -1, 1.5, true, {}, [], { a: 1 }, [["x"]]];
const INTS: unknown[] = [-1, 0, 1, 2147483647, 2147483648, -2147483649, 1.5, "7", 1e300, -0];
const DATES: unknown[] = ["0000-01-01", "0001-01-01", "1899-12-31", "9999-12-31", "2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "2026-01-01T00:00:00Z", "tomorrow", 20260101, "+275760-09-13", "-000001-01-01", "2100-01-01"];
const DATETIMES: unknown[] = ["0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2026-02-30T00:00:00Z", "2026-01-01T25:00:00Z", "2026-01-01", "2026-01-01T00:00:00", "1969-12-31T23:59:59-23:59", "2026-01-01T00:00:00.123456789+14:00", 0, "2999-01-01T00:00:00Z"];
const IDS: unknown[] = ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "'", "x".repeat(5000), 12, "", "ffffffff-ffff-ffff-ffff-ffffffffffff", "4a1c7c3e-2b8f-4f4e-9a3e-0d9c6b2f8e11"];
const BOOLEANS: unknown[] = ["true", 1, 0, "yes"];

const short = (values: unknown[]) => values.filter((v) => typeof v !== "string" || v.length < 1000);
const SHORT_STRINGS = short(STRINGS);
const SHORT_IDS = short(IDS);

/**
 * A hostile value for a position of this type. `small` keeps list items short: a body over the
 * hub's 1 MiB limit is the HTTP layer's business (413), not this fuzz's.
 */
function hostile(rng: Rng, type: GraphQLInputType, small = false): unknown {
  if (rng.chance(0.05)) return null; // a null where anything goes, non-null positions included
  if (rng.chance(0.05)) return rng.pick(WRONG_TYPES);
  const inner = getNullableType(type);
  if (isListType(inner)) {
    return rng.weighted<unknown>([
      [[], 1],
      [[null], 2],
      [Array.from({ length: 200 }, () => hostile(rng, inner.ofType, true)), 1],
      [hostile(rng, inner.ofType, small), 2], // a single value where a list goes
      [[hostile(rng, inner.ofType, true), hostile(rng, inner.ofType, true)], 2],
    ]);
  }
  const named = getNamedType(inner);
  if (isEnumType(named)) {
    const values = named.getValues().map((v) => v.name);
    return rng.chance(0.7) ? rng.pick(values) : rng.pick([rng.pick(values).toLowerCase(), "NOT_A_VALUE", "", 0]);
  }
  if (isInputObjectType(named)) return rng.pick<unknown>([{}, "text", { unknownField: 1 }, [{}], { id: rng.pick(SHORT_IDS) }]);
  if (isScalarType(named)) {
    switch (named.name) {
      case "String":
        return rng.pick(small ? SHORT_STRINGS : STRINGS);
      case "Int":
        return rng.pick(INTS);
      case "Date":
        return rng.pick(DATES);
      case "DateTime":
        return rng.pick(DATETIMES);
      case "ID":
        return rng.pick(small ? SHORT_IDS : IDS);
      case "Boolean":
        return rng.pick(BOOLEANS);
    }
  }
  return rng.pick(SHORT_STRINGS);
}

function setAt(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let cur: any = target;
  for (const [i, key] of path.slice(0, -1).entries()) {
    const nextIsIndex = typeof path[i + 1] === "number";
    if (cur[key] === null || typeof cur[key] !== "object") cur[key] = nextIsIndex ? [] : {};
    cur = cur[key];
  }
  cur[path[path.length - 1]!] = value;
}

/** A compact, replayable description of a case for failure reports. */
const describeValue = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...(${s.length})` : s;
};

// ---------------------------------------------------------------- the run

describe.each(backends)("contribute fuzz on %s", (backend) => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    await registerAgencies(hub);
    // The records the base records reference.
    const setup = `mutation($records: [ContributionInput!]!) { contribute(records: $records) { status errors { path code } } }`;
    const r = await hub.gql(setup, {
      records: [
        { organization: { externalId: "fz-org", sourceSystem: "FUZZ", name: "PT Fuzz Jaya", kind: "P3MI", licenceStatus: "ACTIVE", licenceNumber: "SIP3MI-0" } },
        { organization: { externalId: "fz-shelter", sourceSystem: "FUZZ", name: "Rumah Aman Fuzz", kind: "SHELTER" } },
        { person: { externalId: "fz-person", sourceSystem: "FUZZ", fullName: "Dewi", documents: [{ type: "NIK", number: NIK.dewi }] } },
        { case: { externalId: "fz-case", sourceSystem: "FUZZ", title: "Fuzz base case" } },
      ],
    });
    expect(r.body.errors).toBeUndefined();
    expect((r.body.data as any).contribute.map((x: { status: string }) => x.status)).toEqual(["CREATED", "CREATED", "CREATED", "CREATED"]);
  });
  afterAll(() => hub.stop());

  it("every base record is accepted (so the fuzz reaches past validation)", async () => {
    for (const type of RECORD_TYPES) {
      const r = await hub.gql(`mutation($input: ${type}Input!) { contribute${type}(input: $input) { ${RESULT} } }`, { input: baseRecord(type, 0) });
      expect({ type, result: (r.body.data as any)?.[`contribute${type}`]?.result ?? r.body.errors }).toEqual({ type, result: { status: "CREATED", errors: [] } });
    }
  });

  it(`answers ${REQUESTS} hostile contributions (seed ${SEED}) without INTERNAL, 5xx or half-written records`, async () => {
    const rng = new Rng(`${SEED}:${backend}`);
    const schema = securedSchema().schema;
    const slotsOf = new Map(RECORD_TYPES.map((t) => [t, slots(schema.getType(`${t}Input`) as GraphQLInputType)]));
    const codes = new Set(Object.keys(ErrorCodes));
    const failures: string[] = [];
    const outcomes = new Map<string, number>();
    let counts = await rowCounts(hub);

    for (let i = 0; i < REQUESTS; i++) {
      const type = RECORD_TYPES[i % RECORD_TYPES.length]!;
      const input = baseRecord(type, i + 1);
      const changes: string[] = [];
      for (let k = rng.int(1, 2); k > 0; k--) {
        const slot = rng.pick(slotsOf.get(type)!);
        const value = hostile(rng, slot.type);
        setAt(input, slot.path, value);
        changes.push(`${slot.path.join(".")}=${describeValue(value)}`);
      }
      const batch = rng.chance(0.3);
      const r: GqlResult = batch
        ? await hub.gql(`mutation($records: [ContributionInput!]!) { contribute(records: $records) { status errors { path code message } } }`, { records: [{ [BATCH_FIELD[type]]: input }] })
        : await hub.gql(`mutation($input: ${type}Input!) { contribute${type}(input: $input) { ${RESULT} } }`, { input });
      const result = (r.body.data as any)?.[batch ? "contribute" : `contribute${type}`];
      const record = batch ? result?.[0] : result?.result;
      const status: string = r.body.errors?.length ? `error:${r.body.errors[0]!.extensions?.code}` : (record?.status ?? "none");
      outcomes.set(status, (outcomes.get(status) ?? 0) + 1);

      const problems: string[] = [];
      if (r.status >= 500) problems.push(`HTTP ${r.status}`);
      for (const e of r.body.errors ?? []) {
        const code = e.extensions?.code;
        if (code === "INTERNAL" || typeof code !== "string" || !codes.has(code)) problems.push(`code ${String(code)}`);
        if (/prisma|postgres|sql|pglite|\.ts:\d+|invalid byte sequence/i.test(e.message)) problems.push(`message "${e.message.slice(0, 80)}"`);
      }
      for (const e of record?.errors ?? []) {
        if (e.code === "INTERNAL") problems.push("record error INTERNAL");
        if (/prisma|postgres|pglite|invalid byte sequence/i.test(e.message)) problems.push(`record message "${e.message.slice(0, 80)}"`);
      }
      const after = await rowCounts(hub);
      if ((r.body.errors?.length || record?.status === "REJECTED") && JSON.stringify(after) !== JSON.stringify(counts)) problems.push("rejected but rows changed");
      if (!r.body.errors?.length && !record) problems.push("no result");
      if (problems.length) failures.push(`#${i} ${type}${batch ? " (batch)" : ""} ${changes.join(", ")} -> ${problems.join("; ")}`);
      counts = after;
    }
    // Print the mix once, so a run that only ever hits one kind of refusal is visible.
    if (process.env.FUZZ_VERBOSE) console.log(backend, Object.fromEntries(outcomes));
    expect(failures).toEqual([]);
    // The fuzz must reach all three outcomes: refused before execution, rejected per record, stored.
    expect([...outcomes.keys()].some((k) => k.startsWith("error:"))).toBe(true);
    expect(outcomes.get("REJECTED") ?? 0).toBeGreaterThan(0);
    expect((outcomes.get("CREATED") ?? 0) + (outcomes.get("UPDATED") ?? 0)).toBeGreaterThan(0);
  });
});
