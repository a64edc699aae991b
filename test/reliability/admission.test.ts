// Admission control under a burst: a bounded number of operations run, a short queue waits, and
// the rest are refused at once with 503 OVERLOADED and Retry-After, having written nothing.
// Mutations have their own, smaller bound, so reads still get through while writes are full.
import { backends, startTestHub, type TestHub } from "../support/hub";
import { BATCH_QUERY, count, personBatch, rawPost, until, type RawResponse } from "./support";

const LIMITS = { maxConcurrentOperations: 2, maxConcurrentMutations: 1, admissionQueueSize: 2, admissionQueueTimeoutMs: 60_000 };
const BURST = 10;
// Long enough that the running batch is still running when the last of the burst arrives.
const PER_BATCH = 50;

describe.each(backends)("admission control on %s", (backend) => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startTestHub(backend, { server: { limits: LIMITS, contributeRunRecords: 1 } });
    token = await hub.token();
  });
  afterAll(() => hub.stop());

  it("refuses a burst beyond the bounds with 503 + Retry-After, serves the rest completely, and keeps reads flowing", async () => {
    const sent = Array.from({ length: BURST }, (_, b) =>
      rawPost(hub, { query: BATCH_QUERY, variables: { records: personBatch(`BURST-${backend}-${b}`, PER_BATCH) } }, { authorization: `Bearer ${token}` }),
    );
    // One mutation runs and two wait: the mutation bound (1) is full, the operation bound (2) is not.
    await until("one mutation running and two queued", () => {
      const s = hub.server.admissionStats();
      return s.runningMutations === 1 && s.queued === 2;
    });
    const read = await hub.gql("{ regions { code } }");
    expect(read.status).toBe(200);

    const answers: RawResponse[] = await Promise.all(sent.map((s) => s.response));
    const refused = answers.filter((a) => a.status === 503);
    const served = answers.filter((a) => a.status === 200);
    expect(refused.length + served.length).toBe(BURST);
    expect(served.length).toBe(3); // the running one and the two queued
    for (const r of refused) {
      expect(r.headers["retry-after"]).toBe("1");
      expect(r.body).toEqual({ errors: [{ message: "The hub is at capacity; retry after the number of seconds in Retry-After", extensions: { code: "OVERLOADED" } }] });
    }
    for (const s of served) expect(s.body.data.contribute.map((r: { status: string }) => r.status)).toEqual(Array(PER_BATCH).fill("CREATED"));
    // Refused batches wrote nothing; served ones everything.
    expect(await count(hub, `SELECT count(*) AS n FROM "PersonStatement" WHERE "externalId" LIKE $1`, [`BURST-${backend}-%`])).toBe(3 * PER_BATCH);
    expect(hub.server.admissionStats()).toEqual({ running: 0, runningMutations: 0, queued: 0 });
  });

  it("a wait longer than ADMISSION_QUEUE_TIMEOUT_MS is refused with 503 too", async () => {
    const quick = await startTestHub(backend, { db: hub.db, seed: "none", server: { limits: { ...LIMITS, admissionQueueTimeoutMs: 200 }, contributeRunRecords: 1 } });
    const quickToken = await quick.token();
    try {
      const long = rawPost(quick, { query: BATCH_QUERY, variables: { records: personBatch(`WAIT-${backend}`, 40) } }, { authorization: `Bearer ${quickToken}` });
      await until("the long batch to run", () => quick.server.admissionStats().runningMutations === 1);
      const waiting = rawPost(quick, { query: BATCH_QUERY, variables: { records: personBatch(`WAIT2-${backend}`, 1) } }, { authorization: `Bearer ${quickToken}` });
      const refused = await waiting.response;
      expect(refused.status).toBe(503);
      expect(refused.body.errors[0].extensions.code).toBe("OVERLOADED");
      expect((await long.response).status).toBe(200);
      expect(await count(quick, `SELECT count(*) AS n FROM "PersonStatement" WHERE "externalId" LIKE $1`, [`WAIT2-${backend}-%`])).toBe(0);
    } finally {
      await quick.server.stop();
    }
  });
});
