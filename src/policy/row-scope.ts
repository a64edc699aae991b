// Row scopes as Prisma `where` fragments (see src/policy/rules.ts `rows` and src/policy/scopes.ts).
// Every root query and relation load ANDs this into its own where, so the database filters.
import type { RequestContext } from "../request/context";

export type ScopedType =
  | "Case"
  | "Person"
  | "CaseParticipant"
  | "MigrantPlacement"
  | "BorderCrossing"
  | "Repatriation"
  | "ServiceReferral"
  | "LegalProceeding"
  | "EarlyWarningReport"
  | "Organization"
  | "AuditEntry";

export function rowScope(ctx: RequestContext, type: ScopedType): Record<string, unknown> {
  return ctx.access.rowWhere(type);
}
