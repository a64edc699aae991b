// CaseAssignment: which organization works a case, and for what.
import { builder } from "./builder";
import { scopedOne } from "./loaders";
import { CaseType } from "./case";
import { OrganizationType } from "./organization";

export const CaseAssignmentType = builder.prismaObject("CaseAssignment", {
  description:
    "An organization a case is assigned to and why (HTCDS cas_CaseOwner and referral details): the police unit investigating, the prosecutor's office, the case manager at Dinas Sosial or UPTD PPA. One case can have several.",
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID)." }),
    case: t.field({
      type: CaseType,
      nullable: true,
      description: "The case. Null when it is outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ case: nested() }),
      resolve: (a, _args, ctx) => scopedOne(ctx, "Case", a.case),
    }),
    organization: t.field({
      type: OrganizationType,
      nullable: true,
      description: "The organization assigned. Null when it is outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ organization: nested() }),
      resolve: (a, _args, ctx) => scopedOne(ctx, "Organization", a.organization),
    }),
    purpose: t.exposeString("purpose", {
      nullable: false,
      description: "Why it is assigned: INVESTIGATION, PROSECUTION, CASE_MANAGEMENT, LEGAL_AID, ... (upper-case code).",
    }),
    assignedAt: t.expose("assignedAt", { type: "DateTime", nullable: false, description: "When the assignment was made." }),
  }),
});
