// From the register's rows and codes to the federated schema's PoldaInvestigation.
import type { InvestigationRow, Tahap } from "./register";

/** The register's stage codes (tahap) as the schema's PoldaInvestigationStage. */
export const STAGE: Record<Tahap, string> = {
  LIDIK: "PENYELIDIKAN",
  SIDIK: "PENYIDIKAN",
  P19: "P19",
  P21: "P21",
  TAHAP2: "TAHAP_II",
  SP3: "SP3",
  LIMPAH: "DILIMPAHKAN",
};

export interface PoldaInvestigation {
  reportNumber: string;
  reportDate: string;
  stage: string;
  stageSince: string;
  investigatorUnit: string;
  investigatorUnitRegion: string;
  notes: string | null;
}

export function toInvestigation(row: InvestigationRow): PoldaInvestigation {
  return {
    reportNumber: row.no_lp,
    reportDate: row.tgl_lp,
    stage: STAGE[row.tahap],
    stageSince: row.tgl_tahap,
    investigatorUnit: row.nama_satker,
    investigatorUnitRegion: row.kode_wilayah,
    notes: row.catatan,
  };
}
