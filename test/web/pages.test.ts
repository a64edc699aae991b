// The web shell: the hub serves its pages and their assets under a CSP with no remote origin,
// and the index page works in a real Chromium (links, language switch, keyboard, axe).
// Serving does not depend on the database, so this file runs on PGlite only.
import type { Browser } from "playwright-core";
import { axeSerious, launchBrowser, newPage, screenshots, type WatchedPage } from "../support/browser";
import { startTestHub, type TestHub } from "../support/hub";

let hub: TestHub;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub("pglite", { seed: "none" }), launchBrowser()]);
  origin = new URL(hub.url).origin;
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe("serving", () => {
  it.each(["/", "/desk", "/desk/", "/dashboard", "/graphiql"])("GET %s is an HTML page under a same-origin-only CSP", async (url) => {
    const res = await fetch(origin + url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // No remote origin anywhere in the policy, and no inline or eval'd scripts.
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
    expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const html = await res.text();
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
  });

  it("serves the hashed assets the pages name, cacheable for good", async () => {
    const html = await (await fetch(origin + "/desk")).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) {
      const res = await fetch(origin + a);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
  });

  it("leaves the hub's own routes and its JSON 404 alone", async () => {
    expect((await fetch(origin + "/healthz")).status).toBe(200);
    const missing = await fetch(origin + "/no-such-page");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not found" });
    expect((await fetch(origin + "/assets/no-such-file.js")).status).toBe(404);
    const r = await hub.gql("{ __typename }");
    expect(r.body.data).toEqual({ __typename: "Query" });
  });
});

describe("index page in Chromium", () => {
  let page: WatchedPage;
  beforeAll(async () => {
    page = await newPage(browser, hub.url);
    await page.goto("/");
    await page.getByRole("heading", { level: 1 }).waitFor();
  });

  it("links every page, in Bahasa Indonesia first", async () => {
    expect(await page.locator("html").getAttribute("lang")).toBe("id");
    const main = page.getByRole("main");
    for (const [name, href] of [["Meja LTSA", "/desk"], ["Dasbor Gugus Tugas", "/dashboard"], ["Penjelajah API (GraphiQL)", "/graphiql"]] as const) {
      expect(await main.getByRole("link", { name, exact: true }).getAttribute("href")).toBe(href);
    }
  });

  it("switches to English and back", async () => {
    await page.getByRole("button", { name: /English/ }).click();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("main").getByRole("link", { name: "LTSA desk", exact: true }).waitFor();
    await page.getByRole("button", { name: /Bahasa Indonesia/ }).click();
    expect(await page.locator("html").getAttribute("lang")).toBe("id");
  });

  it("is reachable by keyboard: the first Tab lands on the skip link", async () => {
    await page.reload();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
  });

  it("has no serious accessibility violations, loads nothing remote and logs no error", async () => {
    expect(await axeSerious(page)).toEqual([]);
    await screenshots(page, "index");
    expect(page.problems).toEqual([]);
  });
});
