// BP3MI's subgraph: Person.bp3miPlacements and Organization.p3miLicence, live from BP3MI's REST
// service, mapped from BP3MI's JSON shape and codes (codes.ts) to the federation's schema. The
// adapter kit (src/federation) checks the gateway's token and applies POLICY.subgraphs.bp3mi.
import fs from "node:fs";
import path from "node:path";
import { DateResolver } from "graphql-scalars";
import type { Principal } from "../../src/auth/principal";
import { createSubgraph, documentNumbers, sourceUnavailable, type GatewayKeys, type Subgraph, type SubgraphContext } from "../../src/federation";
import type { Logger } from "../../src/logger";
import { Bp3miClient, Bp3miServiceError, type Bp3miClientOptions } from "./client";
import { DESTINATION, LICENCE_STATUS, lookup, PLACEMENT_STATUS, ROUTE, SECTOR } from "./codes";
import { inRegion, type P3mi, type Penempatan } from "./register";
import { MAX_SEARCH } from "./rest-service";

export const BP3MI_SDL = fs.readFileSync(path.join(__dirname, "schema.graphql"), "utf8");

export interface Bp3miSubgraphOptions {
  /** BP3MI's REST service. */
  rest: Bp3miClientOptions;
  /** The gateway's public keys (only its tokens for "bp3mi" are accepted). */
  gateway: GatewayKeys;
  /** The hub's audit hand-off endpoint, e.g. http://127.0.0.1:4001/federation/audit */
  hubAuditUrl: string;
  log?: Logger;
}

type Key = `NIK:${string}` | `PASSPORT:${string}`;

/** Placements per NIK/passport key: one REST search per request (per MAX_SEARCH numbers). */
async function placementsByKey(client: Bp3miClient, keys: readonly Key[]): Promise<Penempatan[][]> {
  const nik = keys.filter((k) => k.startsWith("NIK:")).map((k) => k.slice(4));
  const no_paspor = keys.filter((k) => k.startsWith("PASSPORT:")).map((k) => k.slice(9));
  const found: Penempatan[] = [];
  for (let i = 0; i < Math.max(nik.length, no_paspor.length); i += MAX_SEARCH) {
    found.push(...(await client.placements({ nik: nik.slice(i, i + MAX_SEARCH), no_paspor: no_paspor.slice(i, i + MAX_SEARCH) })));
  }
  return keys.map((k) => found.filter((p) => (k.startsWith("NIK:") ? `NIK:${p.pmi.nik}` : `PASSPORT:${p.pmi.no_paspor}`) === k));
}

/** BP3MI being down is SERVICE_UNAVAILABLE naming the subgraph; anything else stays an internal error. */
async function fromBp3mi<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof Bp3miServiceError && (err.status === undefined || err.status >= 500)) throw sourceUnavailable("bp3mi", "BP3MI's register");
    throw err;
  }
}

function placements(ctx: SubgraphContext, client: Bp3miClient) {
  return ctx.loader<Key, Penempatan[]>("bp3mi.placements", (keys) => fromBp3mi(() => placementsByKey(client, keys)));
}

function licences(ctx: SubgraphContext, client: Bp3miClient) {
  return ctx.loader<string, P3mi | null>("bp3mi.licences", (numbers) =>
    fromBp3mi(async () => {
      const found: P3mi[] = [];
      for (let i = 0; i < numbers.length; i += MAX_SEARCH) found.push(...(await client.licences(numbers.slice(i, i + MAX_SEARCH))));
      return numbers.map((n) => found.find((c) => c.nomor_sip3mi === n) ?? null);
    }),
  );
}

