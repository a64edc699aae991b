// The shape every record type implements; the engine (engine.ts) runs them all the same way.
import type { z } from "zod";
import type { Env, Tx } from "./env";
import type { RecordType } from "./result";
import type { Provenance } from "./schema-kit";
import type { StoredRecord, WriteOutcome } from "./store";

export interface RecordHandler<S extends z.ZodType<Provenance> = z.ZodType<Provenance>> {
  type: RecordType;
  /** Input schema: format, vocabulary and cross-field rules that need no database. */
  schema: S;
  /** The caller's own record with this externalId, if any. */
  find(tx: Tx, sourceAgency: string, externalId: string): Promise<StoredRecord | null>;
  /** Database checks, reference resolution and the write. Pushes to env.errors and rejects. */
  apply(env: Env, input: z.output<S>, existing: StoredRecord | null): Promise<WriteOutcome>;
}

export const defineHandler = <S extends z.ZodType<Provenance>>(h: RecordHandler<S>): RecordHandler<S> => h;
