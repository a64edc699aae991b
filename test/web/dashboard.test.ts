// The task-force dashboard in a real Chromium against a real hub with the demo data: the map
// draws every kabupaten/kota of both provinces, every number on the page is the cell the
// `statistics` API gives the same token (suppressed cells shown as suppressed, never as 0),
// filters change the numbers as the API says, both analyst roles work, axe finds nothing serious.
// The page reads the database only through the API, so this file runs on PGlite only.
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { seedDemo } from "../../src/seed/demo";
import { axeSerious, launchBrowser, newPage, screenshots, signIn, type WatchedPage } from "../support/browser";
import { startTestHub, type TestHub } from "../support/hub";

const GEO = JSON.parse(fs.readFileSync(path.join(__dirname, "../../web/dashboard/data/kalbar-kalsel-kabupaten.topojson"), "utf8")) as {
  objects: { kabupaten: { geometries: { properties: { code: string } }[] } };
};
const GEO_CODES = GEO.objects.kabupaten.geometries.map((g) => g.properties.code).sort();

type Cell = { key: { dimension: string; value: string }[]; count: number | null; suppressed: boolean };
type Table = { k: number; cells: Cell[]; total: number | null; totalSuppressed: boolean };
type Filter = { year?: number; region?: string; exploitationType?: string };
/** What a cell says: its count, or "suppressed". Absent cells are 0 (the API lists no zeros). */
type Shown = Record<string, number | "suppressed">;

const QUERY = `query($measure: StatisticsMeasure!, $groupBy: [StatisticsDimension!]!, $filter: StatisticsFilter) {
  statistics(measure: $measure, groupBy: $groupBy, filter: $filter) { k cells { key { dimension value } count suppressed } total totalSuppressed }
}`;

let hub: TestHub;
let browser: Browser;
let tokens: { "task-force-analyst": string; "ngo-analyst": string };

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub("pglite"), launchBrowser()]);
  await seedDemo(hub.db, { scale: 1 }); // what `npm start` loads
  tokens = {
    "task-force-analyst": await hub.token({ agency: "GUGUS-TUGAS-KALBAR", roles: ["task-force-analyst"], purpose: "statistics", jurisdiction: ["61"] }),
    "ngo-analyst": await hub.token({ agency: "NGO-SUAKA-BORNEO", roles: ["ngo-analyst"], purpose: "statistics", jurisdiction: [] }),
  };
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

async function api(token: string, measure: string, groupBy: string[], filter: Filter = {}): Promise<Table> {
  const r = await hub.gql<{ statistics: Table }>(QUERY, { measure, groupBy, filter }, { token });
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.statistics;
}

const shown = (t: Table): Shown => Object.fromEntries(t.cells.map((c) => [c.key.map((p) => p.value).join("/"), c.suppressed ? "suppressed" : c.count!]));

