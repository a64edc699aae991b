// The LTSA desk (/desk) in a real Chromium against a real hub with the demo data: the three
// seeded situations get their verdicts, masked values are marked and the values the policy hides
// never reach the DOM, an early-warning report and a referral filed from the page are in the hub
// (read back through the API with the same token), the forms speak Bahasa Indonesia and show the
// hub's own field errors, and axe finds nothing serious. Browser behaviour does not depend on the
// database, so this runs on PGlite only (CI time).
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { seedDemo } from "../../src/seed/demo";
import { DESK_SITUATIONS } from "../../src/seed/desk-situations";
import { axeSerious, launchBrowser, newPage, screenshots, signIn, type WatchedPage } from "../support/browser";
import { startTestHub, type TestHub } from "../support/hub";

/** The demo's LTSA token (src/seed/demo-tokens.ts). */
const LTSA = { agency: "LTSA-ENTIKONG", roles: ["ltsa-officer"], purpose: "early-warning", jurisdiction: ["61"] } as const;

let hub: TestHub;
let browser: Browser;
let token: string;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub("pglite", { seed: "none" }), launchBrowser()]);
  await seedDemo(hub.db, { scale: 1 });
  token = await hub.token({ ...LTSA, roles: [...LTSA.roles], jurisdiction: [...LTSA.jurisdiction] });
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

async function deskWith(tok: string): Promise<WatchedPage> {
  const page = await newPage(browser, hub.url);
  await page.goto("/desk");
  await signIn(page, tok);
  return page;
}

async function lookUp(page: WatchedPage, type: "NIK" | "PASSPORT", number: string): Promise<void> {
  const form = page.getByTestId("lookup-form");
  await form.getByLabel("Jenis dokumen").selectOption(type);
  await form.getByLabel("Nomor dokumen").fill(number);
  await form.getByRole("button", { name: "Cari" }).click();
  // This search's answer, not the one before it.
  await page.locator(`[data-lookup="${type}:${number}"]`).waitFor({ state: "attached" });
}

/** The true values the hub holds for a seeded person (read with the database, not the API). */
async function truth(nik: string) {
  const doc = await hub.db.prisma.identityDocument.findFirstOrThrow({ where: { type: "NIK", number: nik } });
  const person = await hub.db.prisma.person.findUniqueOrThrow({ where: { id: doc.personId }, include: { documents: true, placements: true } });
  return person;
}

