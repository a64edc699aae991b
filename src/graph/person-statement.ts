// PersonStatement: what one agency said about a person, kept as contributed.
import { builder } from "./builder";
import { SexEnum } from "./enums";
import { scopedOne } from "./loaders";
import { PersonType } from "./person";
import { ContributionRef } from "./provenance";

export const PersonStatementType = builder.prismaObject("PersonStatement", {
  description:
    "What one agency said about a person, as contributed (HTCDS prs_ fields). Never overwritten by another agency; the Person's resolved fields are computed from all statements. Provenance fields say who contributed it.",
  interfaces: [ContributionRef],
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID)." }),
    person: t.field({
      type: PersonType,
      nullable: true,
      description: "The person this statement is about. Null when that person is outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ person: nested() }),
      resolve: (s, _args, ctx) => scopedOne(ctx, "Person", s.person),
    }),
    fullName: t.exposeString("fullName", { nullable: true, description: "Full name as this agency recorded it." }),
    aliases: t.exposeStringList("aliases", { nullable: false, description: "Other names this agency recorded." }),
    birthDate: t.expose("birthDate", { type: "Date", nullable: true, description: "Date of birth as this agency recorded it (HTCDS prs_Birthdate)." }),
    sex: t.expose("sex", { type: SexEnum, nullable: true, description: "Sex as this agency recorded it (HTCDS prs_Gender)." }),
    nationality: t.exposeStringList("nationality", { nullable: false, description: "Citizenships as this agency recorded them, ISO 3166-1 alpha-2." }),
    originRegion: t.relation("originRegion", { nullable: true, description: "Home region (kode wilayah) as this agency recorded it." }),
    phone: t.exposeString("phone", { nullable: true, description: "Phone number (E.164) as this agency recorded it." }),
    email: t.exposeString("email", { nullable: true, description: "E-mail address as this agency recorded it." }),
    address: t.exposeString("address", { nullable: true, description: "Postal address as this agency recorded it." }),
    documents: t.relation("documents", {
      nullable: false,
      description: "Identity documents this agency recorded with this statement.",
      // Never by number: a masked value is no sort key (docs/search-and-carriers.md).
      query: { orderBy: [{ type: "asc" }, { createdAt: "asc" }, { id: "asc" }] },
    }),
  }),
});
