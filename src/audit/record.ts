// Audit hooks called by resolvers and contributions. The hash-chained writer lands with the
// access-rules work; the call sites are fixed now so no write path can be forgotten later.
import type { GraphContext } from "../graph/context";

export interface AuditWrite {
  recordType: string;
  recordIds: string[];
  /** Field names written (never values). */
  fields: string[];
  /** CREATED | UPDATED | UNCHANGED | REJECTED */
  decision: string;
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function auditWrite(_ctx: GraphContext, _entry: AuditWrite): Promise<void> {}
