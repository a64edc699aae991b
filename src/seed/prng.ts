// Seeded pseudo-random numbers for the demo dataset: the same seed gives the same sequence on
// every machine and Node version (sfc32 over 32-bit integer arithmetic, no Math.random).

/** cyrb128: spreads a text seed over the four 32-bit words sfc32 starts from. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seed);
    for (let i = 0; i < 15; i++) this.u32(); // discard the first outputs, which still echo the seed
  }

  /** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), one 32-bit output. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by relative weight: `[[value, weight], ...]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [v, w] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1]![0];
  }

  /** Up to k distinct items, in the order of the source list (stable output for arrays of codes). */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k >= items.length) return [...items];
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(Math.floor(this.next() * items.length));
    return items.filter((_, i) => chosen.has(i));
  }

  /** Random UUID in version 4 layout (version nibble 4, variant 10xx). */
  uuid(): string {
    const b = new Array<number>(16);
    for (let i = 0; i < 16; i += 4) {
      const w = this.u32();
      b[i] = w >>> 24;
      b[i + 1] = (w >>> 16) & 0xff;
      b[i + 2] = (w >>> 8) & 0xff;
      b[i + 3] = w & 0xff;
    }
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.map((x) => HEX[x]!);
    return `${h.slice(0, 4).join("")}-${h.slice(4, 6).join("")}-${h.slice(6, 8).join("")}-${h.slice(8, 10).join("")}-${h.slice(10).join("")}`;
  }
}

// ---------------------------------------------------------------- fixed calendar

const DAY_MS = 86_400_000;

/** The demo's "today": nothing in the dataset happens after it. */
export const REFERENCE_DATE = new Date(Date.UTC(2026, 10, 1));

/** Midnight UTC of a calendar date (month 1-12). */
export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

export function addMinutes(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * 60_000);
}

/** Midnight UTC of the same day (for @db.Date columns). */
export function dayOf(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** A day in [from, to] (dates at midnight UTC). */
export function randomDay(rng: Rng, from: Date, to: Date): Date {
  const days = Math.floor((to.getTime() - from.getTime()) / DAY_MS);
  return addDays(dayOf(from), rng.int(0, Math.max(0, days)));
}

/** A moment during office hours (Western Indonesia Time, UTC+7) on the given day. */
export function officeTime(rng: Rng, day: Date): Date {
  return addMinutes(dayOf(day), (8 - 7) * 60 + rng.int(0, 8 * 60));
}

/** Completed years between birth and the given day. */
export function ageOn(birth: Date, on: Date): number {
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const m = on.getUTCMonth() - birth.getUTCMonth();
  if (m < 0 || (m === 0 && on.getUTCDate() < birth.getUTCDate())) age--;
  return age;
}

/** A birth date that makes the person exactly `age` years old on `on`. */
export function birthDateForAge(rng: Rng, age: number, on: Date): Date {
  const y = on.getUTCFullYear() - age;
  const m = on.getUTCMonth();
  // The latest possible birth date is `age` years before `on` (28 February for 29 February in a
  // common year); the 364 days before it all give the same age.
  const sameDay = new Date(Date.UTC(y, m, on.getUTCDate()));
  const latest = sameDay.getUTCMonth() === m ? sameDay : new Date(Date.UTC(y, m + 1, 0));
  return addDays(latest, -rng.int(0, 364));
}
