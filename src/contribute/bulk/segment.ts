// The bulk path: a run of consecutive batch records decided together and written set-based, in a
// number of statements that depends on the record types present, not on how many records there
// are. It decides exactly what the per-record path (engine.ts + records/*) decides, record by
// record in batch order: the same checks, messages, person matching and versions. Records it does
// not cover (person references by document, agency registrations with a code) are left to the
// per-record path by the engine (isBulkEligible), which also replays a segment record by record
// when its transaction fails, so one bad record still cannot spoil the others.
//
// `planSegment` runs twice: first without a transaction and without writing (an exact replay is
// then answered UNCHANGED with no write at all), then, if anything changes, inside one transaction
// after the per-record and per-document advisory locks of the per-record path, re-reading
// everything under those locks before it writes.
import { randomUUID } from "node:crypto";
import { documentKey, MATCHING_DOCUMENT_TYPES } from "../../domain/identity-documents";
import { nikFlags, type NikParts } from "../../domain/nik";
import { resolvePerson as resolveStatements, type StatementForResolution } from "../../domain/person-resolution";
import type { Contributor } from "../env";
import { fieldError, nikRegionMessage, unknownRegionMessage, type FieldError, type RecordResult, type RecordType } from "../result";
import type { PersonRef, Provenance, RecordRef } from "../schema-kit";
import { diffRecord, sameValue, type StoredRecord } from "../store";
import { REFERRAL_TRANSITIONS } from "../records/service-referral";
import { deleteRows, insertRows, lockKeys, updateRows, type Columns, type SqlClient } from "./rows";

/** A record that passed its input schema and permission check. */
export interface ParsedRecord {
  index: number;
  type: RecordType;
  // The handler schema's output (types differ per record type).
  input: Provenance & Record<string, any>;
}

/** What a planned record comes to; entries for the audit log are built from it. */
export interface Planned {
  result: RecordResult;
  recordIds: string[];
}

/** The segment cannot be decided in bulk (e.g. it would re-resolve persons of a registered agency). */
export class NeedsPerRecordPath extends Error {}

const personRefByDocument = (r: PersonRef | null | undefined) => !!r?.document;

/** Whether a record may go through the bulk path; the others run record by record. */
export function isBulkEligible(type: RecordType, input: Record<string, any>): boolean {
  switch (type) {
    case "Organization":
      return !input.code; // registering an agency code: lock, uniqueness, persons re-resolved
    case "CaseParticipant":
    case "BorderCrossing":
    case "Repatriation":
    case "ServiceReferral":
      return !personRefByDocument(input.person);
    case "MigrantPlacement":
      return !personRefByDocument(input.worker);
    default:
      return true;
  }
}

const TABLE: Record<RecordType, string> = {
  Person: "PersonStatement",
  Organization: "Organization",
  Case: "Case",
  CaseParticipant: "CaseParticipant",
  MigrantPlacement: "MigrantPlacement",
  BorderCrossing: "BorderCrossing",
  Repatriation: "Repatriation",
  ServiceReferral: "ServiceReferral",
  LegalProceeding: "LegalProceeding",
  EarlyWarningReport: "EarlyWarningReport",
};

const delegate = (client: SqlClient, table: string) =>
  (client as unknown as Record<string, { findMany(a: unknown): Promise<any[]> }>)[table.charAt(0).toLowerCase() + table.slice(1)]!;

type Path = (string | number)[];
type OrgRow = { id: string; kind: string; code: string | null; sourceAgency: string };

interface Ctx {
  client: SqlClient;
  contributor: Contributor;
  now: Date;
  write: boolean;
  columns: Map<string, Columns>;
}

/** In-batch records by key: visible to a record only when they come earlier in the batch. */
class BatchIndex<T> {
  private readonly m = new Map<string, { index: number; value: T }>();
  set(key: string, index: number, value: T) {
    this.m.set(key, { index, value });
  }
  before(key: string, index: number): T | undefined {
    const e = this.m.get(key);
    return e && e.index < index ? e.value : undefined;
  }
}

const keyOf = (agency: string, externalId: string) => `${agency}\u0000${externalId}`;

/** References resolved from what was read once for the segment plus the segment's earlier records. */
class References {
  cases = new Map<string, string>(); // "id:<id>" | "key:<agency>\0<externalId>" -> id
  orgs = new Map<string, OrgRow>();
  persons = new Map<string, string>(); // "id:<id>" | "key:<agency>\0<externalId>" (statement) -> personId
  batchCases = new BatchIndex<string>();
  batchOrgs = new BatchIndex<OrgRow>();
  batchPersons = new BatchIndex<string>();
  ownAgencyOrg: string | null = null;
  regions = new Set<string>();

  constructor(private readonly agency: string) {}

  private describe(ref: RecordRef) {
    return ref.id ? `id ${ref.id}` : `externalId ${ref.externalId} of ${ref.sourceAgency ?? this.agency}`;
  }
  private notFound(errors: FieldError[], path: Path, what: string, ref: RecordRef): null {
    errors.push(fieldError(path, "NOT_FOUND", `No ${what} with ${this.describe(ref)}.`));
    return null;
  }
  private lookupKey(ref: RecordRef) {
    return ref.id ? `id:${ref.id}` : `key:${keyOf(ref.sourceAgency ?? this.agency, ref.externalId!)}`;
  }
  private own(ref: RecordRef) {
    return !ref.id && (ref.sourceAgency ?? this.agency) === this.agency;
  }

