// Helpers for the reliability suites: large batches, raw HTTP requests a test can cut or hold
// open, and checks that what a batch wrote is whole and audited.
import http from "node:http";
import net from "node:net";
import { print } from "graphql";
import { ContributeBatchDocument, type ContributionInput } from "../generated/graphql";
import type { TestHub } from "../support/hub";

export const BATCH_QUERY = print(ContributeBatchDocument);

/** `n` Person records, each with its NIK: every record writes a Person, a statement and a document. */
export function personBatch(prefix: string, n: number): ContributionInput[] {
  return Array.from({ length: n }, (_, i) => ({
    person: {
      externalId: `${prefix}-${i}`,
      sourceSystem: "RELIABILITY",
      fullName: `Orang Uji ${i}`,
      sex: "Masculine",
      // Kota Pontianak, born 15 January 1990, serial i + 1.
      documents: [{ type: "NIK", number: `617101150190${String(i + 1).padStart(4, "0")}` }],
    },
  })) as ContributionInput[];
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** A POST over node:http that the test can abort (req.destroy()) before the answer. */
export function rawPost(
  hub: TestHub,
  payload: unknown,
  headers: Record<string, string>,
): { req: http.ClientRequest; response: Promise<RawResponse> } {
  const body = JSON.stringify(payload);
  const req = http.request(hub.url, {
    method: "POST",
    agent: false,
    headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), ...headers },
  });
  const response = new Promise<RawResponse>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (c: string) => (text += c));
      res.on("end", () => {
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          /* keep the text */
        }
        resolve({ status: res.statusCode!, headers: res.headers, body: parsed });
      });
    });
    req.on("error", reject);
  });
  req.end(body);
  return { req, response };
}

/** Opens a connection and sends the start of a request; `finish()` sends the rest and reads the answer. */
export async function heldRequest(port: number, head: string, rest: string): Promise<{ finish(): Promise<string> }> {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let text = "";
  socket.setEncoding("utf8").on("data", (c: string) => (text += c));
  const ended = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.write(head);
  return {
    async finish() {
      socket.write(rest);
      await Promise.race([ended, new Promise((r) => setTimeout(r, 2000))]);
      socket.destroy();
      return text;
    },
  };
}

export const count = async (hub: TestHub, sql: string, params: unknown[] = []): Promise<number> =>
  Number((await hub.db.raw.query<{ n: string | number }>(sql, params))[0]!.n);

/** Rows a Person batch with this externalId prefix wrote, per table, and its audit entries. */
export async function written(hub: TestHub, prefix: string, requestId: string) {
  const like = `${prefix}-%`;
  return {
    statements: await count(hub, `SELECT count(*) AS n FROM "PersonStatement" WHERE "externalId" LIKE $1`, [like]),
    persons: await count(hub, `SELECT count(DISTINCT "personId") AS n FROM "PersonStatement" WHERE "externalId" LIKE $1`, [like]),
    documents: await count(hub, `SELECT count(*) AS n FROM "IdentityDocument" d JOIN "PersonStatement" s ON s.id = d."statementId" WHERE s."externalId" LIKE $1`, [like]),
    // Committed audit entries: sealed on the chain, or in the inbox until the next seal pass (a
    // request answered at its deadline does not wait for its pass; docs/audit.md).
    audited: await count(
      hub,
      `SELECT count(*) AS n FROM (SELECT "requestId", action, "recordType", decision FROM "AuditEntry" UNION ALL SELECT "requestId", action, "recordType", decision FROM "AuditInbox") e
        WHERE "requestId" = $1 AND action = 'WRITE' AND "recordType" = 'Person' AND decision = 'CREATED'`,
      [requestId],
    ),
  };
}

/** Polls until `check` is true (or fails after `ms`). */
export async function until(what: string, check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
