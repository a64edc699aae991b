import { backends, startTestHub, type TestHub } from "./support/hub";

describe.each(backends)("smoke on %s", (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  });
  afterAll(() => hub.stop());

  it("answers an authorised query for regions", async () => {
    const r = await hub.gql<{ regions: { code: string }[] }>("{ regions { code name } }");
    expect(r.status).toBe(200);
    expect(r.body.data?.regions.map((x) => x.code)).toEqual(["61", "63"]);
  });

  it("refuses a request without a token", async () => {
    const r = await hub.gql("{ regions { code } }", undefined, { token: null });
    expect(r.status).toBe(401);
    expect(r.body.data).toBeUndefined();
  });
});
