// BP3MI's REST service over real HTTP: list searches, the API key, and input errors that name
// the field instead of failing the server.
import { demoRecords } from "../../src/seed/records";
import { Bp3miClient, Bp3miServiceError } from "./client";
import { bp3miDemoData } from "./demo-data";
import { Register, type RegisterData } from "./register";
import { MAX_SEARCH, startBp3miRest, type Bp3miRest } from "./rest-service";

let data: RegisterData;
let rest: Bp3miRest;
const apiKey = "kunci-uji-bp3mi";

beforeAll(async () => {
  data = bp3miDemoData(await demoRecords({ scale: 1 }));
  rest = await startBp3miRest({ register: new Register(data), apiKey });
});
afterAll(() => rest?.close());

const post = (path: string, body: unknown, key: string | null = apiKey) =>
  fetch(`${rest.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...(key ? { "x-api-key": key } : {}) }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("BP3MI REST service", () => {
  it("answers a search for many NIKs and passports in one call", async () => {
    const withBoth = data.penempatan.filter((p) => p.pmi.nik && p.pmi.no_paspor).slice(0, 5);
    const client = new Bp3miClient({ url: rest.url, apiKey });
    const found = await client.placements({ nik: withBoth.map((p) => p.pmi.nik!), no_paspor: withBoth.map((p) => p.pmi.no_paspor!) });
    for (const p of withBoth) expect(found.map((f) => f.no_registrasi)).toContain(p.no_registrasi);
    const licences = await client.licences([data.p3mi[0]!.nomor_sip3mi, "SIP3MI/999/1999"]);
    expect(licences).toEqual([data.p3mi[0]]);
  });

  it("refuses /api calls without the right API key, but keeps /healthz open", async () => {
    expect((await post("/api/v1/p3mi/cari", { nomor_sip3mi: [] }, null)).status).toBe(401);
    expect((await post("/api/v1/p3mi/cari", { nomor_sip3mi: [] }, "kunci-salah")).status).toBe(401);
    const health = await fetch(`${rest.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", penempatan: data.penempatan.length, p3mi: data.p3mi.length });
    await expect(new Bp3miClient({ url: rest.url }).licences([])).rejects.toThrow(Bp3miServiceError);
  });

  it("says which field of a bad search is wrong, with 400", async () => {
    const cases: [unknown, RegExp][] = [
      [{ nik: ["123"] }, /^nik\.0: a NIK is 16 digits$/],
      [{ nik: "6101094711770001" }, /^nik: /],
      [{ kode_wilayah: ["61.3"] }, /^kode_wilayah\.0: a kode wilayah looks like/],
      [{ no_paspor: Array(MAX_SEARCH + 1).fill("X1") }, /^no_paspor: /],
      [{ nama: ["SRI"] }, /nama/],
    ];
    for (const [body, message] of cases) {
      const res = await post("/api/v1/penempatan/cari", body);
      expect({ body: JSON.stringify(body).slice(0, 40), status: res.status }).toEqual({ body: JSON.stringify(body).slice(0, 40), status: 400 });
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    const notJson = await post("/api/v1/penempatan/cari", "{nik:");
    expect(notJson.status).toBe(400);
    expect((await post("/api/v1/p3mi/cari", {})).status).toBe(400);
  });

  it("reports an unreachable service by its URL", async () => {
    const gone = await startBp3miRest({ register: new Register(data) });
    await gone.close();
    await expect(new Bp3miClient({ url: gone.url }).licences(["SIP3MI/001/2023"])).rejects.toThrow(new RegExp(`BP3MI register unreachable at ${gone.url}`));
  });
});
