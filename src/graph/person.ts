// Person: one human being, with the resolved view of what agencies say about them, the
// statements behind it, where they disagree, and everything around them.
import { RESOLVED_FIELDS, resolvePerson, type FieldConflict, type Resolution, type ResolvedField } from "../domain/person-resolution";
import { normalizeDocumentNumber } from "../domain/identity-documents";
import type { IdentityDocumentType, PersonStatement } from "../generated/prisma/client.ts";
import { rowScope } from "../policy/row-scope";
import { readCount, readFirst, readMany, readPage } from "../read/reader";
import { selects } from "../read/selection";
import { builder } from "./builder";
import type { RequestContext } from "../request/context";
import { IdentityDocumentTypeEnum, ParticipantRoleEnum, SexEnum } from "./enums";
import {
  anyOf,
  asc,
  badInput,
  byIdInScope,
  countries,
  country,
  desc,
  nonEmpty,
  orderEnum,
  range,
  reads,
  readsUnderProtections,
  REGION_FILTER_HELP,
  regionWhere,
  searchOn,
  whereOf,
} from "./filters";
import { agencyTypeByCode } from "./loaders";

// ---------------------------------------------------------------- resolution (conflicts, sources)

/** GraphQL names for the resolved fields (Person field names; originRegionCode is Person.originRegion). */
const FIELD_NAMES: Record<ResolvedField, string> = {
  fullName: "FULL_NAME",
  birthDate: "BIRTH_DATE",
  sex: "SEX",
  nationality: "NATIONALITY",
  originRegionCode: "ORIGIN_REGION",
  phone: "PHONE",
  email: "EMAIL",
  address: "ADDRESS",
};

export const PersonFieldEnum = builder.enumType("PersonField", {
  description: "A resolved Person field that agencies contribute values for.",
  values: Object.fromEntries(
    RESOLVED_FIELDS.map((f) => [
      FIELD_NAMES[f],
      { value: f, description: `Person.${f === "originRegionCode" ? "originRegion" : f}.` },
    ]),
  ) as Record<string, { value: ResolvedField; description: string }>,
});

const ConflictValueRef = builder.objectRef<FieldConflict["values"][number]>("ConflictingValue").implement({
  description: "One agency's value in a conflict.",
  fields: (t) => ({
    statementId: t.exposeID("statementId", { nullable: false, description: "The PersonStatement holding this value." }),
    sourceAgency: t.exposeString("sourceAgency", { nullable: false, description: "Agency code that stated it." }),
    value: t.exposeString("value", {
      nullable: false,
      description: "The value as text: dates as YYYY-MM-DD, lists (nationality) sorted and comma-separated, region as kode wilayah.",
    }),
  }),
});

const FieldConflictRef = builder.objectRef<FieldConflict>("FieldConflict").implement({
  description:
    "Agencies disagree about a Person field. The hub shows the value of the statement ranked first by the documented precedence (identity facts: IMMIGRATION, then POLICE, then MIGRANT_WORKER_AGENCY, ...; origin region: MIGRANT_WORKER_AGENCY first; contact details: most recent). See docs/data-model.md.",
  fields: (t) => ({
    field: t.field({ type: PersonFieldEnum, nullable: false, description: "The disputed field.", resolve: (c) => c.field }),
    chosenStatementId: t.exposeID("chosenStatementId", { nullable: false, description: "Statement whose value the hub shows." }),
    values: t.field({
      type: [ConflictValueRef],
      nullable: false,
      description: "Every agency's value, the chosen one first.",
      resolve: (c) => c.values,
    }),
  }),
});

type SourceShape = { field: ResolvedField; statementId: string; sourceAgency: string };
const FieldSourceRef = builder.objectRef<SourceShape>("FieldSource").implement({
  description: "Which statement (and so which agency) a resolved Person field was taken from.",
  fields: (t) => ({
    field: t.field({ type: PersonFieldEnum, nullable: false, description: "The resolved field.", resolve: (s) => s.field }),
    statementId: t.exposeID("statementId", { nullable: false, description: "PersonStatement the value came from." }),
    sourceAgency: t.exposeString("sourceAgency", { nullable: false, description: "Agency code of that statement." }),
  }),
});

// Person.statements, Person.conflicts and Person.fieldSources share one selection (same
// arguments), so the statements load once with the page of persons.
const STATEMENT_ORDER = { orderBy: [{ contributedAt: "asc" as const }, { id: "asc" as const }] };

const resolutions = new WeakMap<object, Promise<Resolution>>();

