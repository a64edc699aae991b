// Runs the examples of docs/contributing.md, in order, with each agency's token: the guide an
// agency developer copies from must keep working.
import fs from "node:fs";
import path from "node:path";
import { ContributeOrganizationDocument } from "../generated/graphql";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { AGENCIES, agencyTokens, data, registerAgencies, type AgencyKey, type Tokens } from "./support";

interface Example {
  agency: AgencyKey;
  query: string;
  variables: Record<string, unknown>[];
}

function examples(): Example[] {
  const md = fs.readFileSync(path.join(__dirname, "../../docs/contributing.md"), "utf8");
  const chunks = md.split(/<!-- example: (\w+) -->/).slice(1);
  const out: Example[] = [];
  for (let i = 0; i < chunks.length; i += 2) {
    const agency = chunks[i] as AgencyKey;
    const body = chunks[i + 1]!.split(/\n## /)[0]!;
    const query = /```graphql\n([\s\S]*?)```/.exec(body)![1]!;
    const variables = [...body.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
    out.push({ agency, query, variables });
  }
  return out;
}

type Result = { status: string; errors: unknown[]; warnings?: unknown[] };

describe.each(backends)("docs/contributing.md examples on %s", (backend) => {
  let hub: TestHub;
  let tok: Tokens;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    tok = await agencyTokens(hub);
    // Imigrasi's role cannot contribute organizations: registered at onboarding.
    await registerAgencies(hub, ["imigrasi"]);
    for (const k of ["bp3mi", "polda"] as const) {
      const a = AGENCIES[k];
      const r = data(
        await hub.gql(
          ContributeOrganizationDocument,
          { input: { externalId: "self", sourceSystem: "ONBOARDING", code: a.code, name: a.name, kind: "AGENCY", agencyType: a.agencyType, regionCode: a.regionCode } },
          { token: tok[k] },
        ),
      ).contributeOrganization.result;
      expect(r.status).toBe("CREATED");
    }
  });
  afterAll(() => hub.stop());

  it("has an example for BP3MI, Polda, Imigrasi and Dinas Sosial", () => {
    expect(new Set(examples().map((e) => e.agency))).toEqual(new Set(["bp3mi", "polda", "imigrasi", "dinsos"]));
  });

  it("runs every example without a rejected record or a warning", async () => {
    for (const ex of examples()) {
      for (const vars of ex.variables) {
        const input = vars.input as Record<string, unknown> | undefined;
        if (input?.expectedVersion) {
          // An example showing an update: contribute the earlier state it updates first.
          const earlier = { ...input, status: "ACCEPTED", startedAt: undefined, expectedVersion: undefined };
          data(await hub.gql(ex.query, { input: earlier }, { token: tok[ex.agency] }));
        }
        const root = Object.values(data(await hub.gql<Record<string, unknown>>(ex.query, vars, { token: tok[ex.agency] })))[0]!;
        const results = (Array.isArray(root) ? root : [(root as { result: Result }).result]) as Result[];
        for (const r of results) {
          expect({ agency: ex.agency, ...r }).toMatchObject({ status: expect.stringMatching(/^(CREATED|UPDATED)$/), errors: [] });
          if (r.warnings) expect(r.warnings).toEqual([]);
        }
      }
    }
    // The pieces found each other: one Person for the worker, seen by every agency's record.
    const worker = await hub.db.prisma.personStatement.findUniqueOrThrow({ where: { sourceAgency_externalId: { sourceAgency: "BP3MI-KALBAR", externalId: "PMI-2026-000123" } } });
    const crossings = await hub.db.prisma.borderCrossing.findMany({ where: { sourceAgency: "KANIM-ENTIKONG" } });
    expect(crossings.map((c) => c.personId)).toEqual([worker.personId, worker.personId]);
    const referral = await hub.db.prisma.serviceReferral.findFirstOrThrow({ where: { sourceAgency: "DINSOS-KALBAR" } });
    expect(referral).toMatchObject({ personId: worker.personId, status: "IN_PROGRESS", version: 2 });
    expect(await hub.db.prisma.caseParticipant.count({ where: { personId: worker.personId, role: "VICTIM" } })).toBe(1);
  });
});