  caseId(errors: FieldError[], path: Path, ref: RecordRef | null, at: number): string | null {
    if (!ref) return null;
    const id = (this.own(ref) ? this.batchCases.before(ref.externalId!, at) : undefined) ?? this.cases.get(this.lookupKey(ref));
    return id ?? this.notFound(errors, path, "case", ref);
  }
  org(errors: FieldError[], path: Path, ref: RecordRef | null, at: number, kinds?: readonly string[]): OrgRow | null {
    if (!ref) return null;
    const row = (this.own(ref) ? this.batchOrgs.before(ref.externalId!, at) : undefined) ?? this.orgs.get(this.lookupKey(ref));
    if (!row) return this.notFound(errors, path, "organization", ref);
    if (kinds && !kinds.includes(row.kind)) {
      errors.push(fieldError(path, "WRONG_KIND", `This field needs an organization of kind ${kinds.join(" or ")}.`));
      return null;
    }
    return row;
  }
  personId(errors: FieldError[], path: Path, ref: PersonRef | null, at: number): string | null {
    if (!ref) return null;
    const id = (this.own(ref) ? this.batchPersons.before(ref.externalId!, at) : undefined) ?? this.persons.get(this.lookupKey(ref));
    return id ?? this.notFound(errors, path, "person", ref);
  }
  checkRegions(errors: FieldError[], codes: Array<[Path, string | null | undefined]>) {
    for (const [path, code] of codes) {
      if (code && !this.regions.has(code)) errors.push(fieldError(path, "UNKNOWN_REGION", unknownRegionMessage(code)));
    }
  }
}

/** Reads, in a few statements, every row the segment's references may name. */
async function loadReferences(ctx: Ctx, records: readonly ParsedRecord[]): Promise<References> {
  const { client, contributor } = ctx;
  const agency = contributor.agency;
  const refs = new References(agency);
  const want = { Case: [] as RecordRef[], Organization: [] as RecordRef[], Person: [] as RecordRef[] };
  const regions = new Set<string>();
  let needsOwnOrg = false;
  for (const { type, input: i } of records) {
    const add = (t: keyof typeof want, r: RecordRef | null | undefined) => r && want[t].push(r);
    switch (type) {
      case "Person":
        if (i.originRegionCode) regions.add(i.originRegionCode);
        for (const d of i.documents as { nik: NikParts | null }[]) if (d.nik) regions.add(d.nik.regency);
        break;
      case "Organization":
        if (i.regionCode) regions.add(i.regionCode);
        break;
      case "Case":
        for (const c of [i.originRegionCode, i.recruitmentRegionCode]) if (c) regions.add(c);
        for (const a of i.assignedOrganizations) add("Organization", a.organization);
        break;
      case "EarlyWarningReport":
        regions.add(i.regionCode);
        add("Case", i.case);
        break;
      case "LegalProceeding":
        add("Case", i.case);
        break;
      case "ServiceReferral":
        if (!i.fromOrganization) needsOwnOrg = true;
        add("Organization", i.fromOrganization);
        add("Organization", i.toOrganization);
        add("Person", i.person);
        add("Case", i.case);
        break;
      case "CaseParticipant":
      case "BorderCrossing":
      case "Repatriation":
        add("Person", i.person);
        add("Case", i.case);
        add("Organization", i.suspectOrganization);
        add("Organization", i.receivingOrganization);
        break;
      case "MigrantPlacement":
        add("Person", i.worker);
        add("Case", i.case);
        add("Organization", i.p3mi);
        add("Organization", i.employer);
        break;
    }
  }
  const split = (rs: RecordRef[]) => {
    const own = new Set<string>();
    const ids = new Set<string>();
    const foreign: { sourceAgency: string; externalId: string }[] = [];
    for (const r of rs) {
      if (r.id) ids.add(r.id);
      else if ((r.sourceAgency ?? agency) === agency) own.add(r.externalId!);
      else foreign.push({ sourceAgency: r.sourceAgency!, externalId: r.externalId! });
    }
    return { own: [...own], ids: [...ids], foreign };
  };
  const scoped = (s: ReturnType<typeof split>, linkWhere: Record<string, unknown>) =>
    s.ids.length + s.foreign.length ? { AND: [{ OR: [...(s.ids.length ? [{ id: { in: s.ids } }] : []), ...s.foreign] }, linkWhere] } : null;
  const remember = <T>(map: Map<string, T>, row: { id: string; sourceAgency: string; externalId: string }, value: T) => {
    map.set(`id:${row.id}`, value);
    map.set(`key:${keyOf(row.sourceAgency, row.externalId)}`, value);
  };
  const tasks: Promise<unknown>[] = [];
  const select = { id: true, sourceAgency: true, externalId: true };
  const cases = split(want.Case);
  if (cases.own.length) tasks.push(client.case.findMany({ where: { sourceAgency: agency, externalId: { in: cases.own } }, select }).then((rows) => rows.forEach((r) => refs.cases.set(`key:${keyOf(agency, r.externalId)}`, r.id))));
  const casesScoped = scoped(cases, contributor.linkWhere("Case"));
  if (casesScoped) tasks.push(client.case.findMany({ where: casesScoped, select }).then((rows) => rows.forEach((r) => remember(refs.cases, r, r.id))));
  const orgs = split(want.Organization);
  const orgSelect = { ...select, kind: true, code: true };
  const orgRow = (r: OrgRow) => ({ id: r.id, kind: r.kind, code: r.code, sourceAgency: r.sourceAgency });
  if (orgs.own.length) tasks.push(client.organization.findMany({ where: { sourceAgency: agency, externalId: { in: orgs.own } }, select: orgSelect }).then((rows) => rows.forEach((r) => refs.orgs.set(`key:${keyOf(agency, r.externalId)}`, orgRow(r)))));
  const orgsScoped = scoped(orgs, contributor.linkWhere("Organization"));
  if (orgsScoped) tasks.push(client.organization.findMany({ where: orgsScoped, select: orgSelect }).then((rows) => rows.forEach((r) => remember(refs.orgs, r, orgRow(r)))));
  if (needsOwnOrg) tasks.push(client.organization.findUnique({ where: { code: agency }, select: { id: true } }).then((r) => (refs.ownAgencyOrg = r?.id ?? null)));
  const persons = split(want.Person);
  if (persons.own.length) {
    tasks.push(
      client.personStatement
        .findMany({ where: { sourceAgency: agency, externalId: { in: persons.own } }, select: { personId: true, externalId: true } })
        .then((rows) => rows.forEach((r) => refs.persons.set(`key:${keyOf(agency, r.externalId)}`, r.personId))),
    );
  }
  if (persons.ids.length) {
    tasks.push(
      client.person.findMany({ where: { AND: [{ id: { in: persons.ids } }, contributor.linkWhere("Person")] }, select: { id: true } }).then((rows) => rows.forEach((r) => refs.persons.set(`id:${r.id}`, r.id))),
    );
  }
  if (persons.foreign.length) {
    tasks.push(
      client.personStatement
        .findMany({ where: { OR: persons.foreign, person: contributor.linkWhere("Person") }, select: { personId: true, sourceAgency: true, externalId: true } })
        .then((rows) => rows.forEach((r) => refs.persons.set(`key:${keyOf(r.sourceAgency, r.externalId)}`, r.personId))),
    );
  }
  if (regions.size) tasks.push(client.region.findMany({ where: { code: { in: [...regions] } }, select: { code: true } }).then((rows) => rows.forEach((r) => refs.regions.add(r.code))));
  // Sequential on a transaction client (one connection); concurrent on the pool otherwise.
  if (ctx.write) for (const t of tasks) await t;
  else await Promise.all(tasks);
  return refs;
}

