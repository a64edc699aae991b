// README.md's "Tokens and a first authorised query" makes claims about what three roles see.
// This runs exactly the README's query (taken from the README itself) against the demo dataset
// with those roles' tokens, and checks each claim.
import fs from "node:fs";
import path from "node:path";
import { seedDemo } from "../../src/seed/demo";
import { DEMO_TOKEN_PROFILES } from "../../src/seed/demo-tokens";
import { backends, startTestHub, type TestHub } from "../support/hub";

const README = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

/** The `-d '{"query": ...}'` bodies of the README section's curl commands, in order. */
function readmeQueries(): string[] {
  const start = README.indexOf("\n## Tokens and a first authorised query\n");
  const section = README.slice(start, README.indexOf("\n## ", start + 1));
  return [...section.matchAll(/-d '(\{"query":.*\})'/g)].map((m) => (JSON.parse(m[1]!) as { query: string }).query);
}

const profile = (label: string) => {
  const p = DEMO_TOKEN_PROFILES.find((d) => d.label === label);
  if (!p) throw new Error(`no demo token profile ${label}`);
  return { agency: p.agency, roles: [...p.roles], purpose: p.purpose, jurisdiction: [...p.jurisdiction] };
};

interface Node {
  id: string;
  status: string | null;
  modus: string[] | null;
  destinationCountry: string | null;
  participants: { role: string; person: { fullName: string | null } | null }[] | null;
}
interface Answer {
  status: number;
  body: { data?: { cases: { totalCount: number; edges: { node: Node }[] } | null } | null; errors?: { path?: (string | number)[]; extensions?: { code?: string } }[] };
}

describe.each(backends)("README role examples on %s", (backend) => {
  let hub: TestHub;
  let query: string;
  let unfiltered: string;
  const ask = async (q: string, label: string): Promise<Answer> => hub.gql(q, undefined, { token: await hub.token(profile(label)) }) as Promise<Answer>;
  /** Ids of the cases a role's row scope lets it see, straight from the database. */
  // Cases another agency referred to Dinas Sosial (a referral it could make) or assigned to it.
  const referredToDinsos = async () =>
    new Set(
      (
        await hub.db.prisma.case.findMany({
          where: {
            OR: [
              { referrals: { some: { toOrganization: { code: "DINSOS-KALBAR" }, opensScope: true, sourceAgency: { not: "DINSOS-KALBAR" } } } },
              { assignments: { some: { organization: { code: "DINSOS-KALBAR" } } }, sourceAgency: { not: "DINSOS-KALBAR" } },
            ],
          },
          select: { id: true },
        })
      ).map((c) => c.id),
    );

  beforeAll(async () => {
    hub = await startTestHub(backend, { seed: "none" });
    await seedDemo(hub.db, { scale: 1 });
    [query, unfiltered] = readmeQueries() as [string, string];
  }, 120_000);
  afterAll(() => hub?.stop());

  it("the README shows the query and the social worker's variant", () => {
    expect(query).toBe(
      "{ cases(first: 3, filter: { region: \"61\" }) { totalCount edges { node { id status modus destinationCountry participants { role person { fullName } } } } } }",
    );
    expect(unfiltered).toBe(query.replace(', filter: { region: "61" }', ""));
  });

  it("police investigator: case facts, participants and names", async () => {
    const r = await ask(query, "police-investigator");
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const nodes = r.body.data!.cases!.edges.map((e) => e.node);
    expect(nodes).toHaveLength(3);
    for (const n of nodes) {
      expect(n.modus).not.toBeNull();
      expect(n.participants!.length).toBeGreaterThan(0);
    }
    expect(nodes.flatMap((n) => n.participants!).some((p) => p.person?.fullName && !/^([A-Z]\.\s?)+$/.test(p.person.fullName))).toBe(true);
  });

  it("task-force analyst: the case facts, but participants FORBIDDEN on each case alone", async () => {
    const r = await ask(query, "task-force-analyst");
    expect(r.status).toBe(200);
    const cases = r.body.data!.cases!;
    expect(cases.totalCount).toBeGreaterThan(0);
    const nodes = cases.edges.map((e) => e.node);
    expect(nodes).toHaveLength(3);
    for (const n of nodes) {
      expect(n).toMatchObject({ id: expect.any(String), status: expect.any(String), modus: expect.any(Array), participants: null });
      expect(n.destinationCountry === null || typeof n.destinationCountry === "string").toBe(true);
    }
    const errors = r.body.errors ?? [];
    expect(errors).toHaveLength(3);
    for (const [i, e] of errors.entries()) {
      expect(e.extensions?.code).toBe("FORBIDDEN");
      expect(e.path).toEqual(["cases", "edges", i, "node", "participants"]);
    }
  });

  it("social worker: the region filter is refused (it may not read a case's region), nothing executed", async () => {
    const r = await ask(query, "social-worker");
    expect(r.status).toBe(403);
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
  });

  it("social worker, without the filter: only the cases referred to its agency, modus and destination FORBIDDEN", async () => {
    const r = await ask(unfiltered, "social-worker");
    expect(r.status).toBe(200);
    const cases = r.body.data!.cases!;
    const expected = await referredToDinsos();
    expect(expected.size).toBeGreaterThan(0);
    expect(cases.totalCount).toBe(expected.size);
    const nodes = cases.edges.map((e) => e.node);
    expect(nodes.length).toBe(Math.min(3, expected.size));
    for (const n of nodes) {
      expect(expected.has(n.id)).toBe(true);
      expect(n).toMatchObject({ status: expect.any(String), modus: null, destinationCountry: null });
      expect(Array.isArray(n.participants)).toBe(true);
      // Only victims reach a social worker (CaseParticipant rows: victim and referred).
      for (const p of n.participants!) expect(p.role).toBe("VICTIM");
    }
    const paths = (r.body.errors ?? []).map((e) => `${e.extensions?.code}:${e.path?.join(".")}`).sort();
    expect(paths).toEqual(nodes.flatMap((_, i) => [`FORBIDDEN:cases.edges.${i}.node.destinationCountry`, `FORBIDDEN:cases.edges.${i}.node.modus`]).sort());
  });
});
