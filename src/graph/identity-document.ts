// IdentityDocument: a document number one agency recorded for a person; the link between agencies.
import { builder } from "./builder";
import { IdentityDocumentTypeEnum } from "./enums";
import { scopedOne } from "./loaders";
import { PersonType } from "./person";

export const IdentityDocumentType = builder.prismaObject("IdentityDocument", {
  description:
    "An identity or travel document an agency recorded for a person (HTCDS prs_IdentityNumber): NIK, passport, KK, PLB, SPLP, ID PMI. The same document recorded by several agencies links their statements to one Person.",
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID)." }),
    type: t.expose("type", { type: IdentityDocumentTypeEnum, nullable: false, description: "Document type." }),
    number: t.exposeString("number", {
      nullable: false,
      description: "Document number, normalized: NIK/KK 16 digits; passports and others upper case without spaces.",
    }),
    issuingCountry: t.exposeString("issuingCountry", { nullable: false, description: "Issuing country, ISO 3166-1 alpha-2 (ID for NIK/KK)." }),
    flags: t.exposeStringList("flags", {
      nullable: false,
      description:
        "Validation warnings that did not reject the record, e.g. NIK_SEX_MISMATCH or NIK_BIRTHDATE_MISMATCH (a NIK whose encoded sex or birth date disagrees with the statement; common where ages were falsified).",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", nullable: false, description: "When the hub recorded the document." }),
    person: t.field({
      type: PersonType,
      nullable: true,
      description: "The person holding the document. Null when that person is outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ person: nested() }),
      resolve: (d, _args, ctx) => scopedOne(ctx, "Person", d.person),
    }),
    statement: t.relation("statement", {
      nullable: false,
      description: "The agency statement that recorded the document (its provenance says which agency).",
    }),
  }),
});