export function bp3miSubgraph(opts: Bp3miSubgraphOptions): Subgraph {
  const client = new Bp3miClient(opts.rest);
  return createSubgraph({
    name: "bp3mi",
    typeDefs: BP3MI_SDL,
    resolvers: {
      Date: DateResolver,
      Person: {
        // BP3MI matches a worker by NIK or passport: the numbers the caller sees in clear, nothing else.
        bp3miPlacements: async (person, _args, ctx: SubgraphContext) => {
          const keys: Key[] = [...documentNumbers(person, "NIK").map((n) => `NIK:${n}` as const), ...documentNumbers(person, "PASSPORT").map((n) => `PASSPORT:${n}` as const)];
          // load() per key, not loadMany(): a failed batch rejects here instead of hiding in the list.
          const lists = await Promise.all(keys.map((k) => placements(ctx, client).load(k)));
          const byNumber = new Map<string, Penempatan>();
          for (const p of lists.flat()) byNumber.set(p.no_registrasi, p);
          return [...byNumber.values()].sort((a, b) => a.tgl_daftar.localeCompare(b.tgl_daftar) || a.no_registrasi.localeCompare(b.no_registrasi));
        },
      },
      Organization: {
        p3miLicence: (org: { licenceNumber?: string | null }, _args, ctx: SubgraphContext) =>
          org.licenceNumber ? licences(ctx, client).load(org.licenceNumber) : null,
      },
      Bp3miPlacement: {
        registrationNumber: (p: Penempatan) => p.no_registrasi,
        idPmi: (p: Penempatan) => p.id_pmi,
        workerName: (p: Penempatan) => p.pmi.nama,
        passportNumber: (p: Penempatan) => p.pmi.no_paspor,
        originRegionCode: (p: Penempatan) => p.pmi.kode_wilayah_asal,
        office: (p: Penempatan) => p.upt,
        procedural: (p: Penempatan) => lookup(ROUTE, "route", p.jalur) === "procedural",
        p3mi: (p: Penempatan, _args, ctx: SubgraphContext) => (p.p3mi ? licences(ctx, client).load(p.p3mi.nomor_sip3mi) : null),
        destinationCountry: (p: Penempatan) => lookup(DESTINATION, "destination", p.penempatan.kode_negara).iso,
        destinationCity: (p: Penempatan) => p.penempatan.kota,
        job: (p: Penempatan) => p.penempatan.jabatan,
        sector: (p: Penempatan) => (p.penempatan.sektor ? lookup(SECTOR, "sector", p.penempatan.sektor) : null),
        employerName: (p: Penempatan) => p.penempatan.majikan,
        status: (p: Penempatan) => lookup(PLACEMENT_STATUS, "placement status", p.status.kode).schema,
        statusCode: (p: Penempatan) => p.status.kode,
        statusSince: (p: Penempatan) => p.status.sejak,
        registeredOn: (p: Penempatan) => p.tgl_daftar,
        departureDate: (p: Penempatan) => p.tgl_berangkat,
        returnDate: (p: Penempatan) => p.tgl_pulang,
      },
      P3miLicence: {
        licenceNumber: (c: P3mi) => c.nomor_sip3mi,
        companyName: (c: P3mi) => c.nama_perusahaan,
        status: (c: P3mi) => lookup(LICENCE_STATUS, "licence status", c.status_izin).schema,
        statusCode: (c: P3mi) => c.status_izin,
        issuedOn: (c: P3mi) => c.tgl_terbit,
        validUntil: (c: P3mi) => c.berlaku_sampai,
        office: (c: P3mi) => c.upt,
      },
    },
    scopes: {
      // POLICY.subgraphs.bp3mi.scopes.inJurisdiction: the worker's origin lies in the caller's territory.
      inJurisdiction: (p: Penempatan, principal: Principal) => principal.jurisdiction.length === 0 || inRegion(p.pmi.kode_wilayah_asal, principal.jurisdiction),
    },
    recordIds: { Bp3miPlacement: (p: Penempatan) => p.no_registrasi, P3miLicence: (c: P3mi) => c.nomor_sip3mi },
    gateway: opts.gateway,
    hubAuditUrl: opts.hubAuditUrl,
    ready: () => client.health(),
    log: opts.log,
  });
}
