// Fuzzes every contribute mutation over real HTTP: valid base records of each record type with
// one or two fields, anywhere in the input type tree (read from the served schema, so new fields
// are fuzzed too), replaced by hostile values: NUL, unpaired surrogates, huge strings, wrong types,
// out-of-range numbers and dates, malformed ids and enum values, nulls where objects go. Seeded
// (FUZZ_SEED), so a failure replays; bounded (FUZZ_REQUESTS per backend) so it runs in seconds.
// Claims: no answer is INTERNAL or HTTP 5xx, every code is on the fixed list, no message carries
// database text, and a rejected record leaves every table as it was.
import type { GraphQLInputType } from "graphql";
import { RECORD_TYPES, type RecordType } from "../../src/contribute/result";
import { securedSchema } from "../../src/secured-schema";
import { Rng } from "../../src/seed/prng";
import { NIK, registerAgencies, rowCounts } from "../contribute/support";
import { backends, startTestHub, type GqlResult, type TestHub } from "../support/hub";
import { describeValue, hostile, responseProblems, setAt, slots } from "./hostile";

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

      const problems = responseProblems(r);
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
