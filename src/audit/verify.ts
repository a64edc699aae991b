// Walks the whole log in seq order and recomputes the chain. Reads through plain SQL with text
// renderings of seq and at, so the PostgreSQL driver, PGlite and Prisma all see the same values
// whatever the process time zone.
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import type { RawSql } from "../db/raw-sql";
import { GENESIS_HASH, hashEntry, type EntryColumnsRow } from "./chain";

export interface ExpectedHead {
  /** The head's seq when it was recorded; without it, the hash may sit anywhere in the chain. */
  seq?: bigint;
  hash: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Entries checked (all of them when ok). */
  entries: number;
  /** Last entry of the log as stored, for operators to record (see docs/audit.md). */
  head: { seq: string; hash: string } | null;
  /** The first entry at which the chain breaks; for a deleted entry, the missing seq. */
  firstBroken?: { seq: string; reason: string };
}

interface Row extends EntryColumnsRow {
  seq: string;
  prevHash: string;
  hash: string;
}

const COLUMNS = `seq::text AS seq, to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, "requestId", agency, roles, purpose,
  "operationName", action, "recordType", "recordIds", fields, decision, "prevHash", hash`;

type Source = RawSql | PrismaClient;

function pager(source: Source, batch: number): (after: bigint) => Promise<Row[]> {
  if ("$queryRaw" in source) {
    return (after) =>
      source.$queryRaw<Row[]>(Prisma.sql`SELECT ${Prisma.raw(COLUMNS)} FROM "AuditEntry" WHERE seq > ${after.toString()}::bigint ORDER BY "AuditEntry".seq LIMIT ${batch}`);
  }
  return (after) => source.query<Row>(`SELECT ${COLUMNS} FROM "AuditEntry" WHERE seq > $1::bigint ORDER BY "AuditEntry".seq LIMIT $2`, [after.toString(), batch]);
}

/**
 * Detects edited entries (hash mismatch), deleted entries (a gap in seq, or a prevHash that does
 * not match), and reordered ones (seq is hashed). Removing entries from the end leaves a valid
 * shorter chain: only a head recorded outside the database (`expectHead`) reveals that.
 */
export async function verifyAuditChain(source: Source, opts: { expectHead?: ExpectedHead | readonly ExpectedHead[]; batchSize?: number } = {}): Promise<VerifyResult> {
  const heads: readonly ExpectedHead[] = opts.expectHead === undefined ? [] : "hash" in opts.expectHead ? [opts.expectHead] : opts.expectHead;
  const next = pager(source, Math.max(1, Math.min(opts.batchSize ?? 1000, 10_000)));
  let prevSeq = 0n;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  const seen = new Set<ExpectedHead>();
  const broken = (seq: bigint | string, reason: string): VerifyResult => ({
    ok: false,
    entries,
    head: entries ? { seq: prevSeq.toString(), hash: prevHash } : null,
    firstBroken: { seq: seq.toString(), reason },
  });

  for (;;) {
    const rows = await next(prevSeq);
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = BigInt(r.seq);
      const expected = prevSeq + 1n;
      if (seq !== expected) {
        const missing = seq - 1n === expected ? `entry ${expected} is` : `entries ${expected}..${seq - 1n} are`;
        return broken(expected, `${missing} missing (deleted): the log jumps from seq ${prevSeq} to ${seq}`);
      }
      if (r.prevHash !== prevHash) {
        return broken(seq, prevSeq === 0n
          ? "prevHash of the first entry is not the genesis value (entries before it were removed or it was edited)"
          : `prevHash does not match the hash of entry ${prevSeq} (entry ${prevSeq} or ${seq} was altered, or entries were reordered)`);
      }
      const computed = hashEntry({ ...r, seq, at: new Date(r.at) });
      if (computed !== r.hash) return broken(seq, "hash does not match the entry's contents (the entry was edited)");
      for (const h of heads) if (r.hash === h.hash && (h.seq === undefined || h.seq === seq)) seen.add(h);
      prevSeq = seq;
      prevHash = r.hash;
      entries++;
    }
  }

  for (const h of heads) {
    if (seen.has(h)) continue;
    const at = h.seq;
    return broken(
      at ?? prevSeq + 1n,
      at !== undefined && at > prevSeq
        ? `the recorded head (seq ${at}) is beyond the end of the log (seq ${prevSeq}): entries ${prevSeq + 1n}..${at} were removed from the end`
        : `the recorded head hash ${h.hash.slice(0, 12)}... is not in the log${at !== undefined ? ` at seq ${at}` : ""}: the log was truncated or rewritten`,
    );
  }
  return { ok: true, entries, head: entries ? { seq: prevSeq.toString(), hash: prevHash } : null };
}
