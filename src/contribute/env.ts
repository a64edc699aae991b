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
  /** Prisma where of the rows of a type the contributor may read (its row scope). */
  readWhere(type: "Person" | "Case"): Record<string, unknown>;
  /** Prisma where of the rows a reference by id or another agency's key may find (policy `links`). */
  linkWhere(type: "Person" | "Case" | "Organization"): Record<string, unknown>;
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
