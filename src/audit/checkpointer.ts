// Keeps the head checkpoint (src/audit/checkpoint.ts) up to date while the hub appends. Poked
// after every request that appended; writes at most once per `minIntervalMs`, reading the head
// from the database, so the checkpoint only ever names committed entries. It advances and never
// goes back, and it never overwrites a checkpoint the log no longer matches: that file is the
// evidence of a truncated or rewritten log, so it stays until an operator moves it away.
import type { HubKey } from "../auth/hub-key";
import type { RawSql } from "../db/raw-sql";
import type { Logger } from "../logger";
import { readCheckpointFile, signCheckpoint, verifyCheckpoint, writeCheckpointFile, type Checkpoint } from "./checkpoint";

export interface CheckpointerOptions {
  /** Least time between two writes of the file; pokes in between are coalesced. @default 100 */
  minIntervalMs?: number;
}

type Head = { seq: string; hash: string };

export class AuditCheckpointer {
  private running: Promise<void> | null = null;
  private dirty = false;
  private lastWrite = 0;
  private refused: string | null = null;
  private readonly minIntervalMs: number;

  constructor(
    private readonly raw: RawSql,
    readonly key: HubKey,
    readonly file: string,
    private readonly log: Logger,
    opts: CheckpointerOptions = {},
  ) {
    this.minIntervalMs = opts.minIntervalMs ?? 100;
  }

  /** Entries were appended (and committed): bring the checkpoint up to date soon. Never throws. */
  poke(): void {
    this.dirty = true;
    if (!this.running) this.running = this.loop().finally(() => (this.running = null));
  }

  /** Brings the checkpoint up to date now (after any write in progress). */
  async flush(): Promise<void> {
    if (this.running) await this.running;
    this.dirty = true;
    await (this.running = this.loop().finally(() => (this.running = null)));
  }

  private async loop(): Promise<void> {
    while (this.dirty) {
      const wait = this.lastWrite + this.minIntervalMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.dirty = false;
      try {
        await this.update();
      } catch (err) {
        this.log.error({ err, file: this.file }, "audit checkpoint not updated");
      }
      this.lastWrite = Date.now();
    }
  }

  private async update(): Promise<void> {
    // Order by the column, not the text alias (which would put 9 after 12).
    const [head] = await this.raw.query<Head>(`SELECT seq::text AS seq, hash FROM "AuditEntry" ORDER BY "AuditEntry".seq DESC LIMIT 1`);
    if (!head) return;
    const current = await this.current();
    if (current) {
      if (BigInt(current.seq) >= BigInt(head.seq)) {
        if (current.seq === head.seq && current.hash === head.hash) return;
        if (BigInt(current.seq) > BigInt(head.seq)) {
          return this.refuse(current, `the checkpoint names entry ${current.seq}, beyond the log's end (seq ${head.seq}): entries were removed from the end`);
        }
      }
      // Every time, even over our own last checkpoint: the tail may have been cut and regrown since.
      const [at] = await this.raw.query<{ hash: string }>(`SELECT hash FROM "AuditEntry" WHERE seq = $1::bigint`, [current.seq]);
      if (at?.hash !== current.hash) return this.refuse(current, `entry ${current.seq} is ${at ? "not the one the checkpoint names" : "missing"}: the log was truncated or rewritten`);
    }
    writeCheckpointFile(this.file, await signCheckpoint(this.key, head));
  }

  /** The checkpoint in the file; an unreadable or forged one is reported and left in place. */
  private async current(): Promise<Checkpoint | null> {
    const jws = readCheckpointFile(this.file);
    if (jws === null) return null;
    try {
      return await verifyCheckpoint(jws, this.key);
    } catch (err) {
      throw new Error(`the audit checkpoint ${this.file} is not valid (${(err as Error).message}); it is kept as evidence: move it away to start a new one`);
    }
  }

  private refuse(current: Checkpoint, reason: string): void {
    // Once per checkpoint, not once per request.
    if (this.refused === current.hash) return;
    this.refused = current.hash;
    this.log.error({ file: this.file, checkpoint: current }, `audit log does not match its checkpoint: ${reason}. The checkpoint is kept as evidence and no longer updated; run \`tppo-hub audit verify\``);
  }
}