/** Resolution of a person's statements; agency types come from one batched query per request. */
function resolutionOf(ctx: RequestContext, statements: PersonStatement[]): Promise<Resolution> {
  let r = resolutions.get(statements);
  if (!r) {
    r = (async () => {
      const types = await agencyTypeByCode(ctx).loadMany(statements.map((s) => s.sourceAgency));
      return resolvePerson(statements.map((s, i) => ({ ...s, agencyType: types[i] instanceof Error ? null : (types[i] as never) })));
    })();
    resolutions.set(statements, r);
  }
  return r;
}

// ---------------------------------------------------------------- Person

export const PersonType = builder.prismaObject("Person", {
  description:
    "One human being, however many agencies know them (victim, suspect, witness, migrant worker, returnee). The hub links agencies' records through identity documents (NIK, passport). The resolved fields below are recomputed from the agencies' statements on every contribution by a documented precedence; `statements` shows what each agency said and `conflicts` where they disagree. HTCDS prs_.",
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID). Stable across agencies." }),
    fullName: t.exposeString("fullName", { nullable: true, description: "Resolved full name (HTCDS prs_FirstName + prs_SecondName, as one string)." }),
    aliases: t.exposeStringList("aliases", {
      nullable: false,
      description: "Other names: aliases any agency recorded plus full names that were not chosen (spelling variants, married names).",
    }),
    birthDate: t.expose("birthDate", { type: "Date", nullable: true, description: "Resolved date of birth (HTCDS prs_Birthdate)." }),
    sex: t.expose("sex", { type: SexEnum, nullable: true, description: "Resolved sex (HTCDS prs_Gender)." }),
    nationality: t.exposeStringList("nationality", {
      nullable: false,
      description: "Resolved citizenships, ISO 3166-1 alpha-2 (HTCDS prs_Citizenship, multi-valued).",
    }),
    originRegion: t.relation("originRegion", {
      nullable: true,
      description: "Resolved home region (kode wilayah), usually the desa/kecamatan of the KTP address.",
    }),
    phone: t.exposeString("phone", { nullable: true, description: "Resolved phone number, E.164 (+62...), most recent statement wins." }),
    email: t.exposeString("email", { nullable: true, description: "Resolved e-mail address, most recent statement wins." }),
    address: t.exposeString("address", { nullable: true, description: "Resolved postal address (free text), most recent statement wins." }),
    identityProtected: t.boolean({
      nullable: true,
      description:
        "True when the child-victim or consent protection masks this person's identity fields for you. Agency subgraphs require it and apply the same protection to the identity values they hold (docs/federation.md). Tells nothing you cannot see from the masked fields.",
      resolve: (p, _args, ctx) => ctx.access.identityProtected(p.id),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", nullable: false, description: "When the hub first linked a statement to this person." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", nullable: false, description: "When the resolved fields last changed." }),
    documents: t.relation("documents", {
      nullable: false,
      description: "Identity and travel documents any agency recorded for this person (the same document stated by two agencies appears twice, once per statement).",
      // Never by number: a masked value is no sort key (docs/search-and-carriers.md).
      query: { orderBy: [{ type: "asc" }, { createdAt: "asc" }, { id: "asc" }] },
    }),
    statements: t.relation("statements", {
      nullable: false,
      description: "What each agency said about this person, oldest contribution first. Never overwritten by another agency.",
      query: STATEMENT_ORDER,
    }),
    conflicts: t.field({
      type: [FieldConflictRef],
      nullable: false,
      description: "Fields where agencies' statements disagree, with every value and the one the hub chose. Empty when all agree.",
      select: { statements: STATEMENT_ORDER },
      // Each value carries its field and person so the policy can decide it as that Person field.
      resolve: async (p, _args, ctx) =>
        (await resolutionOf(ctx, p.statements)).conflicts.map((c) => ({ ...c, values: c.values.map((v) => ({ ...v, field: c.field, personId: p.id })) })),
    }),
    fieldSources: t.field({
      type: [FieldSourceRef],
      nullable: false,
      description: "For each resolved field that has a value, the statement and agency it came from.",
      select: { statements: STATEMENT_ORDER },
      resolve: async (p, _args, ctx) => {
        const { sources } = await resolutionOf(ctx, p.statements);
        const agencyOf = new Map(p.statements.map((s) => [s.id, s.sourceAgency]));
        return RESOLVED_FIELDS.flatMap((field) => {
          const statementId = sources[field];
          return statementId ? [{ field, statementId, sourceAgency: agencyOf.get(statementId) ?? "" }] : [];
        });
      },
    }),
    participations: t.relation("participations", {
      nullable: false,
      description: "This person's roles in cases (victim, suspect, witness, reporter), oldest first.",
      query: (_args, ctx) => ({ where: rowScope(ctx, "CaseParticipant"), orderBy: [{ contributedAt: "asc" }, { id: "asc" }] }),
    }),
    placements: t.relation("placements", {
      nullable: false,
      description: "Migrant worker placements of this person (BP3MI), newest departure first.",
      query: (_args, ctx) => ({ where: rowScope(ctx, "MigrantPlacement"), orderBy: [{ departureDate: { sort: "desc", nulls: "last" } }, { id: "asc" }] }),
    }),
    crossings: t.relation("crossings", {
      nullable: false,
      description: "Border crossings of this person (Imigrasi), newest first.",
      query: (_args, ctx) => ({ where: rowScope(ctx, "BorderCrossing"), orderBy: [{ crossedAt: "desc" }, { id: "asc" }] }),
    }),
    repatriations: t.relation("repatriations", {
      nullable: false,
      description: "Returns of this person from abroad, newest first.",
      query: (_args, ctx) => ({ where: rowScope(ctx, "Repatriation"), orderBy: [{ arrivedAt: "desc" }, { id: "asc" }] }),
    }),
    referrals: t.relation("referrals", {
      nullable: false,
      description: "Service referrals for this person, newest request first.",
      query: (_args, ctx) => ({ where: rowScope(ctx, "ServiceReferral"), orderBy: [{ requestedAt: "desc" }, { id: "asc" }] }),
    }),
  }),
});