/** Stored rows of the segment's records, by type and externalId. */
export type StoredRecords = Map<RecordType, Map<string, StoredRecord>>;

/** The contributor's stored rows of these records (one statement per record type). */
export function storedRecords(client: SqlClient, contributor: Contributor, records: readonly ParsedRecord[]): Promise<StoredRecords> {
  return loadExisting({ client, contributor, now: new Date(), write: false, columns: new Map() }, records);
}

async function loadExisting(ctx: Ctx, records: readonly ParsedRecord[]): Promise<StoredRecords> {
  const byType = new Map<RecordType, string[]>();
  for (const r of records) {
    const ids = byType.get(r.type);
    if (ids) ids.push(r.input.externalId);
    else byType.set(r.type, [r.input.externalId]);
  }
  const out = new Map<RecordType, Map<string, StoredRecord>>();
  const load = async (type: RecordType, ids: string[]) => {
    const rows = (await delegate(ctx.client, TABLE[type]).findMany({ where: { sourceAgency: ctx.contributor.agency, externalId: { in: ids } } })) as StoredRecord[];
    out.set(type, new Map(rows.map((r) => [r.externalId as string, r])));
  };
  // Sequential on a transaction client (one connection); concurrent on the pool otherwise.
  if (ctx.write) for (const [type, ids] of byType) await load(type, ids);
  else await Promise.all([...byType].map(([type, ids]) => load(type, ids)));
  return out;
}

const STATEMENT_FIELDS = ["fullName", "aliases", "birthDate", "sex", "nationality", "originRegionCode", "phone", "email", "address"] as const;

type DocRow = { id: string; personId: string; statementId: string; type: string; number: string; issuingCountry: string; flags: string[] };

/** Collected writes of one table: rows to insert and rows to update (by id). */
class Writes {
  readonly inserts = new Map<string, Record<string, unknown>[]>();
  readonly updates = new Map<string, Record<string, unknown>[]>();
  readonly deletes = new Map<string, string[]>();
  insert(table: string, row: Record<string, unknown>) {
    Writes.add(this.inserts, table, [row]);
  }
  update(table: string, row: Record<string, unknown>) {
    Writes.add(this.updates, table, [row]);
  }
  remove(table: string, ids: string[]) {
    Writes.add(this.deletes, table, ids);
  }
  private static add<T>(m: Map<string, T[]>, table: string, items: T[]) {
    const list = m.get(table);
    if (list) list.push(...items);
    else m.set(table, [...items]);
  }
}

function rejectedResult(r: ParsedRecord, errors: FieldError[], currentVersion: number | null = null): Planned {
  return {
    result: { index: r.index, recordType: r.type, externalId: r.input.externalId, status: "REJECTED", id: null, version: null, currentVersion, errors, warnings: [], fieldsWritten: [] },
    recordIds: [],
  };
}

function versionConflict(expected: number | null, existing: StoredRecord | null): { errors: FieldError[]; current: number | null } | null {
  if (expected == null) return null;
  const current = existing?.version ?? 0;
  if (expected === current) return null;
  return {
    errors: [
      fieldError(
        ["expectedVersion"],
        "VERSION_CONFLICT",
        existing
          ? `Your record is at version ${current}, not ${expected}. Fetch it again, reapply your change and resend with expectedVersion ${current}.`
          : `Your record does not exist yet; send expectedVersion 0 or omit it to create it.`,
      ),
    ],
    current: existing ? current : null,
  };
}

/**
 * The per-record path's writeRecord, deferred: decides CREATED / UPDATED / UNCHANGED and queues
 * the row. Returns the outcome with the record's id (a new uuid when created).
 */
