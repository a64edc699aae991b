// The per-request audit collector (ctx.audit). Reads are gathered while the request resolves and
// sealed into the chain before the response leaves (src/audit/plugin.ts); writes are recorded at
// once, inside the caller's transaction when it passes one, and sealed with the reads.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { appendAuditEntries, recordAuditEntries, type AuditClient, type AuditEntryInput } from "./append";
import type { AuditAction } from "./chain";
import type { AuditSealer } from "./sealer";

export interface AuditActor {
  requestId: string;
  agency: string | null;
  roles: readonly string[];
  purpose: string | null;
}

/** A write to record: which records, which fields, and the outcome. Never values. */
export interface AuditWriteEntry {
  recordType: string;
  recordIds: readonly string[];
  /** Field names written (never values). */
  fields: readonly string[];
  /** CREATED | UPDATED | UNCHANGED | REJECTED */
  decision: string;
}

/** How a read field was released: the value, or a masked rendering of it. */
export type ReadDecision = "ALLOW" | "MASK" | (string & {});

/** Upper bound on record ids per entry, so one large page does not make one huge row. */
export const MAX_IDS_PER_ENTRY = 500;

const NO_RECORD = "\u0000";
const SEP = "\u0001";

type Bucket = { action: AuditAction; recordType: string; decision: string; byId: Map<string, Set<string>> };

const asList = (v: Iterable<string> | string): string[] => (typeof v === "string" ? [v] : [...v]);

export class AuditTrail {
  /** Set by the Apollo plugin once the operation is known; null for anonymous operations. */
  operationName: string | null = null;
  /** Called with the entries after each successful append (the metrics plugin counts them). */
  onAppended: ((entries: readonly AuditEntryInput[]) => void) | null = null;
  /** Whether this request appended any entry (the head checkpoint then needs an update). */
  appended = false;
  private readonly buckets = new Map<string, Bucket>();
  /** Writes recorded in the inbox and not yet known to be sealed. */
  private unsealed = false;

  /**
   * With a sealer (the hub's requests), writes cost one statement and no lock, and flush() waits
   * for the sealer's next pass (group commit). Without one (scripts, tests), every append takes
   * the append lock itself (appendAuditEntries).
   */
  constructor(
    private readonly prisma: PrismaClient,
    readonly actor: AuditActor,
    private readonly sealer?: AuditSealer,
  ) {}

  /**
   * Records that fields of these records were returned (decision ALLOW or MASK). Cheap: merged in
   * memory per (recordType, decision) and written once per request. Pass an empty id list for
   * reads that concern no single record (statistics).
   */
  read(recordType: string, ids: Iterable<string> | string, fields: Iterable<string> | string, decision: ReadDecision = "ALLOW"): void {
    this.collect("READ", recordType, ids, fields, decision);
  }

  /**
   * Records that access was refused: who was refused which fields of which records, never values.
   * Decision DENY for a field read (FORBIDDEN at its path), DENY_FILTER for a filter, sort or lookup
   * refused before execution, DENY_INTROSPECTION for introspection.
   */
  denied(recordType: string, ids: Iterable<string> | string, fields: Iterable<string> | string, decision = "DENY"): void {
    this.collect("DENIED", recordType, ids, fields, decision);
  }

  /**
   * Records a write entry now. Pass the contribution's transaction client so the entry commits
   * with the write (and disappears with it on rollback); without one, the entry is committed on
   * its own (use that for REJECTED, after the record's transaction rolled back). With a sealer it
   * is one INSERT and no lock; flush() (before the response) seals it into the chain.
   */
  async write(entry: AuditWriteEntry, tx?: AuditClient): Promise<void> {
    return this.writeMany([entry], tx);
  }

  /** write() for several records at once (a set-based batch): one INSERT for all of them. */
  async writeMany(writes: readonly AuditWriteEntry[], tx?: AuditClient): Promise<void> {
    if (writes.length === 0) return;
    const entries = writes.map((w) => this.entry("WRITE", w.recordType, [...w.recordIds].sort(), [...w.fields].sort(), w.decision));
    if (this.sealer) {
      await recordAuditEntries(tx ?? this.prisma, entries);
      this.unsealed = true;
    } else {
      await appendAuditEntries(tx ?? this.prisma, entries);
    }
    this.appended = true;
    this.onAppended?.(entries);
  }

  /** Number of reads waiting for flush(), plus 1 when recorded writes still wait for a seal. */
  get pending(): number {
    let n = this.unsealed ? 1 : 0;
    for (const b of this.buckets.values()) n += b.byId.size;
    return n;
  }

  /** Merged entries for everything collected so far, and forgets it. */
  drain(): AuditEntryInput[] {
    const out: AuditEntryInput[] = [];
    for (const b of this.buckets.values()) {
      // Records that had exactly the same fields touched share an entry.
      const byFields = new Map<string, string[]>();
      for (const [id, fields] of b.byId) {
        const key = [...fields].sort().join(SEP);
        const ids = byFields.get(key) ?? [];
        ids.push(id);
        byFields.set(key, ids);
      }
      for (const [key, ids] of byFields) {
        const fields = key === "" ? [] : key.split(SEP);
        const real = ids.filter((id) => id !== NO_RECORD).sort();
        if (real.length === 0) out.push(this.entry(b.action, b.recordType, [], fields, b.decision));
        for (let i = 0; i < real.length; i += MAX_IDS_PER_ENTRY) {
          out.push(this.entry(b.action, b.recordType, real.slice(i, i + MAX_IDS_PER_ENTRY), fields, b.decision));
        }
      }
    }
    this.buckets.clear();
    return out;
  }

  /**
   * Puts everything collected on the chain and seals the writes recorded so far; returns how many
   * read entries were written. With a sealer this waits for its next pass (shared with every
   * request waiting then); without one it appends in a transaction of its own.
   */
  async flush(): Promise<number> {
    const entries = this.drain();
    if (this.sealer) {
      if (entries.length || this.unsealed) await this.sealer.append(entries, { inbox: this.unsealed });
      this.unsealed = false;
    } else {
      await appendAuditEntries(this.prisma, entries);
    }
    if (entries.length) this.appended = true;
    this.onAppended?.(entries);
    return entries.length;
  }

  private collect(action: AuditAction, recordType: string, ids: Iterable<string> | string, fields: Iterable<string> | string, decision: string): void {
    decision = decision.toUpperCase(); // the policy's effect kinds are allow / mask
    const key = [action, recordType, decision].join(SEP);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = { action, recordType, decision, byId: new Map() }));
    const idList = asList(ids).filter((id) => id !== "");
    const fieldList = asList(fields);
    for (const id of idList.length ? idList : [NO_RECORD]) {
      let set = bucket.byId.get(id);
      if (!set) bucket.byId.set(id, (set = new Set()));
      for (const f of fieldList) set.add(f);
    }
  }

  private entry(action: AuditAction, recordType: string, recordIds: string[], fields: string[], decision: string): AuditEntryInput {
    return { ...this.actor, operationName: this.operationName, action, recordType, recordIds, fields, decision };
  }
}