builder.asEntity(PersonType, {
  key: builder.selection<{ id: string }>("id"),
  resolveReference: ({ id }, ctx) => ctx.db.prisma.person.findFirst({ where: { AND: [{ id }, rowScope(ctx, "Person")] } }),
});

// ---------------------------------------------------------------- filters and sort

const PersonFilter = builder.inputType("PersonFilter", {
  description: "Narrows the persons list. All given fields must match (AND); list fields match any of their values (OR).",
  fields: (t) => ({
    originRegion: t.string({ required: false, description: `Home region. ${REGION_FILTER_HELP}`, extensions: reads("Person.originRegion") }),
    sex: t.field({ type: [SexEnum], required: false, description: "Any of these (resolved) sexes.", extensions: reads("Person.sex") }),
    nationality: t.stringList({
      required: false,
      description: "Holds any of these citizenships (ISO 3166-1 alpha-2).",
      extensions: reads("Person.nationality"),
    }),
    birthDateFrom: t.field({
      type: "Date",
      required: false,
      description: "Born on or after this date. Matches only persons whose birth date the caller reads in clear.",
      extensions: readsUnderProtections("Person.birthDate"),
    }),
    birthDateTo: t.field({
      type: "Date",
      required: false,
      description: "Born on or before this date. Matches only persons whose birth date the caller reads in clear.",
      extensions: readsUnderProtections("Person.birthDate"),
    }),
    nameContains: t.string({
      required: false,
      description:
        "Case-insensitive substring of the resolved full name. Matches only persons whose name the caller reads in clear (a child victim's or a non-consenting victim's name, shown as initials, never matches).",
      extensions: readsUnderProtections("Person.fullName"),
    }),
    role: t.field({
      type: [ParticipantRoleEnum],
      required: false,
      description: "Takes part in at least one case (visible to the caller) in any of these roles.",
      extensions: reads("Person.participations", "CaseParticipant.role"),
    }),
    sourceAgency: t.stringList({
      required: false,
      description: "Known to (has a statement from) any of these agency codes.",
      extensions: reads("Person.statements", "PersonStatement.sourceAgency"),
    }),
  }),
});

const PersonOrder = orderEnum("PersonOrder", "Sort order for persons.", {
  // Identity sort keys: only for callers who read the field in clear in every row (Access.canSortOn).
  FULL_NAME_ASC: {
    description: "By resolved full name A-Z, unnamed last. Only for callers who read every name in clear (exempt from the victim protections); refused otherwise.",
    readsField: ["Person.fullName"],
    orderBy: [asc("fullName", true)],
  },
  BIRTH_DATE_ASC: {
    description: "Oldest first, unknown birth date last. Only for callers who read every birth date in clear (exempt from the victim protections); refused otherwise.",
    readsField: ["Person.birthDate"],
    orderBy: [asc("birthDate", true)],
  },
  CREATED_AT_DESC: { description: "Most recently linked first.", readsField: ["Person.createdAt"], orderBy: [desc("createdAt")] },
  UPDATED_AT_DESC: { description: "Most recently changed first.", readsField: ["Person.updatedAt"], orderBy: [desc("updatedAt")] },
});

