// What an officer reads in an import report: every code, in Bahasa Indonesia and in English.
// The hub's own field error codes (src/contribute/result.ts) and the import's codes (below).
import type { FieldErrorCode } from "../contribute/result";

/** Codes the import itself gives (transforms, rows, references between a row's records). */
export const IMPORT_ERROR_CODES = [
  "VALUE_NOT_MAPPED",
  "INVALID_DATE",
  "INVALID_NUMBER",
  "INVALID_BOOLEAN",
  "EXTERNAL_ID_BLANK",
  "ROW_REJECTED",
  "DEPENDS_ON_REJECTED",
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];
export type ReportCode = FieldErrorCode | ImportErrorCode;

export interface Bilingual {
  id: string;
  en: string;
}

export const MESSAGES: Record<ReportCode, Bilingual> = {
  // src/contribute/result.ts
  REQUIRED: { id: "Kolom wajib diisi tetapi kosong.", en: "A required field is missing or blank." },
  INVALID_TYPE: { id: "Jenis nilai salah.", en: "The value has the wrong type." },
  INVALID_FORMAT: { id: "Format nilai tidak sesuai.", en: "The value does not have the expected format." },
  INVALID_VALUE: { id: "Nilai tidak termasuk pilihan yang diizinkan.", en: "The value is not one of the allowed values." },
  OUT_OF_RANGE: { id: "Angka, panjang teks atau jumlah isian di luar batas yang diizinkan.", en: "A number, length or list size is outside the allowed range." },
  UNKNOWN_FIELD: { id: "Jenis data ini tidak memiliki kolom tersebut.", en: "This record type has no such field." },
  DUPLICATE_VALUE: { id: "Daftar berisi nilai yang sama dua kali.", en: "A list holds the same item twice." },
  UNKNOWN_COUNTRY: { id: "Bukan kode negara ISO 3166-1 alpha-2 (misalnya MY, SG, BN).", en: "Not an ISO 3166-1 alpha-2 country code (e.g. MY, SG, BN)." },
  UNKNOWN_REGION: { id: "Kode wilayah tidak dikenal oleh hub.", en: "Not a kode wilayah known to the hub." },
  NIK_FORMAT: { id: "NIK harus 16 angka dengan enam angka pertama berupa kode wilayah.", en: "A NIK is 16 digits whose first six are a kode wilayah." },
  NIK_REGION: { id: "Kabupaten/kota pada NIK (angka 1-4) bukan kode wilayah yang dikenal.", en: "The NIK's kabupaten/kota (digits 1-4) is not a known kode wilayah." },
  NIK_BIRTHDATE: { id: "Angka tanggal lahir pada NIK (DDMMYY) bukan tanggal yang sah (perempuan: tanggal +40).", en: "The NIK's DDMMYY digits are not a real birth date (day +40 for women)." },
  NIK_SERIAL: { id: "Nomor urut NIK (empat angka terakhir) tidak boleh 0000.", en: "The NIK's serial (last four digits) is 0000." },
  DATE_IN_FUTURE: { id: "Tanggal atau waktu berada di masa depan.", en: "The date or time lies in the future." },
  DATE_ORDER: { id: "Urutan dua tanggal terbalik.", en: "Two dates are in the wrong order." },
  INCONSISTENT: { id: "Nilai bertentangan dengan kolom lain pada data yang sama.", en: "The value contradicts another field of the same record." },
  NOT_APPLICABLE: { id: "Kolom ini tidak berlaku untuk jenis data ini.", en: "The field does not apply to this kind of record." },
  INVALID_TRANSITION: { id: "Status tidak dapat berubah dari status tersimpan ke status ini.", en: "The status cannot change from the stored status to this one." },
  INVALID_REFERENCE: { id: "Rujukan harus memakai tepat satu cara: id, externalId, atau dokumen.", en: "A reference must give exactly one of: id, externalId or document." },
  NOT_FOUND: { id: "Data yang dirujuk tidak ditemukan.", en: "The referenced record does not exist." },
  AMBIGUOUS_REFERENCE: { id: "Rujukan cocok dengan lebih dari satu data.", en: "The reference matches more than one record." },
  WRONG_KIND: { id: "Organisasi yang dirujuk bukan jenis yang dibutuhkan kolom ini.", en: "The referenced organization is not of the kind this field needs." },
  IDENTITY_CONFLICT: { id: "Dokumen identitas menunjuk ke orang yang berbeda di hub.", en: "The identity documents point at different persons already in the hub." },
  VERSION_CONFLICT: { id: "Versi yang diharapkan tidak sama dengan versi tersimpan.", en: "expectedVersion does not match the stored version." },
  NOT_PERMITTED: { id: "Peran Anda tidak diizinkan mengirim data atau nilai ini.", en: "Your role may not send this record or value." },
  NIK_SEX_MISMATCH: { id: "Peringatan: jenis kelamin pada NIK berbeda dengan yang dicatat (tetap disimpan, ditandai).", en: "Warning: the NIK encodes a different sex than the one recorded (stored, flagged)." },
  NIK_BIRTHDATE_MISMATCH: { id: "Peringatan: tanggal lahir pada NIK berbeda dengan yang dicatat (tetap disimpan, ditandai).", en: "Warning: the NIK encodes a different birth date than the one recorded (stored, flagged)." },
  EXACTLY_ONE: { id: "Setiap entri harus berisi tepat satu jenis data.", en: "A batch entry must set exactly one record field." },
  INTERNAL: { id: "Hub gagal menyimpan data ini; tidak ada yang ditulis. Coba impor lagi nanti.", en: "The hub failed to store the record; nothing was written. Import again later." },
  // the import's own
  VALUE_NOT_MAPPED: { id: "Nilai tidak ada dalam daftar padanan (valueMaps) di file pemetaan.", en: "The value is not in the mapping file's value map." },
  INVALID_DATE: { id: "Tanggal tidak dapat dibaca dengan format tanggal yang ditentukan.", en: "The date cannot be read with the date formats given." },
  INVALID_NUMBER: { id: "Bukan angka yang sah.", en: "Not a valid number." },
  INVALID_BOOLEAN: { id: "Isi dengan Ya atau Tidak.", en: "Write Ya (yes) or Tidak (no)." },
  EXTERNAL_ID_BLANK: { id: "Kolom pembentuk ID data (externalId) kosong.", en: "The columns the record's externalId is built from are blank." },
  ROW_REJECTED: { id: "Baris ini ditolak karena data lain pada baris yang sama ditolak; tidak ada yang disimpan dari baris ini.", en: "Another record of this row was rejected; nothing of this row was stored." },
  DEPENDS_ON_REJECTED: { id: "Tidak dikirim: data yang dirujuknya pada baris yang sama ditolak.", en: "Not sent: the record of this row it refers to was rejected." },
};
