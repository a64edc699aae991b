// Organizations: agencies (which register themselves under their token's agency code),
// P3MI companies with their SIP3MI licence, employers, NGOs, shelters, health services.
import { z } from "zod";
import { AgencyType, LicenceStatus, OrganizationKind } from "../../generated/prisma/enums.ts";
import { defineHandler } from "../handler";
import { fieldError } from "../result";
import { AGENCY_CODE, countryCode, issue, opt, optText, provenance, regionCode, requiredText } from "../schema-kit";
import { checkRegions, lockKey, rejectIfErrors, writeRecord, type ProvenanceDelegate } from "../store";
import { recomputePerson } from "./person";

export const organizationSchema = z
  .object({
    ...provenance,
    code: opt(
      z
        .string()
        .transform((s) => s.trim().toUpperCase())
        .pipe(z.string().regex(AGENCY_CODE, { message: "An agency code is 2-64 upper-case letters, digits and . _ -, e.g. POLDA-KALBAR." })),
    ),
    name: requiredText(300),
    kind: z.enum(OrganizationKind),
    agencyType: opt(z.enum(AgencyType)),
    regionCode: opt(regionCode),
    country: opt(countryCode),
    licenceNumber: optText(100),
    licenceStatus: opt(z.enum(LicenceStatus)),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.agencyType && o.kind !== "AGENCY") issue(ctx, ["agencyType"], "NOT_APPLICABLE", "agencyType applies to organizations of kind AGENCY only.");
    if (o.code && o.kind !== "AGENCY") issue(ctx, ["code"], "NOT_APPLICABLE", "Only organizations of kind AGENCY have an agency code.");
    if (o.licenceStatus && o.licenceStatus !== "NONE" && !o.licenceNumber) issue(ctx, ["licenceNumber"], "REQUIRED", "A licence status other than NONE needs the licence number.");
  });

export const organizationHandler = defineHandler({
  type: "Organization",
  schema: organizationSchema,
  find: (tx, sourceAgency, externalId) => tx.organization.findUnique({ where: { sourceAgency_externalId: { sourceAgency, externalId } } }),
  async apply(env, input, existing) {
    const { tx, contributor } = env;
    if (input.code) {
      // The agency code ties tokens to an agency type (person-merge precedence): an agency
      // registers only itself; administrators register anyone.
      if (input.code !== contributor.agency && !contributor.roles.includes("admin")) {
        env.errors.push(fieldError(["code"], "NOT_PERMITTED", "You can register only your own agency code (the agency in your token)."));
      } else {
        await lockKey(tx, `organization-code:${input.code}`);
        const holder = await tx.organization.findUnique({ where: { code: input.code }, select: { id: true } });
        if (holder && holder.id !== existing?.id) {
          env.errors.push(fieldError(["code"], "DUPLICATE_VALUE", `Agency code ${input.code} is already registered by another organization record.`));
        }
      }
    }
    await checkRegions(env, [[["regionCode"], input.regionCode]]);
    rejectIfErrors(env);
    const outcome = await writeRecord(env, tx.organization as unknown as ProvenanceDelegate, input, existing, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      agencyType: input.agencyType,
      regionCode: input.regionCode,
      country: input.country ?? "ID",
      licenceNumber: input.licenceNumber,
      licenceStatus: input.licenceStatus,
    });
    // An agency's code and type rank its statements about persons: re-resolve those persons.
    if (outcome.fieldsWritten.includes("code") || outcome.fieldsWritten.includes("agencyType")) {
      const codes = [input.code, existing?.code as string | null | undefined].filter((c): c is string => !!c);
      const persons = codes.length
        ? await tx.personStatement.findMany({ where: { sourceAgency: { in: codes } }, distinct: ["personId"], select: { personId: true } })
        : [];
      for (const p of persons) await recomputePerson(env, p.personId);
    }
    return outcome;
  },
});