function queueRecord(ctx: Ctx, w: Writes, r: ParsedRecord, existing: StoredRecord | null, data: Record<string, unknown>, extraChanged: string[] = [], id?: string) {
  const table = TABLE[r.type];
  const diff = diffRecord(r.input, existing, data, extraChanged);
  const { contributor, now } = ctx;
  if (diff.status === "CREATED") {
    const newId = id ?? randomUUID();
    w.insert(table, {
      id: newId,
      ...data,
      sourceAgency: contributor.agency,
      sourceSystem: r.input.sourceSystem,
      externalId: r.input.externalId,
      contributedAt: now,
      contributedBy: contributor.subject,
      version: 1,
      updatedAt: now,
    });
    return { status: diff.status, id: newId, version: 1, fieldsWritten: diff.fieldsWritten };
  }
  if (diff.status === "UPDATED") {
    w.update(table, { id: existing!.id, ...data, sourceSystem: r.input.sourceSystem, contributedBy: contributor.subject, updatedAt: now });
    return { status: diff.status, id: existing!.id, version: existing!.version + 1, fieldsWritten: diff.fieldsWritten };
  }
  return { status: diff.status, id: existing!.id, version: existing!.version, fieldsWritten: [] as string[] };
}

const accepted = (r: ParsedRecord, o: { status: "CREATED" | "UPDATED" | "UNCHANGED"; id: string; version: number; fieldsWritten: string[] }, warnings: FieldError[], recordIds: string[]): Planned => ({
  result: { index: r.index, recordType: r.type, externalId: r.input.externalId, status: o.status, id: o.id, version: o.version, currentVersion: null, errors: [], warnings, fieldsWritten: o.fieldsWritten },
  recordIds,
});

