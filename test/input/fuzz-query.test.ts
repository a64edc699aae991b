// Fuzzes the arguments of every root query field over real HTTP: filters, sort keys, ids, cursors,
// page sizes and statistics dimensions, one or two positions at a time replaced by hostile values
// (test/input/hostile.ts). Seeded (FUZZ_SEED) and bounded (FUZZ_REQUESTS per backend). Claims: no
// answer is INTERNAL or HTTP 5xx, every code is on the fixed list, no message carries database text.
import { getNamedType, getNullableType, isInputObjectType, isNonNullType, isObjectType, type GraphQLField } from "graphql";
import { securedSchema } from "../../src/secured-schema";
import { Rng } from "../../src/seed/prng";
import { NIK } from "../contribute/support";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { describeValue, hostile, responseProblems, setAt, slots } from "./hostile";

const SEED = process.env.FUZZ_SEED ?? "trust-input-1";
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 200);

/** A selection that makes the field's resolvers run: the page and its count for connections. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return "";
  const fields = type.getFields();
  if (fields.edges && fields.totalCount) return "{ totalCount edges { cursor } }";
  return "{ __typename }";
}

describe.each(backends)("query argument fuzz on %s", (backend) => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    const r = await hub.gql(`mutation($records: [ContributionInput!]!) { contribute(records: $records) { status } }`, {
      records: [
        { person: { externalId: "fq-person", sourceSystem: "FUZZ", fullName: "Dewi", birthDate: "2008-08-03", documents: [{ type: "NIK", number: NIK.dewi }] } },
        { case: { externalId: "fq-case", sourceSystem: "FUZZ", title: "Fuzz case", destinationCountry: "MY", identifiedAt: "2026-01-05" } },
        { caseParticipant: { externalId: "fq-victim", sourceSystem: "FUZZ", case: { externalId: "fq-case" }, person: { externalId: "fq-person" }, role: "VICTIM", ageAtExploitation: 17 } },
      ],
    });
    expect(r.body.errors).toBeUndefined();
  });
  afterAll(() => hub.stop());

  it(`answers ${REQUESTS} queries with hostile arguments (seed ${SEED}) without INTERNAL or 5xx`, async () => {
    const rng = new Rng(`${SEED}:query:${backend}`);
    const query = securedSchema().schema.getQueryType()!;
    const fields = Object.values(query.getFields()).filter((f) => f.args.length > 0);
    const failures: string[] = [];
    const outcomes = new Map<string, number>();

    for (let i = 0; i < REQUESTS; i++) {
      const field = fields[i % fields.length]!;
      const variables: Record<string, unknown> = {};
      const changes: string[] = [];
      for (const arg of field.args) {
        if (!isNonNullType(arg.type) && rng.chance(0.4)) continue; // often left out
        const named = getNamedType(arg.type);
        if (isInputObjectType(named) && !isNonNullType(arg.type) && rng.chance(0.8)) {
          // A filter with one or two hostile positions inside it.
          const value: Record<string, unknown> = {};
          const inner = slots(getNullableType(arg.type));
          for (let k = rng.int(1, 2); k > 0 && inner.length; k--) {
            const slot = rng.pick(inner);
            const v = hostile(rng, slot.type, true);
            setAt(value, slot.path, v);
            changes.push(`${arg.name}.${slot.path.join(".")}=${describeValue(v)}`);
          }
          variables[arg.name] = value;
        } else {
          variables[arg.name] = hostile(rng, arg.type, true);
          changes.push(`${arg.name}=${describeValue(variables[arg.name])}`);
        }
      }
      const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
      const call = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
      const r = await hub.gql(`query Fuzz(${defs}) { ${field.name}(${call}) ${selection(field)} }`, variables);
      const first = r.body.errors?.[0]?.extensions?.code;
      const outcome = first ? `error:${String(first)}` : "data";
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);

      const problems = responseProblems(r);
      if (problems.length) failures.push(`#${i} ${field.name} ${changes.join(", ")} -> ${problems.join("; ")}`);
    }
    if (process.env.FUZZ_VERBOSE) console.log(backend, Object.fromEntries(outcomes));
    expect(failures).toEqual([]);
    // Some requests must get past validation and run, or the fuzz proves nothing.
    expect(outcomes.get("data") ?? 0).toBeGreaterThan(REQUESTS / 10);
  });
});