describe("desk lookup", () => {
  let page: WatchedPage;
  beforeAll(async () => {
    page = await deskWith(token);
  });

  it.each(DESK_SITUATIONS.map((s) => [s.key, s] as const))("%s: the verdict and its reasons", async (_key, s) => {
    await lookUp(page, "NIK", s.nik);
    const verdict = page.getByTestId("verdict");
    expect(await verdict.getAttribute("data-level")).toBe(s.verdict);
    const reasons = await verdict.locator("[data-reason]").evaluateAll((els) => els.map((e) => e.getAttribute("data-reason")));
    // Open warnings in the home kecamatan are a note (border kecamatan have some), never a finding.
    if (s.key === "legal") expect(reasons.filter((r) => r !== "OPEN_WARNINGS")).toEqual(["LICENCE_ACTIVE", "REGISTERED", "DESTINATION_OPEN"]);
    if (s.key === "revokedP3mi") expect(reasons[0]).toBe("LICENCE_BAD");
    if (s.key === "moratorium") {
      expect(reasons).toEqual(expect.arrayContaining(["NOT_REGISTERED", "DESTINATION_CLOSED", "OPEN_WARNINGS"]));
      expect(await verdict.textContent()).toContain("Kepmenaker 260/2015");
      // The earlier warning in her kecamatan and the Entikong desk's referral to the shelter.
      expect(await page.getByTestId("warnings").textContent()).toContain("Arab Saudi");
      expect(await page.getByTestId("referrals").locator("[data-referral-status=ACCEPTED]").count()).toBe(1);
    }
    // The person, with the name in clear for this purpose and the NIK masked, visibly.
    expect(await page.locator("[data-field=fullName]").textContent()).toBe(s.fullName);
    const nik = page.locator("[data-field=document][data-type=NIK] [data-masked=true]");
    expect(await nik.textContent()).toMatch(new RegExp(`^${s.nik.slice(0, 6)}\\*{8}${s.nik.slice(-2)} \\(disamarkan\\)$`));
  });

  it("finds the same person by passport, and a document nobody holds finds nobody", async () => {
    await lookUp(page, "PASSPORT", DESK_SITUATIONS[1]!.passport);
    expect(await page.getByTestId("verdict").getAttribute("data-level")).toBe("BERISIKO");
    await lookUp(page, "PASSPORT", "A9199999");
    await page.getByTestId("not-found").waitFor();
    expect(await page.getByTestId("person").count()).toBe(0);
  });

  it("checks the number before asking the hub, in Bahasa Indonesia", async () => {
    await page.getByTestId("lookup-form").getByLabel("Jenis dokumen").selectOption("NIK");
    await page.getByTestId("lookup-form").getByLabel("Nomor dokumen").fill("12345");
    await page.getByTestId("lookup-form").getByRole("button", { name: "Cari" }).click();
    await page.getByText("NIK harus 16 angka.").waitFor();
    expect(await page.getByTestId("lookup-form").getByLabel("Nomor dokumen").getAttribute("aria-invalid")).toBe("true");
  });

  it("speaks English on the switch, reasons included, and Bahasa Indonesia again", async () => {
    await lookUp(page, "NIK", DESK_SITUATIONS[1]!.nik);
    await page.getByRole("button", { name: /English/ }).click();
    expect(await page.getByTestId("verdict-level").textContent()).toBe("At risk");
    expect(await page.getByTestId("verdict").textContent()).toContain("licence Revoked. This company may not place workers.");
    await page.getByTestId("lookup-form").getByLabel("Document number").waitFor();
    await page.getByRole("button", { name: /Bahasa Indonesia/ }).click();
    expect(await page.getByTestId("verdict-level").textContent()).toBe("Berisiko");
    expect(await page.getByTestId("verdict").textContent()).toContain("izin Dicabut.");
  });

  it("has no serious accessibility violations, loads nothing remote and logs no error; screenshots", async () => {
    await lookUp(page, "NIK", DESK_SITUATIONS[2]!.nik);
    expect(await axeSerious(page)).toEqual([]);
    // The shot starts at the lookup form, so the verdict is in it.
    await page.evaluate(() => document.querySelector("[data-testid=lookup-form]")?.closest("section")?.scrollIntoView());
    await screenshots(page, "desk");
    await page.setViewportSize({ width: 390, height: 844 });
    // Usable at phone width: nothing wider than the screen but the scrollable placements table.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(390);
    expect(await axeSerious(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(page.problems).toEqual([]);
  });
});

it("docs/desk.md's lookup runs as printed and reports the masked document numbers", async () => {
  const doc = fs.readFileSync(path.join(__dirname, "../../docs/desk.md"), "utf8");
  const query = /```graphql\n([\s\S]*?)```/.exec(doc)![1]!;
  const r = await hub.gql(query, { type: "NIK", number: DESK_SITUATIONS[0]!.nik }, { token });
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.persons[0].placements[0].p3mi.licenceStatus).toBe("ACTIVE");
  expect((r.body as { extensions?: { masked?: string[] } }).extensions?.masked).toContain("persons.0.documents.0.number");
});

describe("what the policy hides never reaches the DOM", () => {
  it("the NIK and ID PMI (always masked for ltsa-officer) when looked up by passport", async () => {
    const page = await deskWith(token);
    for (const s of DESK_SITUATIONS) {
      const person = await truth(s.nik);
      await lookUp(page, "PASSPORT", s.passport);
      await page.locator("[data-field=document][data-type=NIK] [data-masked=true]").waitFor();
      const html = await page.content();
      expect(html).not.toContain(s.nik);
      for (const d of person.documents.filter((x) => x.type !== "PASSPORT")) expect(html).not.toContain(d.number);
      for (const p of person.placements) if (p.idPmi) expect(html).not.toContain(p.idPmi);
    }
  });

  it("the full name and birth date for an ltsa-officer token whose purpose does not grant them", async () => {
    const page = await deskWith(await hub.token({ ...LTSA, roles: ["ltsa-officer"], jurisdiction: ["61"], purpose: "statistics" }));
    const s = DESK_SITUATIONS[0]!;
    const person = await truth(s.nik);
    await lookUp(page, "PASSPORT", s.passport);
    const name = page.locator("[data-field=fullName] [data-masked=true]");
    expect(await name.textContent()).toBe("Y. L. S. (disamarkan)");
    const html = await page.content();
    expect(html).not.toContain(person.fullName!);
    for (const part of person.fullName!.split(" ")) expect(html).not.toContain(part);
    expect(html).not.toContain(person.birthDate!.toISOString().slice(0, 10));
    // The age cannot be judged from the year alone here: never "Aman" on masked data it needs.
    expect(await page.getByTestId("verdict").getAttribute("data-level")).not.toBe("BERISIKO");
  });
});

describe("filing from the desk", () => {
  let page: WatchedPage;
  beforeAll(async () => {
    page = await deskWith(token);
    await lookUp(page, "NIK", DESK_SITUATIONS[2]!.nik);
  });

  it("an early-warning report filed from the form appears through the API", async () => {
    const form = page.getByTestId("warning-form");
    expect(await form.getByLabel("Kode wilayah").inputValue()).toBe("61.06.14"); // her kecamatan
    const text = `Uji meja LTSA ${Date.now()}: sponsor menjanjikan kerja ART ke Qatar.`;
    await form.getByLabel("Uraian kejadian").fill(text);
    await form.getByLabel("Terduga perekrut (calo), bila ada").fill("Sdr. K. (sponsor)");
    await form.getByRole("button", { name: "Kirim laporan" }).click();
    await page.getByTestId("warning-status").getByText(/Laporan tersimpan \(CREATED\)/).waitFor();
    const r = await hub.gql(
      `query { earlyWarningReports(filter: { sourceAgency: ["LTSA-ENTIKONG"], region: "61.06.14" }, first: 50) { edges { node { externalId sourceSystem description suspectedRecruiter status region { code } } } } }`,
      {},
      { token },
    );
    expect(r.body.errors).toBeUndefined();
    const mine = r.body.data.earlyWarningReports.edges.map((e: { node: { description: string } }) => e.node).filter((n: { description: string }) => n.description === text);
    expect(mine).toEqual([expect.objectContaining({ sourceSystem: "LTSA-DESK", suspectedRecruiter: "Sdr. K. (sponsor)", status: "NEW", region: { code: "61.06.14" } })]);
    expect(mine[0].externalId).toMatch(/^LTSA-DESK-EW-\d{14}-[A-Z0-9]+$/);
  });

  it("says what is missing in Bahasa Indonesia before sending, and shows the hub's field error next to its field", async () => {
    const form = page.getByTestId("warning-form");
    await form.getByLabel("Uraian kejadian").fill("");
    await form.getByLabel("Kode wilayah").fill("61.3");
    await form.getByRole("button", { name: "Kirim laporan" }).click();
    await form.getByText("Wajib diisi.").waitFor();
    await form.getByText(/Kode wilayah tidak sah/).waitFor();
    expect(await form.getByLabel("Uraian kejadian").getAttribute("aria-invalid")).toBe("true");
    // Well-formed but unknown to the hub: only the hub can say so, and the page puts it by the field.
    await form.getByLabel("Kode wilayah").fill("61.99.99");
    await form.getByLabel("Uraian kejadian").fill("Laporan dengan kode wilayah yang tidak dikenal.");
    await form.getByRole("button", { name: "Kirim laporan" }).click();
    await page.getByTestId("warning-status").getByText("Laporan ditolak oleh hub. Periksa kolom yang ditandai.").waitFor();
    const described = await form.getByLabel("Kode wilayah").getAttribute("aria-describedby");
    const errorText = await page.locator(`[id="${described!.split(" ").pop()}"]`).textContent();
    expect(errorText).toMatch(/^Kode wilayah tidak dikenal oleh hub\. Kode wilayah 61\.99\.99 is not known to the hub.*\(UNKNOWN_REGION\)$/);
  });

  it("refers the person to a shelter and follows the referral's status", async () => {
    const panel = page.getByTestId("referral-form");
    await panel.getByLabel("Layanan").selectOption("SHELTER");
    await panel.getByLabel("Penerima rujukan").selectOption({ label: "RPTC Rumah Singgah Khatulistiwa (fiktif)" });
    await panel.getByRole("button", { name: "Kirim rujukan" }).click();
    await page.getByTestId("referrals").locator("[data-referral-status=REQUESTED]").waitFor();
    const person = await truth(DESK_SITUATIONS[2]!.nik);
    const r = await hub.gql(`query($p: ID!) { referrals(filter: { person: $p }) { edges { node { status serviceType sourceAgency toOrganization { code } } } } }`, { p: person.id }, { token });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.referrals.edges.map((e: { node: unknown }) => e.node)).toEqual(
      expect.arrayContaining([{ status: "REQUESTED", serviceType: "SHELTER", sourceAgency: "LTSA-ENTIKONG", toOrganization: { code: "SHELTER-RPTC-KHATULISTIWA" } }]),
    );
    expect(page.problems).toEqual([]);
  });
});
