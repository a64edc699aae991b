// BP3MI's placement register in its own JSON shape (field names as its SISKOP2MI export writes
// them), held in memory with the indexes its search endpoints use.
import type { DestinationCode, LicenceStatusCode, PlacementStatusCode, RouteCode, SectorCode } from "./codes";

/** One placement of a migrant worker (PMI), as BP3MI records it. Dates are `yyyy-mm-dd`. */
export interface Penempatan {
  /** BP3MI's registration number of the placement. */
  no_registrasi: string;
  /** The worker's ID PMI (procedural placements only). */
  id_pmi: string | null;
  /** Regional office (UPT) that registered the placement. */
  upt: string;
  jalur: RouteCode;
  pmi: {
    nama: string;
    nik: string | null;
    no_paspor: string | null;
    /** Kode wilayah of the worker's origin (desa/kelurahan or kecamatan). */
    kode_wilayah_asal: string | null;
  };
  /** The placement company, by its licence number (SIP3MI); null when none was involved. */
  p3mi: { nomor_sip3mi: string; nama: string } | null;
  penempatan: {
    kode_negara: DestinationCode;
    kota: string | null;
    jabatan: string | null;
    sektor: SectorCode | null;
    majikan: string | null;
  };
  status: { kode: PlacementStatusCode; sejak: string };
  tgl_daftar: string;
  tgl_berangkat: string;
  tgl_pulang: string | null;
}

/** A P3MI company on BP3MI's register, with its placement licence (SIP3MI). */
export interface P3mi {
  nomor_sip3mi: string;
  nama_perusahaan: string;
  status_izin: LicenceStatusCode;
  tgl_terbit: string;
  berlaku_sampai: string;
  upt: string;
  kode_wilayah: string | null;
}

export interface RegisterData {
  penempatan: Penempatan[];
  p3mi: P3mi[];
}

export interface PlacementSearch {
  nik?: readonly string[];
  no_paspor?: readonly string[];
  /** Kode wilayah prefixes the worker's origin must lie in (`61` covers `61.03.21.2001`); absent: no limit. */
  kode_wilayah?: readonly string[];
}

/** `code` lies in region `prefix` (itself or below it in the kode wilayah hierarchy). */
export function inRegion(code: string | null, prefixes: readonly string[]): boolean {
  return code !== null && prefixes.some((p) => code === p || code.startsWith(`${p}.`));
}

function index<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export class Register {
  private readonly byNik: Map<string, Penempatan[]>;
  private readonly byPassport: Map<string, Penempatan[]>;
  private readonly byLicence: Map<string, P3mi>;

  constructor(readonly data: RegisterData) {
    this.byNik = index(data.penempatan, (p) => p.pmi.nik);
    this.byPassport = index(data.penempatan, (p) => p.pmi.no_paspor);
    this.byLicence = new Map(data.p3mi.map((c) => [c.nomor_sip3mi, c]));
  }

  /** Placements of workers with any of the NIKs or passport numbers, each once, in registration order. */
  searchPlacements(q: PlacementSearch): Penempatan[] {
    const found = new Set<Penempatan>();
    for (const nik of q.nik ?? []) for (const p of this.byNik.get(nik) ?? []) found.add(p);
    for (const no of q.no_paspor ?? []) for (const p of this.byPassport.get(no) ?? []) found.add(p);
    const limit = q.kode_wilayah;
    return [...found]
      .filter((p) => !limit || inRegion(p.pmi.kode_wilayah_asal, limit))
      .sort((a, b) => a.tgl_daftar.localeCompare(b.tgl_daftar) || a.no_registrasi.localeCompare(b.no_registrasi));
  }

  /** The companies holding these licence numbers; unknown numbers are left out. */
  searchP3mi(numbers: readonly string[]): P3mi[] {
    return [...new Set(numbers)].flatMap((n) => this.byLicence.get(n) ?? []);
  }
}
