// CaseParticipant: a person's role in a case, with HTCDS victim (vic_) or perpetrator (per_) context.
import { builder } from "./builder";
import { asVocab, PerpetratorRoleEnum, ParticipantRoleEnum, RelationshipToTraffickerEnum, ServiceTypeEnum, TraffickingStatusEnum } from "./enums";
import { scopedOne } from "./loaders";
import { CaseType } from "./case";
import { OrganizationType } from "./organization";
import { PersonType } from "./person";
import { ContributionRef } from "./provenance";


export const CaseParticipantType = builder.prismaObject("CaseParticipant", {
  description:
    "A person in a case with a role: victim, suspect, witness or reporter (the HTCDS 'connected person' junction). Victim context fields (HTCDS vic_) apply to role VICTIM, perpetrator context fields (HTCDS per_) to role SUSPECT; they are empty otherwise. Contributed by the agency handling the case.",
  interfaces: [ContributionRef],
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID)." }),
    case: t.field({
      type: CaseType,
      nullable: true,
      description: "The case. Null when it is outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ case: nested() }),
      resolve: (p, _args, ctx) => scopedOne(ctx, "Case", p.case),
    }),
    person: t.field({
      type: PersonType,
      nullable: true,
      description: "The person. Null when that person is outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ person: nested() }),
      resolve: (p, _args, ctx) => scopedOne(ctx, "Person", p.person),
    }),
    role: t.expose("role", { type: ParticipantRoleEnum, nullable: false, description: "Role of the person in this case." }),
    traffickingStatus: t.expose("traffickingStatus", {
      type: TraffickingStatusEnum,
      nullable: true,
      description: "Victims: whether trafficking is confirmed (HTCDS vic_TraffickingStatus).",
    }),
    ageAtExploitation: t.exposeInt("ageAtExploitation", {
      nullable: true,
      description: "Victims: age in whole years when trafficked (HTCDS vic_AgeWhenTrafficked).",
    }),
    isChild: t.exposeBoolean("isChild", {
      nullable: false,
      description: "Victims: under 18 when exploited (UU 35/2014). Derived from ageAtExploitation or birth date; special-category data under UU 27/2022.",
    }),
    needs: t.field({
      type: [ServiceTypeEnum],
      nullable: false,
      description: "Victims: services the victim needs (assessed by the contributing agency); compare with referrals.",
      resolve: (p) => asVocab<typeof ServiceTypeEnum>(p.needs),
    }),
    relationshipToTrafficker: t.expose("relationshipToTrafficker", {
      type: RelationshipToTraffickerEnum,
      nullable: true,
      description: "Victims: relationship to the trafficker (HTCDS vic_RelationshipToTrafficker).",
    }),
    consentAgencies: t.exposeStringList("consentAgencies", {
      nullable: false,
      description:
        "Victims: agency codes the victim consented to share their identity with (HTCDS con_Consent, recorded per agency). UU 21/2007 Art. 44: victims' identity stays confidential otherwise.",
    }),
    suspectRoles: t.field({
      type: [PerpetratorRoleEnum],
      nullable: false,
      description: "Suspects: roles in the trafficking process (HTCDS per_RoleInProcess, multi-valued).",
      resolve: (p) => asVocab<typeof PerpetratorRoleEnum>(p.suspectRoles),
    }),
    suspectOrganization: t.field({
      type: OrganizationType,
      nullable: true,
      description: "Suspects: organization the suspect acted for, e.g. a P3MI company (HTCDS per_Organisation). Null when none or outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ suspectOrganization: nested() }),
      resolve: (p, _args, ctx) => scopedOne(ctx, "Organization", p.suspectOrganization),
    }),
    roleDetails: t.exposeString("roleDetails", {
      nullable: true,
      description: "Suspects: free-text details of the role (HTCDS per_RoleDetails). Can contain personal data.",
    }),
  }),
});
