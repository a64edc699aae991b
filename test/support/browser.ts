// Real-browser tests: Debian's Chromium driven by playwright-core (no downloaded browser), the
// pages as the hub serves them from web/dist, axe-core for accessibility, screenshots as artifacts.
//
//   const browser = await launchBrowser();          // once per test file (beforeAll), close in afterAll
//   const page = await newPage(browser, hub.url);   // errors and CSP refusals collected in page.problems
//   await signIn(page, token);                      // the shared sign-in box (web/shared/SignIn.tsx)
//   expect(await axeSerious(page)).toEqual([]);
//   await screenshots(page, "desk");                // artifacts/screenshots/desk-{desktop,phone}.png
//
// CHROMIUM_PATH picks the browser (default /usr/bin/chromium; .ci/run installs Debian's package).
// UPDATE_SCREENSHOTS=1 also writes the desktop shot to docs/screenshots/<name>.png (the README's).
// launchBrowser() first rebuilds web/dist when a file under web/ is newer than the last build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = path.resolve(__dirname, "../..");
const WEB = path.join(ROOT, "web");
const DIST = path.join(WEB, "dist");

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export const SCREENSHOT_DIR = path.join(ROOT, "artifacts", "screenshots");

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

/**
 * One browser per test file. Playwright gives every launch a fresh temporary profile (its own
 * --user-data-dir, removed on close); the flags keep Chromium from reaching the network for
 * updates, sync or field trials, and let it run as root in CI containers.
 */
export async function launchBrowser(): Promise<Browser> {
  ensureWebBuild();
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

export interface WatchedPage extends Page {
  /** Uncaught page errors, console errors and failed requests seen so far (CSP refusals included). */
  problems: string[];
}

/** A page in a context of its own (no shared storage between pages) at desktop size, watched for errors. */
export async function newPage(browser: Browser, hubUrl: string, viewport: { width: number; height: number } = DESKTOP): Promise<WatchedPage> {
  const origin = new URL(hubUrl).origin;
  const context = await browser.newContext({ viewport, baseURL: origin });
  const page = (await context.newPage()) as WatchedPage;
  page.problems = [];
  page.on("pageerror", (err) => page.problems.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") page.problems.push(`console: ${msg.text()}`);
  });
  page.on("requestfailed", (req) => page.problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ""}`));
  // Anything not from the hub itself is a defect (no CDN): refuse it and say so.
  await context.route(
    (url) => url.origin !== origin && url.protocol !== "data:" && url.protocol !== "blob:",
    (route) => {
      page.problems.push(`remote request: ${route.request().url()}`);
      return route.abort();
    },
  );
  return page;
}

/** Pastes a token into the shared sign-in box and waits until the page shows it is signed in. */
export async function signIn(page: Page, token: string): Promise<void> {
  const form = page.locator("form.signin");
  await form.locator("input[name=token]").fill(token);
  await form.locator("button[type=submit]").click();
  await page.locator(".signin.signed-in").waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA rules).
 * axe is evaluated through the DevTools protocol, which the page's CSP does not govern, so the
 * page itself never needs to allow an inline script.
 */
export async function axeSerious(page: Page, opts: { exclude?: string[] } = {}): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (exclude: string[]) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(exclude.length ? { exclude: exclude.map((s) => [s]) } : document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.map(String).join(" ")) }));
  }, opts.exclude ?? []);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/**
 * Screenshots at desktop (1280x800) and phone (390x844) width into artifacts/screenshots/
 * <name>-{desktop,phone}.png; the page's viewport is restored afterwards. Returns the two paths.
 */
export async function screenshots(page: Page, name: string): Promise<{ desktop: string; phone: string }> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const before = page.viewportSize();
  const shot = async (size: { width: number; height: number }, label: string) => {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const file = path.join(SCREENSHOT_DIR, `${name}-${label}.png`);
    await page.screenshot({ path: file });
    return file;
  };
  const desktop = await shot(DESKTOP, "desktop");
  const phone = await shot(PHONE, "phone");
  if (before) await page.setViewportSize(before);
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    fs.mkdirSync(path.join(ROOT, "docs", "screenshots"), { recursive: true });
    fs.copyFileSync(desktop, path.join(ROOT, "docs", "screenshots", `${name}.png`));
  }
  return { desktop, phone };
}

/** The newest modification time of the web sources (web/ without dist/). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "node_modules") continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return fs.statSync(path.join(DIST, "index.html")).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Rebuilds web/dist (`npm run build:web`) when a web source is newer than it, so a browser test
 * never runs against stale pages. Parallel jest workers take turns through a lock directory.
 */
export function ensureWebBuild(): void {
  if (builtAt() > newestSource(WEB)) return;
  const lock = path.join(os.tmpdir(), `tppo-hub-web-build-${Buffer.from(ROOT).toString("base64url").slice(-40)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (builtAt() > newestSource(WEB)) return; // another worker built it meanwhile
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 180_000) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed run
      } catch {
        // gone already
      }
      if (Date.now() > deadline) throw new Error(`web build: lock ${lock} held too long`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (builtAt() > newestSource(WEB)) return;
    const started = Date.now();
    const vite = path.join(path.dirname(require.resolve("vite/package.json")), "bin", "vite.js");
    const r = spawnSync(process.execPath, [vite, "build", "--config", "web/vite.config.mts"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    if (r.status !== 0) throw new Error(`Building web/dist failed (\`npm run build:web\`):\n${r.stdout}${r.stderr}${r.error ?? ""}`);
    process.stderr.write(`\nweb/dist: rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
