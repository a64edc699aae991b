// The typed client of clients/typescript/ builds as docs/typed-client.md says: code generation
// from schema/hub.graphql with the client preset reproduces the committed src/gql/ (not stale),
// tsc accepts the client and its example, and a typed query and mutation run against a real hub.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { contributeMutation, createHubClient, HubRequestError, regionsQuery, type ContributionInput } from "../../clients/typescript/src/index";
import { ROOT } from "../support/cli";
import { readerDir } from "../support/doc-examples";
import { backends, startTestHub, type TestHub } from "../support/hub";

const run = promisify(execFile);
const CLIENT = path.join(ROOT, "clients/typescript");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

describe("clients/typescript", () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(readerDir(ROOT), "typescript");
    fs.cpSync(CLIENT, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}gql`) });
  });
  afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it("generates the committed typed operations from schema/hub.graphql, and typechecks", async () => {
    expect(fs.existsSync(path.join(dir, "src/gql"))).toBe(false);
    await run(bin("graphql-codegen"), ["--config", path.join(dir, "codegen.ts")], { cwd: ROOT, env: { ...process.env, HUB_SCHEMA: path.join(ROOT, "schema/hub.graphql") } });
    for (const f of fs.readdirSync(path.join(CLIENT, "src/gql"))) {
      const fresh = fs.readFileSync(path.join(dir, "src/gql", f), "utf8");
      if (fresh !== fs.readFileSync(path.join(CLIENT, "src/gql", f), "utf8")) throw new Error(`clients/typescript/src/gql/${f} is stale: run \`npm run codegen:client\``);
    }
    const tsc = await run(bin("tsc"), ["-p", dir], { cwd: ROOT }).catch((e: { stdout: string }) => ({ stdout: e.stdout, failed: true }));
    expect(tsc.stdout).toBe("");
  }, 90_000);
});

describe.each(backends)("the typed client against a hub on %s", (backend) => {
  let hub: TestHub;
  beforeAll(async () => (hub = await startTestHub(backend)));
  afterAll(() => hub.stop());

  it("runs a typed query and a typed mutation", async () => {
    const client = createHubClient({ url: hub.url, token: () => hub.token({ agency: "BP3MI-KALBAR", roles: ["bp3mi-officer"], purpose: "placement-protection", jurisdiction: ["61"] }) });
    const { data } = await client.request(regionsQuery, {});
    expect(data.regions.map((r) => r.code)).toEqual(expect.arrayContaining(["61", "63"]));
    const records: ContributionInput[] = [{ organization: { externalId: "P3MI-0042", sourceSystem: "SISKOP2MI", name: "PT Sinar Jaya Abadi", kind: "P3MI", regionCode: "61.71" } }];
    const answer = await client.request(contributeMutation, { records });
    expect(answer.data.contribute?.map((r) => [r.status, r.errors])).toEqual([["CREATED", []]]);
    // A refused request is an error with the hub's code, not a silent null.
    const anonymous = createHubClient({ url: hub.url, token: "not-a-token" });
    await expect(anonymous.request(regionsQuery, {})).rejects.toThrow(HubRequestError);
  });
});
