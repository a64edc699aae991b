// One seal pass: moves the entries committed in "AuditInbox" into the hash chain ("AuditEntry"),
// then any entries handed over in memory, assigning seq = last + 1 and the hash in that order.
// It runs inside a transaction under the append lock; the lock is taken once per pass (a batch of
// any number of requests' entries), never per request. Used by the sealer (src/audit/sealer.ts)
// and by appendAuditEntries with a root client (src/audit/append.ts).
import type { AuditEntryInput } from "./append";
import { GENESIS_HASH, hashEntry, type ChainedEntry, type EntryColumnsRow } from "./chain";

/** The statements a pass needs, on one transaction's connection (raw driver or Prisma). */
export interface SealRunner {
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
}

/** An entry with the time it was recorded (it is hashed, so it is fixed before sealing). */
export type StampedEntry = AuditEntryInput & { at: Date };

export interface SealedEntry {
  seq: bigint;
  hash: string;
}

// Key: "tppoaudi" in ASCII, distinct from the migration lock (72707369). Released at commit.
const LOCK = `SELECT 1 AS locked FROM pg_advisory_xact_lock(8390053577197871209), set_config('tppo.audit_seal', 'on', true)`;

// The head and the oldest waiting entries in one statement; the snapshot is taken after the lock,
// so the head is the latest committed one (READ COMMITTED takes one snapshot per statement).
const READ = `SELECT h.seq::text AS "headSeq", h.hash AS "headHash", i.id::text AS id,
    to_char(i."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, i."requestId", i.agency, i.roles, i.purpose,
    i."operationName", i.action, i."recordType", i."recordIds", i.fields, i.decision
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (SELECT seq, hash FROM "AuditEntry" ORDER BY "AuditEntry".seq DESC LIMIT 1) AS h ON true
  LEFT JOIN LATERAL (SELECT * FROM "AuditInbox" ORDER BY "AuditInbox".id LIMIT $1) AS i ON true
  ORDER BY i.id`;

/** INSERT of chained entries given as a JSON array in parameter $n (toJson's shape). */
const insertChained = (n: number) => `INSERT INTO "AuditEntry" (seq, "at", "requestId", agency, roles, purpose, "operationName", action, "recordType", "recordIds", fields, decision, "prevHash", hash)
  SELECT x.seq, x."at", x."requestId", x.agency, x.roles, x.purpose, x."operationName", x.action, x."recordType", x."recordIds", x.fields, x.decision, x."prevHash", x.hash
  FROM json_to_recordset($${n}::json) AS x(seq bigint, "at" timestamp(3), "requestId" text, agency text, roles text[], purpose text, "operationName" text,
    action text, "recordType" text, "recordIds" text[], fields text[], decision text, "prevHash" text, hash text)`;

// Removes exactly the entries read (never a range: an entry with a smaller id may commit later)
// and inserts them chained, in one statement.
const MOVE = `WITH moved AS (
    DELETE FROM "AuditInbox" WHERE id = ANY (ARRAY(SELECT json_array_elements_text($1::json)::bigint))
  )
  ${insertChained(2)}`;

interface Row extends EntryColumnsRow {
  headSeq: string | null;
  headHash: string | null;
  id: string | null;
}

/**
 * Seals everything waiting in the inbox, then `extra` (in order), in the caller's transaction.
 * Returns the seq and hash given to each of `extra`, and how many entries the pass sealed.
 */
export async function sealPass(q: SealRunner, extra: readonly StampedEntry[] = [], batchSize = 2000): Promise<{ sealed: number; extra: SealedEntry[]; head: SealedEntry }> {
  await q.query(LOCK, []);
  let sealed = 0;
  let head: { seq: bigint; hash: string } | null = null;
  for (;;) {
    const rows = await q.query<Row>(READ, [batchSize]);
    head ??= rows[0]?.headSeq ? { seq: BigInt(rows[0].headSeq), hash: rows[0].headHash! } : { seq: 0n, hash: GENESIS_HASH };
    const waiting = rows.filter((r) => r.id !== null);
    const last = waiting.length < batchSize;
    const entries: StampedEntry[] = waiting.map((r) => ({ ...r, roles: r.roles ?? [], recordIds: r.recordIds ?? [], fields: r.fields ?? [], action: r.action as StampedEntry["action"], at: new Date(r.at) }));
    const { chained, extraSealed } = chain(head, last ? [...entries, ...extra] : entries, last ? entries.length : Infinity);
    if (chained.length) {
      await q.query(MOVE, [JSON.stringify(waiting.map((r) => r.id)), JSON.stringify(chained.map(toJson))]);
      const end = chained[chained.length - 1]!;
      head = { seq: end.seq, hash: end.hash };
      sealed += chained.length;
    }
    if (last) return { sealed, extra: extraSealed, head };
  }
}

// The fast pass: entries chained on a head this process sealed itself, inserted in one statement
// (no BEGIN, no head read, no COMMIT). It takes the append lock inside the statement, so a full
// pass elsewhere never reads a head this insert is about to move; the primary key on seq is the
// guard against a head that already moved (another replica, appendAuditEntries): seq head+1
// exists, the insert fails as a whole, and the caller runs a full pass. So the chain cannot fork,
// and gaps still mean deleted entries.
const INSERT = `${insertChained(1)},
  (SELECT pg_advisory_xact_lock(8390053577197871209)) AS locked`;

/** Thrown by fastSealPass when the head moved: run a full pass (sealPass) instead. */
export class HeadMoved extends Error {}

/** Chains `entries` after `head` (the last entry this process sealed) in one INSERT; the new head. */
export async function fastSealPass(q: SealRunner, head: SealedEntry, entries: readonly StampedEntry[]): Promise<SealedEntry> {
  if (entries.length === 0) return head;
  const { chained } = chain(head, entries, entries.length);
  try {
    await q.query(INSERT, [JSON.stringify(chained.map(toJson))]);
  } catch (err) {
    // 23505: unique violation on seq, someone else sealed after our head.
    if ((err as { code?: string }).code === "23505") throw new HeadMoved("the audit head moved", { cause: err });
    throw err;
  }
  const end = chained[chained.length - 1]!;
  return { seq: end.seq, hash: end.hash };
}

type Chained = ChainedEntry & { hash: string };

function chain(head: { seq: bigint; hash: string }, entries: readonly StampedEntry[], extraFrom: number): { chained: Chained[]; extraSealed: SealedEntry[] } {
  let seq = head.seq;
  let prevHash = head.hash;
  const chained = entries.map((e) => {
    seq += 1n;
    const row: ChainedEntry = {
      seq,
      at: e.at,
      requestId: e.requestId,
      agency: e.agency,
      roles: [...e.roles],
      purpose: e.purpose,
      operationName: e.operationName,
      action: e.action,
      recordType: e.recordType,
      recordIds: [...e.recordIds],
      fields: [...e.fields],
      decision: e.decision,
      prevHash,
    };
    prevHash = hashEntry(row);
    return { ...row, hash: prevHash };
  });
  return { chained, extraSealed: chained.slice(extraFrom).map((c) => ({ seq: c.seq, hash: c.hash })) };
}

const toJson = (c: Chained) => ({ ...c, seq: c.seq.toString(), at: c.at.toISOString() });