/** Retries an assertion while the page fetches (a filter change re-renders asynchronously). */
async function eventually(check: () => Promise<void>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** The map as drawn: kode wilayah -> count, "suppressed", or 0 for a region drawn as zero. */
async function mapShown(page: WatchedPage): Promise<Record<string, number | "suppressed">> {
  return page.$$eval("svg[data-map] path[data-kode]", (paths) =>
    Object.fromEntries(
      paths.map((p) => {
        const state = p.getAttribute("data-state");
        return [p.getAttribute("data-kode"), state === "suppressed" ? "suppressed" : state === "zero" ? 0 : Number(p.getAttribute("data-count"))];
      }),
    ),
  );
}

/** A bar chart as drawn: value -> count or "suppressed". */
async function barsShown(page: WatchedPage, chart: string): Promise<Shown> {
  return page.$$eval(`[data-chart="${chart}"] ul.bars li`, (items) =>
    Object.fromEntries(
      items.map((li) => {
        const s = li.querySelector("[data-suppressed=true]");
        return [li.getAttribute("data-value"), s ? "suppressed" : Number(li.querySelector("[data-count]")!.getAttribute("data-count"))];
      }),
    ),
  );
}

async function referralsShown(page: WatchedPage): Promise<Shown> {
  return page.$$eval("table[data-table=referrals] tbody td", (tds) =>
    Object.fromEntries(
      tds.flatMap((td): [string, number | "suppressed"][] => {
        const agency = td.closest("tr")!.getAttribute("data-agency");
        if (td.querySelector("[data-suppressed=true]")) return [[`${agency}/${td.getAttribute("data-band")}`, "suppressed"]];
        const c = td.querySelector("[data-count]");
        return c ? [[`${agency}/${td.getAttribute("data-band")}`, Number(c.getAttribute("data-count"))]] : [];
      }),
    ),
  );
}

/** The map against the API: published cells with their count, suppressed ones hatched, the rest 0. */
async function expectMapMatches(page: WatchedPage, token: string, filter: Filter, level: "REGENCY" | "PROVINCE" = "REGENCY"): Promise<Table> {
  const t = await api(token, "CASES", [level], filter);
  const cells = shown(t);
  // A path shows its own cell, or its province's when the map is coloured by province.
  const expected = Object.fromEntries(GEO_CODES.map((code) => [code, cells[level === "REGENCY" ? code : code.slice(0, 2)] ?? 0]));
  await eventually(async () => expect(await mapShown(page)).toEqual(expected));
  return t;
}

async function resetFilters(page: WatchedPage): Promise<void> {
  for (const [name, value] of [["level", "REGENCY"], ["measure", "CASES"], ["type", ""], ["region", ""], ["year", ""]]) await page.selectOption(`select[name=${name}]`, value!);
}

async function openDashboard(token: string): Promise<WatchedPage> {
  const page = await newPage(browser, hub.url);
  await page.goto("/dashboard");
  await signIn(page, token);
  await page.locator("svg[data-map] path[data-kode]").first().waitFor();
  return page;
}

describe("dashboard", () => {
  let page: WatchedPage;
  const token = () => tokens["task-force-analyst"];

  beforeAll(async () => {
    page = await openDashboard(token());
  });

  it("draws every kabupaten/kota of Kalimantan Barat and Selatan, by kode wilayah", async () => {
    const codes = (await page.$$eval("svg[data-map] path[data-kode]", (ps) => ps.map((p) => p.getAttribute("data-kode")!))).sort();
    const regencies = await hub.db.prisma.region.findMany({
      where: { level: "REGENCY", parentCode: { in: ["61", "63"] } },
      select: { code: true },
      orderBy: { code: "asc" },
    });
    expect(codes).toEqual(regencies.map((r) => r.code));
    expect(codes).toEqual(GEO_CODES);
    expect(codes.filter((c) => c.startsWith("61.")).length).toBe(14);
    expect(codes.filter((c) => c.startsWith("63.")).length).toBe(13);
    for (const p of await page.$$eval("svg[data-map] path[data-kode]", (ps) => ps.map((x) => x.getAttribute("d") ?? ""))) expect(p.length).toBeGreaterThan(20);
  });

  it("colours the map with the API's cells: exactly the suppressed ones are hatched and labelled, none drawn as 0", async () => {
    const t = await expectMapMatches(page, token(), {});
    const suppressed = t.cells
      .filter((c) => c.suppressed)
      .map((c) => c.key[0]!.value)
      .filter((c) => GEO_CODES.includes(c));
    expect(suppressed.length).toBeGreaterThan(0); // the demo data has small regencies: the check is not empty
    const drawn = await page.$$eval('svg[data-map] path[data-state="suppressed"]', (ps) =>
      ps.map((p) => ({ kode: p.getAttribute("data-kode"), fill: p.getAttribute("fill"), title: p.querySelector("title")?.textContent ?? "" })),
    );
    expect(drawn.map((d) => d.kode).sort()).toEqual(suppressed.sort());
    for (const d of drawn) {
      expect(d.fill).toBe("url(#hatch)");
      expect(d.title).toMatch(/disembunyikan$/);
    }
    // The table alternative says so too, never "0".
    for (const kode of suppressed) {
      expect(await page.locator(`[data-chart=map] table tr[data-value="${kode}"] td`).textContent()).toBe("disembunyikan");
    }
    expect(await page.locator("[data-chart=map] .legend").textContent()).toContain("Disembunyikan");
  });

  it("shows every chart as the API answers it, referral delays included", async () => {
    const tk = token();
    await eventually(async () => expect(await barsShown(page, "trend")).toEqual(shown(await api(tk, "CASES", ["YEAR"]))));
    await eventually(async () => expect(await barsShown(page, "types")).toEqual(shown(await api(tk, "CASES", ["EXPLOITATION_TYPE"]))));
    await eventually(async () => expect(await barsShown(page, "modus")).toEqual(shown(await api(tk, "CASES", ["MODUS"]))));
    await eventually(async () => expect(await barsShown(page, "destinations")).toEqual(shown(await api(tk, "CASES", ["DESTINATION_COUNTRY"]))));
    const referrals = await api(tk, "OPEN_REFERRALS", ["RECEIVING_AGENCY", "WAITING_DAYS"]);
    expect(referrals.cells.length).toBeGreaterThan(0);
    await eventually(async () => expect(await referralsShown(page)).toEqual(shown(referrals)));
    const waiting = page.locator("[data-referrals-total]");
    if (referrals.totalSuppressed) expect(await waiting.locator("[data-suppressed=true]").count()).toBe(1);
    else expect(await waiting.locator("[data-count]").getAttribute("data-count")).toBe(String(referrals.total));
    const total = await api(tk, "CASES", []);
    expect(await page.locator("[data-total] [data-count]").getAttribute("data-count")).toBe(String(total.total));
  });

  it("changes the numbers as the API says when filtering by year, region and type", async () => {
    const tk = token();
    const years = (await api(tk, "CASES", ["YEAR"])).cells.filter((c) => c.count !== null && /^\d{4}$/.test(c.key[0]!.value));
    const year = years.sort((a, b) => b.count! - a.count!)[0]!.key[0]!.value;
    await page.selectOption("select[name=year]", year);
    await expectMapMatches(page, tk, { year: Number(year) });
    await eventually(async () => expect(await barsShown(page, "types")).toEqual(shown(await api(tk, "CASES", ["EXPLOITATION_TYPE"], { year: Number(year) }))));

    await page.selectOption("select[name=region]", "61");
    const f = { year: Number(year), region: "61" };
    await eventually(async () => expect(await barsShown(page, "modus")).toEqual(shown(await api(tk, "CASES", ["MODUS"], f))));
    await eventually(async () => expect(await barsShown(page, "trend")).toEqual(shown(await api(tk, "CASES", ["YEAR"], { region: "61" }))));
    expect(await page.$$eval("svg[data-map] path[data-selected]", (ps) => ps.length)).toBe(14);

    await page.selectOption("select[name=type]", "ForcedLabour");
    const g = { ...f, exploitationType: "ForcedLabour" };
    await eventually(async () => expect(await barsShown(page, "destinations")).toEqual(shown(await api(tk, "CASES", ["DESTINATION_COUNTRY"], g))));
    await eventually(async () => expect(await referralsShown(page)).toEqual(shown(await api(tk, "OPEN_REFERRALS", ["RECEIVING_AGENCY", "WAITING_DAYS"], g))));
    await expectMapMatches(page, tk, { year: Number(year), exploitationType: "ForcedLabour" });
    const total = await api(tk, "CASES", [], g);
    await eventually(async () => {
      const text = await page.locator("[data-total]").textContent();
      expect(text).toContain(total.totalSuppressed ? "disembunyikan" : total.total!.toLocaleString("id-ID"));
    });

    await page.selectOption("select[name=measure]", "VICTIMS");
    await eventually(async () => expect(await barsShown(page, "types")).toEqual(shown(await api(tk, "VICTIMS", ["EXPLOITATION_TYPE"], f))));
    expect(page.problems).toEqual([]);
  });

  it("colours by province on request, each kabupaten/kota with its province's cell", async () => {
    await resetFilters(page);
    await page.selectOption("select[name=level]", "PROVINCE");
    const t = await expectMapMatches(page, token(), {}, "PROVINCE");
    expect(t.cells.filter((c) => ["61", "63"].includes(c.key[0]!.value)).length).toBe(2);
    for (const code of ["61", "63"]) {
      const cell = t.cells.find((c) => c.key[0]!.value === code)!;
      expect(await page.locator(`[data-chart=map] table tr[data-value="${code}"] td`).textContent()).toBe(
        cell.suppressed ? "disembunyikan" : cell.count!.toLocaleString("id-ID"),
      );
    }
    await page.selectOption("select[name=level]", "REGENCY");
    await expectMapMatches(page, token(), {});
  });

  it("switches to English and back", async () => {
    await page.getByRole("button", { name: /^EN/ }).click();
    await eventually(async () => expect(await page.locator("h1").textContent()).toBe("PP-TPPO Task-Force Dashboard"));
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("[data-chart=trend] h2").textContent()).toBe("Trend by year");
    await page.getByRole("button", { name: /^ID/ }).click();
    await eventually(async () => expect(await page.locator("h1").textContent()).toBe("Dasbor Gugus Tugas PP-TPPO"));
  });

  it("has no serious accessibility violations, and shows at desktop and phone width", async () => {
    await resetFilters(page);
    await expectMapMatches(page, token(), {});
    expect(await axeSerious(page)).toEqual([]);
    const shots = await screenshots(page, "dashboard");
    for (const file of Object.values(shots)) expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    // The whole page too, for a reviewer (artifact only).
    await page.screenshot({ path: path.join(path.dirname(shots.desktop), "dashboard-full.png"), fullPage: true });
    // At phone width nothing overflows the viewport sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeSerious(page)).toEqual([]);
    expect(page.problems).toEqual([]);
  });

  it("works with an ngo-analyst token the same way", async () => {
    const ngo = await openDashboard(tokens["ngo-analyst"]);
    await expectMapMatches(ngo, tokens["ngo-analyst"], {});
    // Statistics do not depend on who asks: the same cells as the task-force analyst's.
    expect(shown(await api(tokens["ngo-analyst"], "CASES", ["REGENCY"]))).toEqual(shown(await api(token(), "CASES", ["REGENCY"])));
    expect(ngo.problems).toEqual([]);
    await ngo.context().close();
  });

  it("shows a role without statistics a refusal, and no number anywhere in the DOM", async () => {
    const ltsa = await hub.token({ agency: "LTSA-ENTIKONG", roles: ["ltsa-officer"], purpose: "early-warning", jurisdiction: ["61"] });
    const refused = await hub.gql(QUERY, { measure: "CASES", groupBy: ["REGENCY"] }, { token: ltsa });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const p = await newPage(browser, hub.url);
    await p.goto("/dashboard");
    await signIn(p, ltsa);
    await eventually(async () => expect(await p.locator("[data-chart=map] .error").textContent()).toBe("Peran Anda tidak boleh melihat ini."));
    await eventually(async () => expect(await p.locator("[aria-busy=true]").count()).toBe(0));
    expect(await p.locator("svg[data-map], [data-count], [data-suppressed]").count()).toBe(0);
    await p.context().close();
  });
});
