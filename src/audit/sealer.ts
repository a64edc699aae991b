// Group commit for the audit log: one sealer per process and database. Requests hand over their
// read entries (in memory) or record their writes in the inbox inside their own transactions
// (one statement, no lock), then wait for a seal pass; the sealer runs one pass at a time on a
// connection of its own and seals, in one transaction under the append lock, everything every
// waiting request brought plus all that is committed in the inbox. The lock is taken once per pass,
// so requests never queue on it one by one, and replicas take turns per pass, not per request.
import type { Database } from "../db/database";
import type { RawSql, RawDatabase } from "../db/raw-sql";
import type { AuditEntryInput } from "./append";
import { fastSealPass, HeadMoved, sealPass, type SealedEntry, type StampedEntry } from "./seal";

interface Waiter {
  entries: StampedEntry[];
  /** Needs what is committed in the inbox sealed too (its own writes, sync()): a full pass. */
  inbox: boolean;
  resolve(): void;
  reject(err: unknown): void;
}

export class AuditSealer {
  /** Seal passes run and entries sealed by this process (the tests and the docs use them). */
  readonly stats = { passes: 0, sealed: 0, fastPasses: 0 };
  /** The last entry this process sealed: a pass of reads only chains on it in one statement. */
  private head: SealedEntry | null = null;
  private queue: Waiter[] = [];
  private running = false;

  constructor(private readonly raw: RawDatabase) {}

  /**
   * Puts entries on the chain with the next pass; resolves once that pass has committed. Their
   * `at` is now. With `inbox`, that pass also seals everything committed in the inbox by then
   * (entries of writes); without, entries in the inbox from elsewhere may wait for a later pass.
   */
  append(entries: readonly AuditEntryInput[], opts: { inbox?: boolean } = { inbox: true }): Promise<void> {
    const at = new Date();
    return new Promise((resolve, reject) => {
      this.queue.push({ entries: entries.map((e) => ({ ...e, at })), inbox: opts.inbox ?? true, resolve, reject });
      this.kick();
    });
  }

  /** Resolves after a pass that started after this call: every entry committed before it is sealed. */
  sync(): Promise<void> {
    return this.append([]);
  }

  private kick(): void {
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    void this.loop().finally(() => {
      this.running = false;
      this.kick(); // waiters that arrived as the loop ended
    });
  }

  private async loop(): Promise<void> {
    while (this.queue.length) {
      // Everyone waiting now rides this pass; whoever arrives during it waits for the next.
      const batch = this.queue;
      this.queue = [];
      const entries = batch.flatMap((w) => w.entries);
      try {
        if (this.head && !batch.some((w) => w.inbox)) {
          try {
            this.head = await fastSealPass(this.raw, this.head, entries);
            this.stats.passes++;
            this.stats.fastPasses++;
            this.stats.sealed += entries.length;
            for (const w of batch) w.resolve();
            continue;
          } catch (err) {
            if (!(err instanceof HeadMoved)) throw err;
          }
        }
        const r = await this.raw.transaction((tx) => sealPass(runner(tx), entries));
        this.head = r.head;
        this.stats.passes++;
        this.stats.sealed += r.sealed;
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
  }
}

const runner = (tx: RawSql) => ({ query: <T>(sql: string, params: unknown[]) => tx.query<T>(sql, params) });

const sealers = new WeakMap<Database, AuditSealer>();

/** The sealer of this process for this database (created on first use). */
export function auditSealer(db: Database): AuditSealer {
  let s = sealers.get(db);
  if (!s) sealers.set(db, (s = new AuditSealer(db.raw)));
  return s;
}
