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

export interface Env {
  tx: Tx;
  contributor: Contributor;
  now: Date;
  /** Problems found inside the transaction; the handler throws RecordRejected when non-empty. */
  errors: FieldError[];
  /** Accepted-with-a-note findings (NIK flags). */
  warnings: FieldError[];
}
