// Limits checked before anything executes: every aliased field counts against the alias limit
// (`__typename` too), and what one request may contribute is capped over all its mutations.
import { backends, startTestHub, type TestHub } from "../support/hub";

const warning = (id: string) =>
  `{ earlyWarningReport: { externalId: "${id}", sourceSystem: "LTSA-DESK", source: LTSA, regionCode: "61.03", reportedAt: "2026-02-01T01:00:00Z", description: "x" } }`;
const LTSA = { agency: "LTSA-ENTIKONG", roles: ["ltsa-officer"], purpose: "early-warning", jurisdiction: ["61.03"] };

describe.each(backends)("request limits on %s", (backend) => {
  let hub: TestHub;
  let ltsa: string;
  const reports = () => hub.db.prisma.earlyWarningReport.count();
  beforeAll(async () => {
    hub = await startTestHub(backend, { maxContributionRecords: 20 });
    ltsa = await hub.token(LTSA);
  });
  afterAll(() => hub?.stop());

  describe("aliases", () => {
    const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;

    it("counts aliases of __typename: 500 of them are refused before execution, without naming the limit", async () => {
      const r = await hub.gql(aliases(500, "__typename"));
      expect(r.status).toBe(400);
      expect(r.body.data).toBeUndefined();
      expect(r.body.errors).toHaveLength(1);
      // Apollo's standard code (or this hub's older name for it).
      expect(["GRAPHQL_VALIDATION_FAILED", "VALIDATION_FAILED"]).toContain(r.body.errors![0]!.extensions?.code);
      expect(r.body.errors![0]!.message).not.toMatch(/\d/);
    });

    it("counts __typename like any other field: 31 refused, 30 accepted", async () => {
      expect((await hub.gql(aliases(31, "__typename"))).status).toBe(400);
      expect((await hub.gql(aliases(31, "regions { code }"))).status).toBe(400);
      const ok = await hub.gql(aliases(30, "__typename"));
      expect(ok.status).toBe(200);
      expect(Object.keys(ok.body.data as object)).toHaveLength(30);
    });

    it("counts aliases inside fragments", async () => {
      const frag = `fragment F on Query { ${Array.from({ length: 20 }, (_, i) => `f${i}: __typename`).join(" ")} }`;
      expect((await hub.gql(`{ ...F ${Array.from({ length: 11 }, (_, i) => `a${i}: __typename`).join(" ")} } ${frag}`)).status).toBe(400);
    });
  });

  describe("records per request (CONTRIBUTE_MAX_RECORDS, 20 here)", () => {
    const batch = (n: number, prefix: string) => `[${Array.from({ length: n }, (_, i) => warning(`${prefix}-${i}`)).join(", ")}]`;

    it("refuses a batch over the limit before writing anything, in a literal or in variables", async () => {
      const before = await reports();
      const literal = await hub.gql(`mutation { contribute(records: ${batch(21, "LIT")}) { status } }`, undefined, { token: ltsa });
      expect(literal.status).toBe(400);
      expect(literal.body.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
      expect(literal.body.errors![0]!.message).toBe(
        "One request may contribute at most 20 records; this one has 21. Nothing was written: split it into several requests and resend.",
      );
      const records = Array.from({ length: 21 }, (_, i) => ({
        earlyWarningReport: { externalId: `VAR-${i}`, sourceSystem: "LTSA-DESK", source: "LTSA", regionCode: "61.03", reportedAt: "2026-02-01T01:00:00Z", description: "x" },
      }));
      const viaVariables = await hub.gql(`mutation($r: [ContributionInput!]!) { contribute(records: $r) { status } }`, { r: records }, { token: ltsa });
      expect(viaVariables.status).toBe(400);
      expect(viaVariables.body.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
      expect(await reports()).toBe(before);
    });

    it("counts every batch and single-record mutation of the request together, aliases and fragments included", async () => {
      const before = await reports();
      const single = (id: string) => `contributeEarlyWarningReport(input: ${warning(id).replace(/^\{ earlyWarningReport: /, "").replace(/ \}$/, "")}) { result { status } }`;
      const split = await hub.gql(
        `mutation { a: contribute(records: ${batch(10, "A")}) { status } ...M s1: ${single("S1")} } fragment M on Mutation { b: contribute(records: ${batch(10, "B")}) { status } }`,
        undefined,
        { token: ltsa },
      );
      expect(split.status).toBe(400);
      expect(split.body.errors![0]!.message).toContain("this one has 21");
      expect(await reports()).toBe(before);

      const atLimit = await hub.gql(`mutation { a: contribute(records: ${batch(10, "OK-A")}) { status } b: contribute(records: ${batch(10, "OK-B")}) { status } }`, undefined, {
        token: ltsa,
      });
      expect(atLimit.status).toBe(200);
      expect(atLimit.body.errors).toBeUndefined();
      expect(await reports()).toBe(before + 20);
    });
  });
});