function personWhere(ctx: RequestContext, f: typeof PersonFilter.$inferInput | null | undefined) {
  const p = "filter";
  const filter = whereOf(
    f
      ? [
          f.originRegion ? regionWhere("originRegionCode", f.originRegion, `${p}.originRegion`) : {},
          { sex: anyOf(f.sex, `${p}.sex`) },
          { nationality: f.nationality ? { hasSome: countries(nonEmpty(f.nationality, `${p}.nationality`), `${p}.nationality`) } : undefined },
          { AND: searchOn(ctx, "Person", "birthDate", optional({ birthDate: range(f.birthDateFrom, f.birthDateTo, p, "birthDateFrom", "birthDateTo") })) },
          { AND: searchOn(ctx, "Person", "fullName", f.nameContains ? { fullName: { contains: f.nameContains, mode: "insensitive" } } : undefined) },
          {
            participations: f.role
              ? { some: { AND: [{ role: { in: nonEmpty(f.role, `${p}.role`) } }, rowScope(ctx, "CaseParticipant")] } }
              : undefined,
          },
          { statements: f.sourceAgency ? { some: { sourceAgency: { in: nonEmpty(f.sourceAgency, `${p}.sourceAgency`) } } } : undefined },
        ]
      : [],
  );
  return { AND: [filter, rowScope(ctx, "Person")] };
}

const optional = (w: Record<string, unknown>) => (Object.values(w).some((v) => v !== undefined) ? w : undefined);

/** The lookup normalizes like contribution does (src/domain/identity-documents.ts), so a number
 *  typed with spaces or dots finds the stored one; a NIK/KK that cannot be one is a caller error. */
function lookupNumber(type: IdentityDocumentType, raw: string, path: string): string {
  const n = normalizeDocumentNumber(type, raw);
  if ((type === "NIK" || type === "KK") && !/^\d{16}$/.test(n)) throw badInput(path, `a ${type} has 16 digits`);
  if (!n) throw badInput(path, "must not be empty");
  return n;
}

builder.queryFields((t) => ({
  person: t.prismaField({
    type: "Person",
    nullable: true,
    description: "One person by hub id. Null when it does not exist or is outside the caller's scope.",
    args: { id: t.arg.id({ required: true, description: "Hub identifier (UUID).", extensions: reads("Person.id") }) },
    resolve: async (query, _root, args, ctx) => (await readFirst(ctx, "Person", { ...query, where: byIdInScope(ctx, "Person", args.id) })) as never,
  }),
  persons: t.prismaConnection(
    {
      type: "Person",
      cursor: "id",
      nullable: false,
      edgesNullable: false,
      nodeNullable: false,
      description: "Persons, filtered and sorted. Relay cursor pagination (first/after or last/before); at most 100 per page.",
      args: {
        filter: t.arg({ type: PersonFilter, required: false, description: "Optional filter." }),
        orderBy: t.arg({ type: PersonOrder.ref, required: false, defaultValue: "CREATED_AT_DESC", description: "Sort order (default CREATED_AT_DESC)." }),
      },
      // totalCount comes out of the page's own statement when both are selected.
      resolve: async (query, _root, args, ctx, info) =>
        (await readPage(ctx, "Person", { ...query, where: personWhere(ctx, args.filter), orderBy: PersonOrder.toPrisma(args.orderBy, "CREATED_AT_DESC") }, selects(info, "totalCount") ? args : null)) as never,
      totalCount: (_conn, args, ctx) => readCount(ctx, "Person", personWhere(ctx, args.filter), args),
    },
    { name: "PersonConnection", description: "A page of persons." },
    { name: "PersonEdge", description: "A person in a page." },
  ),
  personsByDocument: t.prismaField({
    type: ["Person"],
    nullable: false,
    description:
      "Persons holding an identity document, across all agencies: the NIK or passport lookup (e.g. an LTSA desk checking a prospective migrant worker). Normally one person; more than one means agencies' records were not merged and is worth reporting. Empty when none is known or visible to the caller.",
    args: {
      type: t.arg({ type: IdentityDocumentTypeEnum, required: true, description: "Document type.", extensions: reads("IdentityDocument.type") }),
      number: t.arg.string({
        required: true,
        description: "Document number, normalized as on contribution: upper case, spaces removed; for NIK/KK also dots (16 digits).",
        extensions: readsUnderProtections("IdentityDocument.number"),
      }),
      issuingCountry: t.arg.string({
        required: false,
        description: "Issuing country (ISO 3166-1 alpha-2); omit to match any. Useful for passports.",
        extensions: reads("IdentityDocument.issuingCountry"),
      }),
    },
    resolve: (query, _root, args, ctx) => {
      const number = lookupNumber(args.type, args.number, "number");
      const issuingCountry = args.issuingCountry ? country(args.issuingCountry, "issuingCountry") : undefined;
      return readMany(ctx, "Person", {
        ...query,
        where: {
          AND: [
            { documents: { some: searchOn(ctx, "IdentityDocument", "number", { type: args.type, number, ...(issuingCountry ? { issuingCountry } : {}) }) } },
            rowScope(ctx, "Person"),
          ],
        },
        orderBy: { id: "asc" },
        take: 20,
      }) as never;
    },
  }),
}));