/** Plans (and with ctx.write, writes) persons: matching by NIK/passport, statements, documents. */
async function planPersons(ctx: Ctx, w: Writes, records: ParsedRecord[], existing: Map<string, StoredRecord>, refs: References, out: Map<number, Planned>) {
  if (!records.length) return { touched: new Set<string>() };
  const { client } = ctx;
  const matchingNumbers = new Set<string>();
  for (const r of records) for (const d of r.input.documents) if (MATCHING_DOCUMENT_TYPES.includes(d.type)) matchingNumbers.add(d.number);
  const existingIds = [...existing.values()].map((s) => s.id);
  const holderRows: DocRow[] = matchingNumbers.size ? await client.identityDocument.findMany({ where: { number: { in: [...matchingNumbers] } } }) : [];
  const storedDocs: DocRow[] = existingIds.length ? await client.identityDocument.findMany({ where: { statementId: { in: existingIds } } }) : [];
  // documentKey -> statementId -> personId, kept current as the segment's statements change.
  const holders = new Map<string, Map<string, string>>();
  const hold = (key: string, statementId: string, personId: string) => {
    let m = holders.get(key);
    if (!m) holders.set(key, (m = new Map()));
    m.set(statementId, personId);
  };
  for (const h of holderRows) hold(documentKey(h), h.statementId, h.personId);
  const docsOf = new Map<string, DocRow[]>();
  for (const d of storedDocs) docsOf.set(d.statementId, [...(docsOf.get(d.statementId) ?? []), d]);
  const touched = new Set<string>();
  const newPersons = new Map<string, StatementForResolution[]>();

  for (const r of records) {
    const input = r.input;
    const stored = existing.get(input.externalId) ?? null;
    const conflict = versionConflict(input.expectedVersion, stored);
    if (conflict) {
      out.set(r.index, rejectedResult(r, conflict.errors, conflict.current));
      continue;
    }
    const errors: FieldError[] = [];
    refs.checkRegions(errors, [[["originRegionCode"], input.originRegionCode]]);
    input.documents.forEach((d: { nik: NikParts | null }, i: number) => {
      if (d.nik && !refs.regions.has(d.nik.regency)) errors.push(fieldError(["documents", i, "number"], "NIK_REGION", nikRegionMessage(d.nik.regency)));
    });
    if (errors.length) {
      out.set(r.index, rejectedResult(r, errors));
      continue;
    }
    const documents = input.documents as { type: string; number: string; issuingCountry: string; nik: NikParts | null }[];
    const matching = documents.filter((d) => MATCHING_DOCUMENT_TYPES.includes(d.type as never));
    const personOf = new Map<string, Set<string>>();
    const candidates = new Set<string>();
    for (const d of matching) {
      const k = documentKey(d);
      for (const p of holders.get(k)?.values() ?? []) {
        personOf.set(k, (personOf.get(k) ?? new Set()).add(p));
        candidates.add(p);
      }
    }
    const ownPerson = (stored?.personId as string | undefined) ?? null;
    if (ownPerson) candidates.add(ownPerson);
    if (candidates.size > 1) {
      const conflicting = documents
        .map((d, i) => [i, personOf.get(documentKey(d))] as const)
        .filter(([, ps]) => ps && (ps.size > 1 || (ownPerson ? !ps.has(ownPerson) : true)))
        .map(([i]) => i);
      out.set(
        r.index,
        rejectedResult(
          r,
          (conflicting.length ? conflicting : [0]).map((i) =>
            fieldError(
              ["documents", i],
              "IDENTITY_CONFLICT",
              ownPerson
                ? "This document is already recorded for a different person than the one your record is linked to. Persons are never merged automatically; ask the hub administrators to review."
                : "Your documents identify two different persons already in the hub. Persons are never merged automatically; ask the hub administrators to review.",
            ),
          ),
        ),
      );
      continue;
    }
    let personId = ownPerson ?? [...candidates][0];
    const newPerson = !personId;
    if (!personId) personId = randomUUID();

    const warnings: FieldError[] = [];
    const wanted = documents.map((d, i) => {
      const flags = d.nik ? nikFlags(d.nik, { sex: input.sex, birthDate: input.birthDate }) : [];
      for (const f of flags) warnings.push(fieldError(["documents", i, "number"], f as "NIK_SEX_MISMATCH" | "NIK_BIRTHDATE_MISMATCH", f === "NIK_SEX_MISMATCH" ? "The NIK encodes a different sex than the one recorded; stored with a flag." : "The NIK encodes a different birth date than the one recorded; stored with a flag."));
      return { type: d.type, number: d.number, issuingCountry: d.issuingCountry, flags };
    });
    const storedDocsOf = stored ? (docsOf.get(stored.id) ?? []) : [];
    const storedByKey = new Map(storedDocsOf.map((s) => [documentKey(s), s]));
    const wantedKeys = new Set(wanted.map(documentKey));
    const toDelete = storedDocsOf.filter((s) => !wantedKeys.has(documentKey(s)));
    const toCreate = wanted.filter((x) => !storedByKey.has(documentKey(x)));
    const toReflag = wanted.filter((x) => {
      const s = storedByKey.get(documentKey(x));
      return s && !sameValue([...s.flags].sort(), [...x.flags].sort());
    });
    const documentsChanged = toDelete.length + toCreate.length + toReflag.length > 0;

    const data: Record<string, unknown> = { personId };
    for (const f of STATEMENT_FIELDS) data[f] = input[f];
    const outcome = queueRecord(ctx, w, r, stored, data, documentsChanged ? ["documents"] : []);
    refs.batchPersons.set(input.externalId, r.index, personId);
    if (outcome.status === "UNCHANGED") {
      out.set(r.index, accepted(r, { ...outcome, id: personId }, warnings, [personId, outcome.id]));
      continue;
    }
    const statementId = outcome.id;
    if (newPerson) newPersons.set(personId, []);
    // A Person created in this segment has only this segment's statements: resolved in memory.
    const statementOf = newPersons.get(personId);
    if (statementOf) statementOf.push({ id: outcome.id, sourceAgency: ctx.contributor.agency, agencyType: null, contributedAt: ctx.now, updatedAt: ctx.now, ...(data as Omit<StatementForResolution, "id" | "sourceAgency" | "agencyType" | "contributedAt" | "updatedAt">) });
    else touched.add(personId);
    if (toDelete.length) w.remove("IdentityDocument", toDelete.map((d) => d.id));
    for (const d of toCreate) w.insert("IdentityDocument", { id: randomUUID(), type: d.type, number: d.number, issuingCountry: d.issuingCountry, flags: d.flags, personId, statementId });
    for (const d of toReflag) w.update("IdentityDocument", { id: storedByKey.get(documentKey(d))!.id, flags: d.flags });
    // Later records of the segment see this statement's documents as the database would.
    for (const d of toDelete) holders.get(documentKey(d))?.delete(statementId);
    for (const d of wanted) if (MATCHING_DOCUMENT_TYPES.includes(d.type as never)) hold(documentKey(d), statementId, personId);
    out.set(r.index, accepted(r, { ...outcome, id: personId }, warnings, [personId, statementId]));
  }
  if (ctx.write && newPersons.size) {
    const own = await client.organization.findUnique({ where: { code: ctx.contributor.agency }, select: { agencyType: true } });
    for (const [id, statements] of newPersons) {
      const { resolved } = resolveStatements(statements.map((st) => ({ ...st, agencyType: own?.agencyType ?? null })));
      w.insert("Person", { id, createdByAgency: ctx.contributor.agency, updatedAt: ctx.now, ...resolved });
    }
  }
  return { touched };
}

/** recomputePerson for many persons: their resolved columns from all their statements. */
async function recomputePersons(ctx: Ctx, personIds: Set<string>) {
  if (!personIds.size) return;
  const { client } = ctx;
  const ids = [...personIds];
  const statements = await client.personStatement.findMany({ where: { personId: { in: ids } } });
  const agencies = [...new Set(statements.map((s) => s.sourceAgency))];
  const orgs = await client.organization.findMany({ where: { code: { in: agencies } }, select: { code: true, agencyType: true } });
  const typeOf = new Map(orgs.map((o) => [o.code, o.agencyType]));
  const persons = await client.person.findMany({ where: { id: { in: ids } } });
  const byPerson = new Map<string, StatementForResolution[]>();
  for (const s of statements) byPerson.set(s.personId, [...(byPerson.get(s.personId) ?? []), { ...s, agencyType: typeOf.get(s.sourceAgency) ?? null }]);
  const rows: Record<string, unknown>[] = [];
  for (const p of persons) {
    const { resolved } = resolveStatements(byPerson.get(p.id) ?? []);
    const changed = Object.entries(resolved).some(([k, v]) => !sameValue((p as Record<string, unknown>)[k], v));
    if (changed) rows.push({ id: p.id, ...resolved, updatedAt: ctx.now });
  }
  await updateRows(client, ctx.columns.get("Person")!, "Person", rows);
}

const CASE_FIELDS = [
  "title", "status", "modus", "exploitationTypes", "sexExploitationTypes", "forcedLabourIndustry", "recruitmentMethods", "controlMethods", "recruitmentApps",
  "originRegionCode", "recruitmentRegionCode", "transitCountries", "transitBorderPost", "destinationCountry", "destinationCity", "identifiedAt",
  "exploitationStartedAt", "exploitationEndedAt", "closedAt", "closureReason", "summary",
] as const;

