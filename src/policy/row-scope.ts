// Row scopes: Prisma `where` fragments that restrict which records of a type a caller can see.
// Every root query and relation load merges this into its own where, so the database filters.
// (Filled in by the access-rules work; until then every authenticated caller sees every row.)
import type { GraphContext } from "../graph/context";

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
  | "Organization";

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function rowScope(_ctx: GraphContext, _type: ScopedType): Record<string, unknown> {
  return {};
}
