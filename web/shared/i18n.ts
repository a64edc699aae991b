// Officer-facing text in Bahasa Indonesia first, English on request. Each page keeps its own
// catalogue beside its code (messages(...) below); the shared one holds the words every page uses.
// The choice is remembered in localStorage and mirrored in <html lang>, so screen readers switch too.

export type Lang = "id" | "en";
export const LANGS: readonly Lang[] = ["id", "en"];
export const DEFAULT_LANG: Lang = "id";

const STORAGE_KEY = "tppo-hub.lang";
const listeners = new Set<() => void>();

function readLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === "id" || saved === "en") return saved;
  } catch {
    // storage disabled
  }
  return DEFAULT_LANG;
}

let current: Lang = typeof window === "undefined" ? DEFAULT_LANG : readLang();
if (typeof document !== "undefined") document.documentElement.lang = current;

export const getLang = (): Lang => current;

export function setLang(lang: Lang): void {
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage disabled: the choice lasts until the page reloads
  }
  document.documentElement.lang = lang;
  listeners.forEach((l) => l());
}

export function subscribeLang(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One catalogue per language, the same keys in both (the type makes a missing English key an error). */
export type Catalogue<K extends string> = { id: Record<K, string>; en: Record<K, string> };
export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

/** A `t` over a page's own catalogue: `t("lookup.title")`, `t("found", { n: 3 })` fills `{n}`. */
export function messages<K extends string>(catalogue: Catalogue<K>): Translate<K> {
  return (key, vars) => {
    const text = catalogue[current][key] ?? catalogue[DEFAULT_LANG][key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

const shared = {
  id: {
    "app.name": "TPPO Hub",
    "nav.home": "Beranda",
    "nav.desk": "Meja LTSA",
    "nav.dashboard": "Dasbor Gugus Tugas",
    "nav.graphiql": "Penjelajah API",
    "nav.label": "Halaman",
    "lang.label": "Bahasa",
    "lang.id": "Bahasa Indonesia",
    "lang.en": "English",
    "signin.title": "Masuk",
    "signin.token": "Token akses",
    "signin.help": "Tempel token dari penerbit token instansi Anda (atau salah satu token demo yang dicetak oleh npm start).",
    "signin.submit": "Masuk",
    "signin.signout": "Keluar",
    "signin.as": "Masuk sebagai {roles} ({agency})",
    "signin.expires": "berlaku sampai {time}",
    "signin.invalid": "Ini bukan token JWT (tiga bagian dipisah titik).",
    "signin.expired": "Token ini sudah kedaluwarsa. Minta token baru.",
    "signin.required": "Masuk dulu dengan token untuk memakai halaman ini.",
    "error.network": "Hub tidak dapat dihubungi. Periksa jaringan lalu coba lagi.",
    "error.unauthenticated": "Token ditolak atau kedaluwarsa. Masuk lagi dengan token yang berlaku.",
    "error.forbidden": "Peran Anda tidak boleh melihat ini.",
    "error.generic": "Terjadi kesalahan: {message}",
    "masked": "disamarkan",
    "masked.help": "Disamarkan sesuai kebijakan akses untuk peran Anda",
    "loading": "Memuat…",
    "suppressed": "disembunyikan (jumlah kecil)",
  },
  en: {
    "app.name": "TPPO Hub",
    "nav.home": "Home",
    "nav.desk": "LTSA desk",
    "nav.dashboard": "Task-force dashboard",
    "nav.graphiql": "API explorer",
    "nav.label": "Pages",
    "lang.label": "Language",
    "lang.id": "Bahasa Indonesia",
    "lang.en": "English",
    "signin.title": "Sign in",
    "signin.token": "Access token",
    "signin.help": "Paste a token from your agency's token issuer (or one of the demo tokens npm start prints).",
    "signin.submit": "Sign in",
    "signin.signout": "Sign out",
    "signin.as": "Signed in as {roles} ({agency})",
    "signin.expires": "valid until {time}",
    "signin.invalid": "This is not a JWT (three parts separated by dots).",
    "signin.expired": "This token has expired. Ask for a new one.",
    "signin.required": "Sign in with a token to use this page.",
    "error.network": "The hub cannot be reached. Check the network and try again.",
    "error.unauthenticated": "The token was refused or has expired. Sign in again with a valid token.",
    "error.forbidden": "Your role may not see this.",
    "error.generic": "Something went wrong: {message}",
    "masked": "masked",
    "masked.help": "Masked by the access policy for your role",
    "loading": "Loading…",
    "suppressed": "suppressed (small count)",
  },
} satisfies Catalogue<string>;

export type SharedKey = keyof typeof shared.id;
/** The shared words: `t("signin.title")`. */
export const t: Translate<SharedKey> = messages<SharedKey>(shared);