async function planCases(ctx: Ctx, w: Writes, records: ParsedRecord[], existing: Map<string, StoredRecord>, refs: References, out: Map<number, Planned>) {
  if (!records.length) return;
  const existingIds = [...existing.values()].map((c) => c.id);
  const assignments = existingIds.length ? await ctx.client.caseAssignment.findMany({ where: { caseId: { in: existingIds } } }) : [];
  const storedOf = new Map<string, typeof assignments>();
  for (const a of assignments) storedOf.set(a.caseId, [...(storedOf.get(a.caseId) ?? []), a]);
  for (const r of records) {
    const input = r.input;
    const stored = existing.get(input.externalId) ?? null;
    const conflict = versionConflict(input.expectedVersion, stored);
    if (conflict) {
      out.set(r.index, rejectedResult(r, conflict.errors, conflict.current));
      continue;
    }
    const errors: FieldError[] = [];
    refs.checkRegions(errors, [
      [["originRegionCode"], input.originRegionCode],
      [["recruitmentRegionCode"], input.recruitmentRegionCode],
    ]);
    const wanted: { organizationId: string; purpose: string }[] = [];
    for (const [i, a] of (input.assignedOrganizations as { organization: RecordRef; purpose: string }[]).entries()) {
      const org = refs.org(errors, ["assignedOrganizations", i, "organization"], a.organization, r.index);
      if (!org) continue;
      if (wanted.some((x) => x.organizationId === org.id && x.purpose === a.purpose)) {
        errors.push({ path: ["assignedOrganizations", String(i)], code: "DUPLICATE_VALUE", message: "The same organization is assigned twice for the same purpose." });
      } else wanted.push({ organizationId: org.id, purpose: a.purpose });
    }
    if (errors.length) {
      out.set(r.index, rejectedResult(r, errors));
      continue;
    }
    const key = (a: { organizationId: string; purpose: string }) => `${a.organizationId}|${a.purpose}`;
    const storedAssignments = stored ? (storedOf.get(stored.id) ?? []) : [];
    const wantedKeys = new Set(wanted.map(key));
    const storedKeys = new Set(storedAssignments.map(key));
    const toDelete = storedAssignments.filter((s) => !wantedKeys.has(key(s)));
    const toCreate = wanted.filter((x) => !storedKeys.has(key(x)));
    const data: Record<string, unknown> = {};
    for (const f of CASE_FIELDS) data[f] = input[f];
    const outcome = queueRecord(ctx, w, r, stored, data, toDelete.length + toCreate.length ? ["assignedOrganizations"] : []);
    if (toDelete.length) w.remove("CaseAssignment", toDelete.map((d) => d.id));
    for (const a of toCreate) w.insert("CaseAssignment", { id: randomUUID(), ...a, caseId: outcome.id, assignedAt: ctx.now });
    refs.batchCases.set(input.externalId, r.index, outcome.id);
    out.set(r.index, accepted(r, outcome, [], [outcome.id]));
  }
}

function planOrganizations(ctx: Ctx, w: Writes, records: ParsedRecord[], existing: Map<string, StoredRecord>, refs: References, out: Map<number, Planned>) {
  for (const r of records) {
    const input = r.input;
    const stored = existing.get(input.externalId) ?? null;
    const conflict = versionConflict(input.expectedVersion, stored);
    if (conflict) {
      out.set(r.index, rejectedResult(r, conflict.errors, conflict.current));
      continue;
    }
    const errors: FieldError[] = [];
    refs.checkRegions(errors, [[["regionCode"], input.regionCode]]);
    if (errors.length) {
      out.set(r.index, rejectedResult(r, errors));
      continue;
    }
    const outcome = queueRecord(ctx, w, r, stored, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      agencyType: input.agencyType,
      regionCode: input.regionCode,
      country: input.country ?? "ID",
      licenceNumber: input.licenceNumber,
      licenceStatus: input.licenceStatus,
    });
    // A registered agency's code and type rank its statements about persons: that re-resolution
    // stays with the per-record path.
    if (stored?.code && (outcome.fieldsWritten.includes("code") || outcome.fieldsWritten.includes("agencyType"))) throw new NeedsPerRecordPath();
    refs.batchOrgs.set(input.externalId, r.index, { id: outcome.id, kind: input.kind, code: null, sourceAgency: ctx.contributor.agency });
    out.set(r.index, accepted(r, outcome, [], [outcome.id]));
  }
}

