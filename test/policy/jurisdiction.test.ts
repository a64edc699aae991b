// A token without jurisdiction has no territorial limit (docs/auth.md): it sees cases in every
// province its role reaches, on the compiled read path (case, cases) and on Prisma's (legal
// proceedings follow their case's scope) alike. A token limited to 61 does not see a case in 63.
import { ContributeCaseDocument, ContributeLegalProceedingDocument } from "../generated/graphql";
import { backends, startTestHub, type TestHub } from "../support/hub";

describe.each(backends)("a token's jurisdiction on %s", (backend) => {
  let hub: TestHub;
  let caseId: string;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    const kalsel = await hub.token({ agency: "POLDA-KALSEL", roles: ["police-investigator"], purpose: "investigation", jurisdiction: ["63"] });
    const c = await hub.gql(ContributeCaseDocument, { input: { externalId: "LP/KALSEL/1", sourceSystem: "EMP", originRegionCode: "63.71" } }, { token: kalsel });
    caseId = c.body.data!.contributeCase.result.id!;
    expect(caseId).toBeTruthy();
    const p = await hub.gql(
      ContributeLegalProceedingDocument,
      { input: { externalId: "BP/KALSEL/1", sourceSystem: "EMP", case: { id: caseId }, stage: "INVESTIGATION", stageDate: "2026-03-20" } },
      { token: kalsel },
    );
    expect(p.body.data!.contributeLegalProceeding.result.status).toBe("CREATED");
  });
  afterAll(() => hub.stop());

  const READ = `query($id: ID!) { case(id: $id) { id } cases(first: 10) { totalCount } legalProceedings(first: 10) { totalCount } }`;
  const asKalbar = async (jurisdiction: string[]) =>
    hub.gql(READ, { id: caseId }, { token: await hub.token({ agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation", jurisdiction }) });

  it("without jurisdiction: the case in 63, in the list, and its proceeding", async () => {
    const r = await asKalbar([]);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({ case: { id: caseId }, cases: { totalCount: 1 }, legalProceedings: { totalCount: 1 } });
  });

  it("limited to 61: none of them", async () => {
    const r = await asKalbar(["61"]);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({ case: null, cases: { totalCount: 0 }, legalProceedings: { totalCount: 0 } });
  });
});
