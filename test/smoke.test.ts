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
    // Every fresh hub carries the kode wilayah of all Indonesia (tppo-hub regions sync): 38 provinces.
    const codes = r.body.data?.regions.map((x) => x.code) ?? [];
    expect(codes).toHaveLength(38);
    expect(codes).toEqual(expect.arrayContaining(["61", "63", "95"]));
  });

  it("refuses a request without a token", async () => {
    const r = await hub.gql("{ regions { code } }", undefined, { token: null });
    expect(r.status).toBe(401);
    expect(r.body.data).toBeUndefined();
  });
});
