// Synthetic persons: an identity (name, birth date, origin, NIK, contact), one statement per
// agency that knows the person, identity documents attached to the statement that reported them,
// and the Person row resolved from the statements by the hub's own precedence rules.
import type { IdentityDocumentType, Sex } from "../generated/prisma/client.ts";
import { resolvePerson, type StatementForResolution } from "../domain/person-resolution";
import { serviceAccount, type SeedContext } from "./context";
import { personName, nickname, foreignName, type NameGroup } from "./names";
import { passportNumber, type NikSex } from "./nik";
import type { Rng } from "./prng";
import { districtsIn, regionName, villagesIn } from "./regions";

export interface Identity {
  fullName: string;
  aliases: string[];
  sex: NikSex;
  birthDate: Date;
  nationality: string[];
  districtCode: string | null;
  originRegionCode: string | null;
  nik: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface DocumentDraft {
  type: IdentityDocumentType;
  number: string;
  issuingCountry?: string;
  flags?: string[];
}

/** What one agency says about the person, and the documents it saw. */
export interface StatementDraft {
  agency: string;
  system: string;
  at: Date;
  identity: Identity;
  documents: DocumentDraft[];
}

const GROUPS_KALBAR = [["MALAY", 34], ["DAYAK", 30], ["JAVANESE", 14], ["CHINESE_INDONESIAN", 16], ["BANJAR", 6]] as const;
const GROUPS_KALSEL = [["BANJAR", 80], ["JAVANESE", 14], ["DAYAK", 4], ["MALAY", 2]] as const;
const MOBILE_PREFIXES = ["811", "812", "813", "821", "822", "852", "853", "857", "858", "877", "878", "895", "896"];

function phone(rng: Rng): string {
  return `+62${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
}

export function pickDistrict(rng: Rng, province: "61" | "63"): string {
  return rng.pick(districtsIn(province)).code;
}

export function regencyName(code: string): string {
  return regionName(code.slice(0, 5));
}

/** An Indonesian identity registered in `districtCode` (a seeded kecamatan), with a unique NIK. */
export function indonesianIdentity(
  ctx: SeedContext,
  opts: { sex: NikSex; birthDate: Date; districtCode: string; group?: NameGroup; withNik?: boolean },
): Identity {
  const rng = ctx.rng;
  const province = opts.districtCode.slice(0, 2) as "61" | "63";
  const group = opts.group ?? rng.weighted(province === "63" ? GROUPS_KALSEL : GROUPS_KALBAR);
  const fullName = personName(rng, group, opts.sex);
  const village = rng.pick(villagesIn(opts.districtCode));
  const email = rng.chance(0.15)
    ? `${fullName.toLowerCase().replace(/[^a-z]+/g, ".")}${opts.birthDate.getUTCFullYear() % 100}@example.com`
    : null;
  return {
    fullName,
    aliases: rng.chance(0.2) ? [nickname(fullName)] : [],
    sex: opts.sex,
    birthDate: opts.birthDate,
    nationality: ["ID"],
    districtCode: opts.districtCode,
    originRegionCode: village.code,
    nik: opts.withNik === false ? null : ctx.nik.next(opts.districtCode, opts.birthDate, opts.sex),
    phone: rng.chance(0.7) ? phone(rng) : null,
    email,
    address: `RT ${String(rng.int(1, 12)).padStart(3, "0")}/RW ${String(rng.int(1, 6)).padStart(3, "0")}, ${village.name}`,
  };
}

/** A foreign national (suspect, agent) known by name; no NIK and no Indonesian origin. */
export function foreignIdentity(ctx: SeedContext, opts: { sex: NikSex; birthDate: Date; country: string }): Identity {
  return {
    fullName: foreignName(ctx.rng, opts.country),
    aliases: [],
    sex: opts.sex,
    birthDate: opts.birthDate,
    nationality: [opts.country],
    districtCode: null,
    originRegionCode: null,
    nik: null,
    phone: null,
    email: null,
    address: null,
  };
}

export function nikDocument(identity: Identity): DocumentDraft[] {
  return identity.nik ? [{ type: "NIK", number: identity.nik }] : [];
}

export function passportDocument(ctx: SeedContext, issuingCountry = "ID"): DocumentDraft {
  return { type: "PASSPORT", number: passportNumber(ctx.nextPassportCounter()), issuingCountry };
}

/**
 * Adds a Person with its statements and documents to the batch. The Person's own fields are
 * what resolvePerson chooses from the statements, exactly as contributions will compute them.
 */
export function addPerson(ctx: SeedContext, drafts: readonly StatementDraft[]): { personId: string; statementIds: string[] } {
  const personId = ctx.id();
  const statements: StatementForResolution[] = [];
  for (const d of drafts) {
    const id = ctx.id();
    const i = d.identity;
    const row = {
      id,
      personId,
      fullName: i.fullName,
      aliases: i.aliases,
      birthDate: i.birthDate,
      sex: i.sex as Sex,
      nationality: i.nationality,
      originRegionCode: i.originRegionCode,
      phone: i.phone,
      email: i.email,
      address: i.address,
    };
    statements.push({ ...row, sourceAgency: d.agency, agencyType: ctx.orgs.agencyType(d.agency), contributedAt: d.at, updatedAt: d.at });
    ctx.batch.personStatements.push({
      ...row,
      sourceAgency: d.agency,
      sourceSystem: d.system,
      externalId: ctx.externalId(d.agency, "ORANG", d.at),
      contributedAt: d.at,
      contributedBy: serviceAccount(d.agency, d.system),
      updatedAt: d.at,
      version: 1,
    });
    for (const doc of d.documents) {
      ctx.batch.identityDocuments.push({
        id: ctx.id(),
        personId,
        statementId: id,
        type: doc.type,
        number: doc.number,
        issuingCountry: doc.issuingCountry ?? "ID",
        flags: doc.flags ?? [],
        createdAt: d.at,
      });
    }
  }
  const { resolved } = resolvePerson(statements);
  const times = drafts.map((d) => d.at.getTime());
  ctx.batch.persons.push({
    id: personId,
    ...resolved,
    // The agency that reported the person first created the Person.
    createdByAgency: [...drafts].sort((a, b) => a.at.getTime() - b.at.getTime())[0]?.agency ?? null,
    createdAt: new Date(Math.min(...times)),
    updatedAt: new Date(Math.max(...times)),
  });
  return { personId, statementIds: statements.map((s) => s.id) };
}
