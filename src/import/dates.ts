// Dates as offices write them: dd/MM/yyyy, d/M/yyyy, yyyy-MM-dd, "12 Juli 2025" / "12 Jul 2025"
// (Indonesian and English month names), Excel serial numbers and real date cells.

export const DATE_FORMAT_TOKENS = ["yyyy", "MMMM", "MMM", "MM", "M", "dd", "d"] as const;

const MONTHS: Record<string, number> = {};
const NAMES: string[][] = [
  ["januari", "january", "jan"],
  ["februari", "february", "feb", "pebruari"],
  ["maret", "march", "mar"],
  ["april", "apr"],
  ["mei", "may"],
  ["juni", "june", "jun"],
  ["juli", "july", "jul"],
  ["agustus", "august", "aug", "agu", "agt", "ags"],
  ["september", "sep", "sept"],
  ["oktober", "october", "okt", "oct"],
  ["november", "nov", "nop", "nopember"],
  ["desember", "december", "des", "dec"],
];
NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const TOKEN_RE = /yyyy|MMMM|MMM|MM|M|dd|d/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");

interface Compiled {
  re: RegExp;
  parts: string[];
}
const compiled = new Map<string, Compiled>();

function compile(written: string): Compiled {
  let c = compiled.get(written);
  if (c) return c;
  // Dates only (no time tokens), so the case of the letters does not matter: dd/mm/yyyy = dd/MM/yyyy.
  const format = written.replace(/[a-zA-Z]+/g, (w) => (/^[dDmMyY]+$/.test(w) ? w.replace(/[dD]/g, "d").replace(/[mM]/g, "M").replace(/[yY]/g, "y") : w));
  const parts: string[] = [];
  let src = "";
  let last = 0;
  for (const m of format.matchAll(TOKEN_RE)) {
    src += escape(format.slice(last, m.index));
    const t = m[0];
    parts.push(t);
    src += t === "yyyy" ? "(\\d{4})" : t === "MMMM" || t === "MMM" ? "([A-Za-z]+)\\.?" : t === "MM" || t === "dd" ? "(\\d{2})" : "(\\d{1,2})";
    last = m.index + t.length;
  }
  src += escape(format.slice(last));
  c = { re: new RegExp(`^${src}$`, "i"), parts };
  compiled.set(written, c);
  return c;
}

/** A format the parser understands: "excel", or tokens giving a year, a month and a day. */
export function isDateFormat(format: string): boolean {
  if (format === "excel") return true;
  const parts = compile(format).parts;
  return parts.includes("yyyy") && parts.some((p) => p.startsWith("M")) && parts.some((p) => p.startsWith("d")) && new Set(parts).size === parts.length && parts.length === 3;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const isoDate = ({ y, m, d }: Ymd) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function realDate(y: number, m: number, d: number): Ymd | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? { y, m, d } : null;
}

/** Excel's day number (1900 system, with its phantom 29 Feb 1900) as a calendar date. */
export function fromExcelSerial(serial: number): Ymd | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const day = Math.floor(serial);
  const t = new Date(Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** A date written as text, tried against each format in order. */
export function parseDateText(text: string, formats: readonly string[]): Ymd | null {
  const s = text.trim();
  for (const f of formats) {
    if (f === "excel") {
      if (/^\d+(\.\d+)?$/.test(s)) {
        const d = fromExcelSerial(Number(s));
        if (d) return d;
      }
      continue;
    }
    const { re, parts } = compile(f);
    const m = re.exec(s);
    if (!m) continue;
    let y = 0;
    let mo = 0;
    let d = 0;
    parts.forEach((p, i) => {
      const v = m[i + 1]!;
      if (p === "yyyy") y = Number(v);
      else if (p === "d" || p === "dd") d = Number(v);
      else if (p === "M" || p === "MM") mo = Number(v);
      else mo = MONTHS[v.toLowerCase()] ?? 0;
    });
    const r = realDate(y, mo, d);
    if (r) return r;
  }
  return null;
}

/** A real date cell (exceljs gives the sheet's wall time as UTC fields). */
export const fromDateCell = (d: Date): Ymd => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() });
