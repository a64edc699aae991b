// Graceful shutdown with a 1,000-record batch in flight ends within SHUTDOWN_TIMEOUT_MS: the
// batch is cancelled near the deadline, keeps the records it committed (whole and audited) and
// answers 503 SHUTTING_DOWN; /readyz answers 503 as soon as draining starts.
import { backends, startTestHub, type TestHub } from "../support/hub";
import { BATCH_QUERY, heldRequest, personBatch, rawPost, until, written } from "./support";

const TIMEOUT = 3000;
const N = 1000;

describe.each(backends)("shutdown on %s", (backend) => {
  let hub: TestHub;
  afterAll(() => hub?.db.close().catch(() => undefined));

  it("ends within the timeout with a batch in flight; /readyz is 503 while draining", async () => {
    // A batch of 1,000: the largest an operator may allow (CONTRIBUTE_MAX_RECORDS).
    hub = await startTestHub(backend, { maxContributionRecords: 1000, server: { shutdownTimeoutMs: TIMEOUT, contributeRunRecords: 1 } });
    const token = await hub.token();
    const origin = new URL(hub.url).origin;
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);

    const prefix = `SHUT-${backend}`;
    const requestId = `shutdown-batch-${backend}-01`;
    const batch = rawPost(hub, { query: BATCH_QUERY, variables: { records: personBatch(prefix, N) } }, { authorization: `Bearer ${token}`, "x-request-id": requestId });
    await until("the batch to write its first records", async () => (await written(hub, prefix, requestId)).statements >= 3);
    // A load balancer's probe that is on the wire when draining starts.
    const probe = await heldRequest(hub.server.port, "GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n", "\r\n");

    const started = Date.now();
    const stopped = hub.server.stop();
    const readyz = await probe.finish();
    expect(readyz).toMatch(/^HTTP\/1\.1 503 /);
    expect(readyz).toContain('{"status":"draining","ready":false}');
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow(); // no new connections

    await stopped;
    const serverStopped = Date.now() - started;
    const answer = await batch.response;
    expect(answer.status).toBe(503);
    expect(answer.headers["retry-after"]).toBe("5");
    expect(answer.body.errors[0].extensions.code).toBe("SHUTTING_DOWN");
    const processed = answer.body.errors[0].extensions.processed as number;
    expect(answer.body.errors[0].message).toContain(`The batch stopped after ${processed} of ${N} records`);

    const w = await written(hub, prefix, requestId);
    const closing = Date.now();
    await hub.db.close();
    const total = serverStopped + (Date.now() - closing);
    expect(total).toBeLessThan(TIMEOUT);
    // Cancelled near the deadline, not at once: requests in flight get most of the time to finish.
    expect(serverStopped).toBeGreaterThanOrEqual(TIMEOUT * 0.7 - 50);
    expect(w.statements).toBe(processed);
    expect(w.statements).toBeLessThan(N);
    expect(w).toEqual({ statements: processed, persons: processed, documents: processed, audited: processed });
  });
});
