// A hub started WITHOUT demo data on an empty database (the real start-up path, src/app.ts
// startHub: migrations, then the reference regions) accepts a NIK registered in any kecamatan of
// Indonesia, through the GraphQL API over HTTP, with a real signed token.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { print } from "graphql";
import { startHub, type RunningHub } from "../../src/app";
import { loadHubKey } from "../../src/auth/hub-key";
import { issueToken } from "../../src/auth/issue-token";
import { loadConfig, type Config } from "../../src/config";
import { createLogger } from "../../src/logger";
import { ContributePersonDocument, RegionDocument } from "../generated/graphql";
import { backends, emptyDatabase } from "../support/hub";

describe.each(backends)("a hub without demo data on %s", (backend) => {
  let hub: RunningHub;
  let config: Config;
  let dir: string;
  let token: string;
  const gql = async (doc: Parameters<typeof print>[0], variables: Record<string, unknown>) => {
    const res = await fetch(`http://127.0.0.1:${hub.server.port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: print(doc), variables }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-nik-anywhere-"));
    config = loadConfig({ DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" } as NodeJS.ProcessEnv);
    await loadHubKey(config.hubSigningKeyFile, { create: true });
    // Not a test template: no tables, no regions. `serve` (PGlite) or `serve --migrate` (PostgreSQL) prepares it.
    const db = await emptyDatabase(backend);
    hub = await startHub(config, createLogger("silent"), { migrate: true, db });
    await hub.db.prisma.organization.create({
      data: { code: "BP3MI-KALBAR", name: "BP3MI Kalimantan Barat", kind: "AGENCY", agencyType: "MIGRANT_WORKER_AGENCY", sourceAgency: "BP3MI-KALBAR", sourceSystem: "ONBOARDING", externalId: "self", contributedBy: "test" },
    });
    token = await issueToken(hub.hubKey, config.hubIssuer, config.hubAudience, { agency: "BP3MI-KALBAR", roles: ["bp3mi-officer"], purpose: "placement-protection", jurisdiction: [] });
  });
  afterAll(async () => {
    await hub?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ["Papua Pegunungan, Wamena (95.01.01)", "9501014508900001"],
    ["Aceh Selatan, Bakongan (11.01.01)", "1101011203850002"],
    ["Kalimantan Selatan, Banjarmasin Utara (63.71.04)", "6371040101000003"],
  ])("accepts a NIK from %s", async (_where, nik) => {
    const r = await gql(ContributePersonDocument, { input: { externalId: `PMI-${nik}`, sourceSystem: "SISKOP2MI", fullName: "Warga", documents: [{ type: "NIK", number: nik }] } });
    expect(r.contributePerson.result).toMatchObject({ status: "CREATED", errors: [] });
  });

  it("knows the regions by their official names", async () => {
    expect((await gql(RegionDocument, { code: "95.01.01" })).region).toMatchObject({ code: "95.01.01", name: "Wamena", level: "DISTRICT", codeVersion: expect.stringMatching(/^idn-area-data@\d/) });
  });

  it("refuses a NIK of a kabupaten that does not exist, saying how to load the regions", async () => {
    const r = await gql(ContributePersonDocument, { input: { externalId: "PMI-X", sourceSystem: "SISKOP2MI", fullName: "X", documents: [{ type: "NIK", number: "6199015205990001" }] } });
    expect(r.contributePerson.result.errors).toEqual([
      { path: ["documents", "0", "number"], code: "NIK_REGION", message: expect.stringContaining("`tppo-hub regions sync`") },
    ]);
  });
});
