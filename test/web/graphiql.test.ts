// /graphiql in a real Chromium against a hub with demo data: GraphiQL (bundled, Monaco workers
// included) loads the schema by introspection with a pasted demo token and runs the examples;
// what a role may not see never reaches the page's DOM or storage; axe finds nothing serious.
// One browser and one page for the file; PGlite only (the page does not depend on the backend,
// the policy's backends are covered by test/policy/).
import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse, print, validate, visit } from "graphql";
import type { Browser } from "playwright-core";
import { seedDemo } from "../../src/seed/demo";
import { DEMO_TOKEN_PROFILES } from "../../src/seed/demo-tokens";
import { axeSerious, launchBrowser, newPage, screenshots, signIn, type WatchedPage } from "../support/browser";
import { startTestHub, type TestHub } from "../support/hub";

const EXAMPLES_DIR = path.resolve(__dirname, "../../web/graphiql/examples");
const examples = fs
  .readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith(".graphql"))
  .sort()
  .map((file) => {
    const vars = path.join(EXAMPLES_DIR, file.replace(/\.graphql$/, ".variables.json"));
    return { file, query: fs.readFileSync(path.join(EXAMPLES_DIR, file), "utf8"), variables: fs.existsSync(vars) ? JSON.parse(fs.readFileSync(vars, "utf8")) : undefined };
  });

const demoToken = (hub: TestHub, label: string) => {
  const p = DEMO_TOKEN_PROFILES.find((d) => d.label === label)!;
  return hub.token({ agency: p.agency, roles: [...p.roles], purpose: p.purpose, jurisdiction: [...p.jurisdiction] });
};

/** Every string of the clear answer that the role's answer does not carry at the same place. */
function withheld(clear: unknown, seen: unknown, out: string[] = []): string[] {
  if (typeof clear === "string") {
    if (clear !== seen && clear.length >= 4) out.push(clear);
  } else if (Array.isArray(clear)) {
    clear.forEach((c, i) => withheld(c, Array.isArray(seen) ? seen[i] : undefined, out));
  } else if (clear && typeof clear === "object") {
    for (const [k, v] of Object.entries(clear)) withheld(v, seen && typeof seen === "object" ? (seen as Record<string, unknown>)[k] : undefined, out);
  }
  return out;
}

let hub: TestHub;
let browser: Browser;
let page: WatchedPage;

