// Work whose client has gone, or whose deadline passed, stops: a batch checks the request's
// abort signal between records, so it writes fewer records than it was sent, each of them whole
// and audited, and nothing after the cut.
import { backends, startTestHub, type TestHub } from "../support/hub";
import { BATCH_QUERY, personBatch, rawPost, sleep, until, written } from "./support";

const N = 1000;

describe.each(backends)("cancelling abandoned work on %s", (backend) => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    // Batches of 1,000 (the largest an operator may allow, CONTRIBUTE_MAX_RECORDS), one record per bulk
    // transaction (CONTRIBUTE_RUN_RECORDS=1): a batch stops between runs, so this keeps it long enough to cut.
    hub = await startTestHub(backend, { maxContributionRecords: 1000, server: { limits: { operationTimeoutMs: 4000 }, contributeRunRecords: 1 } });
    token = await hub.token();
  });
  afterAll(() => hub.stop());

  /** Waits until the hub runs no operation any more and the batch's row count is stable. */
  async function settled(prefix: string, requestId: string) {
    await until("the hub to finish the operation", () => hub.server.admissionStats().running === 0);
    const first = await written(hub, prefix, requestId);
    await sleep(500);
    expect(await written(hub, prefix, requestId)).toEqual(first);
    return first;
  }

  it("a client that disconnects mid-batch stops the batch: fewer records than sent, each whole and audited", async () => {
    const prefix = `GONE-${backend}`;
    const requestId = `gone-batch-${backend}-0001`;
    const { req, response } = rawPost(hub, { query: BATCH_QUERY, variables: { records: personBatch(prefix, N) } }, { authorization: `Bearer ${token}`, "x-request-id": requestId });
    response.catch(() => undefined);
    await until("the batch to write its first records", async () => (await written(hub, prefix, requestId)).statements >= 5);
    req.destroy();

    const w = await settled(prefix, requestId);
    expect(w.statements).toBeGreaterThanOrEqual(5);
    expect(w.statements).toBeLessThan(N);
    // Whole records: one person, one statement and one document each, and one audit entry each.
    expect(w).toEqual({ statements: w.statements, persons: w.statements, documents: w.statements, audited: w.statements });
  });

  it("a batch past OPERATION_TIMEOUT_MS is answered 503 TIMEOUT at the deadline and stops", async () => {
    const prefix = `SLOW-${backend}`;
    const requestId = `slow-batch-${backend}-0001`;
    const started = Date.now();
    const { response } = rawPost(hub, { query: BATCH_QUERY, variables: { records: personBatch(prefix, N) } }, { authorization: `Bearer ${token}`, "x-request-id": requestId });
    const res = await response;
    const took = Date.now() - started;
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("1");
    expect(res.headers["x-request-id"]).toBe(requestId);
    expect(res.body).toEqual({ errors: [{ message: "The operation did not finish within 4000 ms; it was stopped.", extensions: { code: "TIMEOUT" } }] });
    expect(took).toBeGreaterThanOrEqual(4000);
    expect(took).toBeLessThan(7000); // the deadline, plus the record in progress on a busy machine

    const w = await settled(prefix, requestId);
    expect(w.statements).toBeLessThan(N);
    expect(w).toEqual({ statements: w.statements, persons: w.statements, documents: w.statements, audited: w.statements });
  });

  it("control: a batch within its deadline writes every record", async () => {
    const prefix = `OK-${backend}`;
    const requestId = `ok-batch-${backend}-0001`;
    const { response } = rawPost(hub, { query: BATCH_QUERY, variables: { records: personBatch(prefix, 20) } }, { authorization: `Bearer ${token}`, "x-request-id": requestId });
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.body.data.contribute.map((r: { status: string }) => r.status)).toEqual(Array(20).fill("CREATED"));
    expect(await written(hub, prefix, requestId)).toEqual({ statements: 20, persons: 20, documents: 20, audited: 20 });
  });
});
