// Imigrasi's subgraph: Person.borderCrossings, live from Imigrasi's own tables (simkim), matched
// by the passport numbers the caller sees in clear, mapped from Imigrasi's columns and codes
// (codes.ts) to the federation's schema. The adapter kit (src/federation) checks the gateway's
// token and applies POLICY.subgraphs.imigrasi.
import fs from "node:fs";
import path from "node:path";
import { DateTimeResolver } from "graphql-scalars";
import type { Principal } from "../../src/auth/principal";
import { createSubgraph, documentNumbers, type GatewayKeys, type Subgraph, type SubgraphContext } from "../../src/federation";
import type { Logger } from "../../src/logger";
import { CHECKPOINT_KIND, COUNTRY, decode, DIRECTION } from "./codes";
import { crossingsByPassport, type CrossingRow, type CrossingScope } from "./crossings";
import type { ImigrasiDb } from "./database";

export const IMIGRASI_SDL = fs.readFileSync(path.join(__dirname, "schema.graphql"), "utf8");

export interface ImigrasiSubgraphOptions {
  db: ImigrasiDb;
  /** The gateway's public keys (only its tokens for "imigrasi" are accepted). */
  gateway: GatewayKeys;
  /** The hub's audit hand-off endpoint, e.g. http://127.0.0.1:4001/federation/audit */
  hubAuditUrl: string;
  log?: Logger;
}

/** `code` lies in region `prefix` (itself or below it in the kode wilayah hierarchy). */
export function inRegion(code: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => code === p || code.startsWith(`${p}.`));
}

/**
 * The caller's row rule for crossings as SQL: when every alternative requires inJurisdiction, the
 * database filters by it too, so rows outside the caller's territory never leave it. The kit
 * still checks every row it returns.
 */
function sqlScope(ctx: SubgraphContext): CrossingScope | "none" {
  const rule = ctx.rowRule("ImigrasiCrossing");
  if (rule === "none") return "none";
  const territorial = rule !== "all" && rule.every((alt) => alt.includes("inJurisdiction"));
  return { jurisdiction: territorial && ctx.principal.jurisdiction.length ? ctx.principal.jurisdiction : null };
}

export function imigrasiSubgraph(opts: ImigrasiSubgraphOptions): Subgraph {
  const { db } = opts;
  return createSubgraph({
    name: "imigrasi",
    typeDefs: IMIGRASI_SDL,
    resolvers: {
      DateTime: DateTimeResolver,
      Person: {
        // One SQL query for every person of the request, by the passport numbers the caller sees in clear.
        borderCrossings: async (person, _args, ctx: SubgraphContext) => {
          const passports = documentNumbers(person, "PASSPORT");
          const scope = sqlScope(ctx);
          if (!passports.length || scope === "none") return [];
          const loader = ctx.loader<string, CrossingRow[]>("imigrasi.crossingsByPassport", async (numbers) => {
            const rows = await crossingsByPassport(db, numbers, scope);
            return numbers.map((n) => rows.filter((r) => r.no_dokumen === n));
          });
          // load() per number, not loadMany(): a failed batch rejects here instead of hiding in the list.
          const out = (await Promise.all(passports.map((n) => loader.load(n)))).flat();
          return out.sort((a, b) => a.waktu_perlintasan.getTime() - b.waktu_perlintasan.getTime() || a.no_register.localeCompare(b.no_register));
        },
      },
      ImigrasiCrossing: {
        registerNumber: (r: CrossingRow) => r.no_register,
        direction: (r: CrossingRow) => decode(DIRECTION, "direction (arah)", r.arah),
        crossedAt: (r: CrossingRow) => r.waktu_perlintasan,
        checkpoint: (r: CrossingRow) => r.nama_tpi,
        checkpointCode: (r: CrossingRow) => r.kode_tpi,
        checkpointKind: (r: CrossingRow) => decode(CHECKPOINT_KIND, "checkpoint kind (jenis_tpi)", r.jenis_tpi),
        checkpointRegionCode: (r: CrossingRow) => r.kode_wilayah,
        immigrationOffice: (r: CrossingRow) => r.kanim,
        travellerName: (r: CrossingRow) => r.nama_pelintas,
        passportNumber: (r: CrossingRow) => r.no_dokumen,
        nationality: (r: CrossingRow) => decode(COUNTRY, "country (kewarganegaraan)", r.kewarganegaraan),
        counterpartCountry: (r: CrossingRow) => decode(COUNTRY, "country (negara_asal_tujuan)", r.negara_asal_tujuan),
        deportation: (r: CrossingRow) => r.deportasi,
      },
    },
    scopes: {
      // POLICY.subgraphs.imigrasi.scopes.inJurisdiction: the checkpoint lies in the caller's territory.
      inJurisdiction: (r: CrossingRow, principal: Principal) => principal.jurisdiction.length === 0 || inRegion(r.kode_wilayah, principal.jurisdiction),
    },
    recordIds: { ImigrasiCrossing: (r: CrossingRow) => r.no_register },
    gateway: opts.gateway,
    hubAuditUrl: opts.hubAuditUrl,
    ready: () => db.query("SELECT 1"),
    log: opts.log,
  });
}