beforeAll(async () => {
  const started = startTestHub("pglite", { seed: "none" }).then(async (h) => {
    await seedDemo(h.db, { scale: 1 });
    return h;
  });
  [hub, browser] = await Promise.all([started, launchBrowser()]);
  // Tall, so Monaco renders every line of an answer: "not in the DOM" then means not shown at all.
  page = await newPage(browser, hub.url, { width: 1280, height: 4000 });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe("the examples", () => {
  // schema/hub.graphql carries federation directives; assumeValidSDL takes it as published.
  const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, "../../schema/hub.graphql"), "utf8"), { assumeValidSDL: true });

  it.each(examples.map((e) => [e.file, e] as const))("%s is valid against schema/hub.graphql and runs on the demo data", async (_file, e) => {
    expect(validate(schema, parse(e.query))).toEqual([]);
    const r = await hub.gql(e.query, e.variables);
    expect({ status: r.status, errors: r.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(JSON.stringify(r.body.data)).not.toMatch(/"REJECTED"/);
  });
});

describe("GraphiQL in Chromium", () => {
  const runTab = async (name: string) => {
    await page.locator(".graphiql-tab-button", { hasText: new RegExp(`^${name}$`) }).click();
    // The tab's document is in the editor before it runs.
    await page.waitForFunction((op) => (document.querySelector(".graphiql-query-editor")?.textContent ?? "").replace(/\s+/g, " ").includes(op), `query ${name}`);
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === "/graphql" && r.request().method() === "POST" && (r.request().postData() ?? "").includes(`query ${name}`));
    await page.getByRole("button", { name: /^Execute query/ }).click();
    const res = await answered;
    // Named in the failure: what the hub answered if it refused the request.
    expect({ status: res.status(), body: res.status() === 200 ? "" : await res.text() }).toEqual({ status: 200, body: "" });
    return page.locator(".graphiql-response");
  };

  it("asks for a token first, then loads the schema by introspection with the pasted demo token", async () => {
    await page.goto("/graphiql");
    await page.getByLabel("Token akses").waitFor();
    await signIn(page, await demoToken(hub, "ltsa-officer"));
    await page.locator(".graphiql-tab-button", { hasText: /^Regions$/ }).waitFor();
    // The Docs panel lists the schema's root types once introspection has answered.
    await page.getByRole("button", { name: /Show Documentation Explorer/i }).click();
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor();
  });

  it("runs an example with the token and shows the hub's answer", async () => {
    const expected = await hub.gql(`{ regions(parentCode: "61") { code name } }`);
    const names = (expected.body.data as { regions: { name: string }[] }).regions.map((r) => r.name);
    expect(names.length).toBeGreaterThan(3);
    const response = await runTab("Regions");
    for (const name of names) await response.getByText(name, { exact: false }).first().waitFor();
  });

  it("never puts a value the role may not see into the DOM or the page's storage", async () => {
    // BP3MI may list persons (migrant workers) but not read their address, nor a child victim's identity.
    const bp3mi = await demoToken(hub, "bp3mi-officer");
    await page.getByRole("button", { name: "Keluar" }).click();
    await signIn(page, bp3mi);
    const persons = examples.find((e) => e.file.includes("persons"))!;
    const asRole = await hub.gql(persons.query, undefined, { token: bp3mi });
    const nodes = (asRole.body.data as { persons: { edges: { node: { id: string } }[] } }).persons.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    // The same persons, same fields, with a token that reads them in clear.
    let selection = "";
    visit(parse(persons.query), { Field: (f) => void (f.name.value === "node" && f.selectionSet && (selection = print(f.selectionSet))) });
    const secrets: string[] = [];
    for (const node of nodes) {
      const clear = await hub.gql(`query($id: ID!) { person(id: $id) ${selection} }`, { id: node.id });
      expect(clear.body.errors).toBeUndefined();
      secrets.push(...withheld((clear.body.data as { person: unknown }).person, node));
    }
    // The demo data has addresses for these persons at least.
    expect(secrets.length).toBeGreaterThan(0);

    await runTab("Persons");
    // Shown: the ids the role may see (so the answer is really rendered; Monaco may wrap a long
    // line, hence the text without whitespace) ...
    await page.waitForFunction((ids) => {
      const text = (document.querySelector(".graphiql-response")?.textContent ?? "").replace(/\s+/g, "");
      return ids.every((id) => text.includes(id));
    }, nodes.map((n) => n.id), { timeout: 15_000 });
    // ... and none of what it may not: not in the markup, not in the text (wrapped or not), not in storage.
    const dom = await page.content();
    const text = (await page.evaluate(() => document.body.textContent ?? "")).replace(/\s+/g, "");
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(secrets.filter((s) => dom.includes(s) || text.includes(s.replace(/\s+/g, "")) || storage.includes(s))).toEqual([]);
    // GraphiQL's tabs and history live in sessionStorage (gone with the tab), none in localStorage.
    expect(await page.evaluate(() => Object.keys(sessionStorage).some((k) => k.startsWith("graphiql:")))).toBe(true);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("graphiql")))).toEqual([]);
  });

  it("has no serious accessibility violations in the page's own parts; loads nothing remote; logs no error", async () => {
    // GraphiQL's own widgets are upstream's; the page around them (sign-in, header, landmarks) is ours.
    expect(await axeSerious(page, { exclude: [".graphiql-container"] })).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshots(page, "graphiql");
    expect(page.problems).toEqual([]);
  });
});