/** Column values of a record that links to other records, or its field errors. */
function dependentData(ctx: Ctx, refs: References, r: ParsedRecord, stored: StoredRecord | null): { errors: FieldError[]; data: Record<string, unknown> } {
  const i = r.input;
  const at = r.index;
  const errors: FieldError[] = [];
  const agency = ctx.contributor.agency;
  switch (r.type) {
    case "CaseParticipant": {
      const caseId = refs.caseId(errors, ["case"], i.case, at);
      const personId = refs.personId(errors, ["person"], i.person, at);
      const suspectOrganizationId = refs.org(errors, ["suspectOrganization"], i.suspectOrganization, at)?.id ?? null;
      return {
        errors,
        data: {
          caseId, personId, opensScope: null, role: i.role, traffickingStatus: i.traffickingStatus, ageAtExploitation: i.ageAtExploitation,
          isChild: i.ageAtExploitation != null && i.ageAtExploitation < 18, needs: i.needs, relationshipToTrafficker: i.relationshipToTrafficker,
          consentAgencies: i.consentAgencies, suspectRoles: i.suspectRoles, suspectOrganizationId, roleDetails: i.roleDetails,
        },
      };
    }
    case "MigrantPlacement": {
      const workerId = refs.personId(errors, ["worker"], i.worker, at);
      const caseId = refs.caseId(errors, ["case"], i.case, at);
      const p3miId = refs.org(errors, ["p3mi"], i.p3mi, at, ["P3MI"])?.id ?? null;
      const employerId = refs.org(errors, ["employer"], i.employer, at, ["EMPLOYER"])?.id ?? null;
      return {
        errors,
        data: {
          workerId, caseId, opensScope: null, p3miId, employerId, destinationCountry: i.destinationCountry, destinationCity: i.destinationCity,
          jobTitle: i.jobTitle, industry: i.industry, procedural: i.procedural, idPmi: i.idPmi, departureDate: i.departureDate, returnDate: i.returnDate,
        },
      };
    }
    case "BorderCrossing": {
      const personId = refs.personId(errors, ["person"], i.person, at);
      const caseId = refs.caseId(errors, ["case"], i.case, at);
      return {
        errors,
        data: {
          personId, caseId, opensScope: null, direction: i.direction, post: i.post, postName: i.postName, documentType: i.documentType,
          documentNumber: i.documentNumber, counterpartCountry: i.counterpartCountry, crossedAt: i.crossedAt, deportation: i.deportation,
        },
      };
    }
    case "Repatriation": {
      const personId = refs.personId(errors, ["person"], i.person, at);
      const caseId = refs.caseId(errors, ["case"], i.case, at);
      const receivingOrganizationId = refs.org(errors, ["receivingOrganization"], i.receivingOrganization, at)?.id ?? null;
      return { errors, data: { personId, caseId, opensScope: null, fromCountry: i.fromCountry, arrivalPoint: i.arrivalPoint, arrivedAt: i.arrivedAt, receivingOrganizationId } };
    }
    case "ServiceReferral": {
      const storedStatus = stored?.status as keyof typeof REFERRAL_TRANSITIONS | undefined;
      if (storedStatus && storedStatus !== i.status && !REFERRAL_TRANSITIONS[storedStatus].includes(i.status)) {
        errors.push(fieldError(["status"], "INVALID_TRANSITION", `Your referral is ${storedStatus}; it cannot become ${i.status}.`));
      }
      const personId = refs.personId(errors, ["person"], i.person, at);
      const caseId = refs.caseId(errors, ["case"], i.case, at);
      let fromOrganizationId: string | null;
      if (i.fromOrganization) {
        const from = refs.org(errors, ["fromOrganization"], i.fromOrganization, at);
        fromOrganizationId = from?.id ?? null;
        if (from && from.code !== agency && from.sourceAgency !== agency) {
          errors.push(
            fieldError(["fromOrganization"], "NOT_PERMITTED", `A referral is sent by your own agency (${agency}) or one of the organizations it contributed; leave fromOrganization out to use your agency.`),
          );
        }
      } else {
        fromOrganizationId = refs.ownAgencyOrg;
        if (!fromOrganizationId) errors.push(fieldError(["fromOrganization"], "REQUIRED", `Your agency (${agency}) has no organization record yet; contribute it with your agency code, or give fromOrganization.`));
      }
      const toOrganizationId = refs.org(errors, ["toOrganization"], i.toOrganization, at)?.id ?? null;
      return {
        errors,
        data: {
          personId, caseId, opensScope: null, fromOrganizationId, toOrganizationId, serviceType: i.serviceType, status: i.status, requestedAt: i.requestedAt,
          acceptedAt: i.acceptedAt, startedAt: i.startedAt, completedAt: i.completedAt, declinedAt: i.declinedAt, declineReason: i.declineReason, notes: i.notes,
        },
      };
    }
    case "LegalProceeding": {
      const caseId = refs.caseId(errors, ["case"], i.case, at);
      return {
        errors,
        data: {
          caseId, policeReportNumber: i.policeReportNumber, stage: i.stage, stageDate: i.stageDate, defendantName: i.defendantName, courtName: i.courtName,
          courtCaseNumber: i.courtCaseNumber, verdict: i.verdict, verdictDate: i.verdictDate, sentenceMonths: i.sentenceMonths, restitutionAmount: i.restitutionAmount,
        },
      };
    }
    case "EarlyWarningReport": {
      refs.checkRegions(errors, [[["regionCode"], i.regionCode]]);
      const caseId = refs.caseId(errors, ["case"], i.case, at);
      return {
        errors,
        data: { source: i.source, regionCode: i.regionCode, status: i.status, reportedAt: i.reportedAt, description: i.description, suspectedRecruiter: i.suspectedRecruiter, caseId },
      };
    }
    default:
      throw new Error(`not a dependent record type: ${r.type}`);
  }
}

/**
 * links.ts's opensScope for many records: the stored answer when the links did not change, else
 * whether the contributor can read the linked person and case now (two statements in all).
 */
