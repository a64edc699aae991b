import { startTestHub, type TestHub } from "../support/hub";
import { insertPolicyFixture, tokenFor, BUDI, type PolicyFixture } from "./fixture";
let hub: TestHub; let fx: PolicyFixture;
beforeAll(async () => { hub = await startTestHub("pglite"); fx = await insertPolicyFixture(hub.db.prisma); });
afterAll(async () => { await hub?.stop(); });
const show = (x: unknown) => console.log(JSON.stringify(x, null, 1));
it("explore", async () => {
  const t = async (r: any, p?: any) => hub.token(tokenFor(r, p));
  let r = await hub.gql(`mutation($i: PersonInput!){ contributePerson(input:$i) { result { status id errors { message } } record { id fullName birthDate phone documents { number } participations { role } } } }`,
    { i: { externalId: "NGO-X1", sourceSystem: "NGODB", fullName: "Someone", documents: [{ type: "NIK", number: BUDI.nik }] } }, { token: await t("ngo-case-worker") });
  show(r.body);
  r = await hub.gql(`query Q($f: PersonFilter = {nameContains: "Siti"}) { persons(filter: $f) { totalCount } }`, {}, { token: await t("police-investigator", "prosecution") });
  show(r.body);
  r = await hub.gql(`query Q($f: PersonFilter) { persons(filter: $f) { totalCount } }`, {f: {nameContains: "Siti"}}, { token: await t("police-investigator", "prosecution") });
  show(r.body);
  // multi-role PR + TA: persons in TA's jurisdiction cases
  const tok = await hub.token({ agency: "KEJATI-KALBAR", roles: ["prosecutor", "task-force-analyst"], purpose: "prosecution", jurisdiction: ["63"] });
  r = await hub.gql(`query($r:[_Any!]!){ _entities(representations:$r){ ... on Person { id fullName } } }`, { r: [{ __typename: "Person", id: fx.ani }] }, { token: tok });
  show(r.body);
});
