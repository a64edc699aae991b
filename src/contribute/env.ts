// What a record handler works with inside its transaction.
import type { Prisma } from "../generated/prisma/client.ts";
import type { FieldError } from "./result";

export type Tx = Prisma.TransactionClient;

/** Who is contributing: always taken from the verified token, never from input. */
export interface Contributor {
  /** sourceAgency of everything written. */
  agency: string;
  /** contributedBy. */
  subject: string;
  roles: readonly string[];
}

/** Row scope of the contributor for a linked type (the access policy's `where`), so a reference
 * reaches only what the contributor could read: forbidden looks like missing, for writes too. */
export type LinkScope = (type: "Case" | "Person" | "Organization") => Record<string, unknown>;

export interface Env {
  tx: Tx;
  contributor: Contributor;
  scope: LinkScope;
  now: Date;
  /** Problems found inside the transaction; the handler throws RecordRejected when non-empty. */
  errors: FieldError[];
  /** Accepted-with-a-note findings (NIK flags). */
  warnings: FieldError[];
}