async function opensScopes(ctx: Ctx, items: { data: Record<string, unknown>; stored: StoredRecord | null; personKey: string }[]) {
  const pending: typeof items = [];
  for (const it of items) {
    const personId = (it.data[it.personKey] as string | null) ?? null;
    const caseId = (it.data.caseId as string | null) ?? null;
    const s = it.stored;
    const storedPerson = s ? ((s[it.personKey] as string | null) ?? null) : null;
    if (s && typeof s.opensScope === "boolean" && storedPerson === personId && ((s.caseId as string | null) ?? null) === caseId) it.data.opensScope = s.opensScope;
    else pending.push(it);
  }
  if (!pending.length) return;
  if (!ctx.write) {
    // Deciding the status only: links changed or the record is new, so it is written either way.
    for (const it of pending) it.data.opensScope = true;
    return;
  }
  const personIds = [...new Set(pending.map((it) => it.data[it.personKey] as string | null).filter((x): x is string => !!x))];
  const caseIds = [...new Set(pending.map((it) => it.data.caseId as string | null).filter((x): x is string => !!x))];
  const readablePersons = new Set(
    personIds.length ? (await ctx.client.person.findMany({ where: { AND: [{ id: { in: personIds } }, ctx.contributor.readWhere("Person")] }, select: { id: true } })).map((p) => p.id) : [],
  );
  const readableCases = new Set(
    caseIds.length ? (await ctx.client.case.findMany({ where: { AND: [{ id: { in: caseIds } }, ctx.contributor.readWhere("Case")] }, select: { id: true } })).map((c) => c.id) : [],
  );
  for (const it of pending) {
    const personId = it.data[it.personKey] as string | null;
    const caseId = it.data.caseId as string | null;
    it.data.opensScope = !(personId && !readablePersons.has(personId)) && !(caseId && !readableCases.has(caseId));
  }
}

async function flush(ctx: Ctx, w: Writes, tables: readonly string[]) {
  for (const t of tables) {
    const cols = ctx.columns.get(t)!;
    await deleteRows(ctx.client, t, w.deletes.get(t) ?? []);
    await insertRows(ctx.client, cols, t, w.inserts.get(t) ?? []);
    await updateRows(ctx.client, cols, t, w.updates.get(t) ?? [], TABLE_HAS_VERSION.has(t) ? ["version"] : []);
    w.inserts.delete(t);
    w.updates.delete(t);
    w.deletes.delete(t);
  }
}

const TABLE_HAS_VERSION = new Set(Object.values(TABLE));
const DEPENDENTS: RecordType[] = ["CaseParticipant", "MigrantPlacement", "BorderCrossing", "Repatriation", "ServiceReferral", "LegalProceeding", "EarlyWarningReport"];

/** Advisory lock keys the per-record path takes for these records, in the order it takes them. */
export function lockKeysOf(agency: string, records: readonly ParsedRecord[]): string[] {
  const recordKeys = records.map((r) => `record:${r.type}:${agency}:${r.input.externalId}`).sort();
  const docKeys = new Set<string>();
  for (const r of records) {
    if (r.type !== "Person") continue;
    for (const d of r.input.documents) if (MATCHING_DOCUMENT_TYPES.includes(d.type)) docKeys.add(`person-document:${documentKey(d)}`);
  }
  return [...recordKeys, ...[...docKeys].sort()];
}

/**
 * Decides every record of the segment; with `write` (on a transaction client) also writes them,
 * set-based, in dependency order: organizations, persons, cases, then the records linking them.
 */
export async function planSegment(
  client: SqlClient,
  contributor: Contributor,
  now: Date,
  records: readonly ParsedRecord[],
  /** Column types (columnCatalog, read before the transaction): given, the segment is written. */
  columns: Map<string, Columns> | null,
  /** Stored rows already read for these records (without a transaction only). */
  preloaded?: StoredRecords,
): Promise<Map<number, Planned>> {
  const write = columns !== null;
  const ctx: Ctx = { client, contributor, now, write, columns: columns ?? new Map() };
  if (write) await lockKeys(client, lockKeysOf(contributor.agency, records));
  const [existing, refs] = write
    ? [await loadExisting(ctx, records), await loadReferences(ctx, records)]
    : await Promise.all([preloaded ?? loadExisting(ctx, records), loadReferences(ctx, records)]);
  const of = (t: RecordType) => records.filter((r) => r.type === t);
  const stored = (t: RecordType) => existing.get(t) ?? new Map<string, StoredRecord>();
  const out = new Map<number, Planned>();
  const w = new Writes();

  planOrganizations(ctx, w, of("Organization"), stored("Organization"), refs, out);
  const { touched } = await planPersons(ctx, w, of("Person"), stored("Person"), refs, out);
  await planCases(ctx, w, of("Case"), stored("Case"), refs, out);
  if (write) {
    await flush(ctx, w, ["Organization", "Person", "PersonStatement", "IdentityDocument", "Case", "CaseAssignment"]);
    await recomputePersons(ctx, touched);
  }

  const linking: { r: ParsedRecord; stored: StoredRecord | null; data: Record<string, unknown>; personKey: string }[] = [];
  for (const t of DEPENDENTS) {
    for (const r of of(t)) {
      const s = stored(t).get(r.input.externalId) ?? null;
      const conflict = versionConflict(r.input.expectedVersion, s);
      if (conflict) {
        out.set(r.index, rejectedResult(r, conflict.errors, conflict.current));
        continue;
      }
      const { errors, data } = dependentData(ctx, refs, r, s);
      if (errors.length) out.set(r.index, rejectedResult(r, errors));
      else linking.push({ r, stored: s, data, personKey: t === "MigrantPlacement" ? "workerId" : "personId" });
    }
  }
  await opensScopes(
    ctx,
    linking.filter((l) => "opensScope" in l.data),
  );
  for (const l of linking) {
    const outcome = queueRecord(ctx, w, l.r, l.stored, l.data);
    out.set(l.r.index, accepted(l.r, outcome, [], [outcome.id]));
  }
  if (write) await flush(ctx, w, DEPENDENTS.map((t) => TABLE[t]));
  return out;
}
