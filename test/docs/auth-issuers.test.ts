// docs/auth.md's AUTH_ISSUERS example, run as a reader runs it: with its placeholder key the hub
// stops at start with exactly the one line the guide shows (exit 1); with a real key in the
// placeholder's place the same configuration starts.
import fs from "node:fs";
import path from "node:path";
import * as jose from "jose";
import { ROOT, startServe } from "../support/cli";
import { DocSession, fencedBlocks, markdownSection, readerDir } from "../support/doc-examples";

const FILE = path.join(ROOT, "docs/auth.md");
const blocks = () => fencedBlocks(markdownSection(fs.readFileSync(FILE, "utf8"), "## Configuring agency issuers (`AUTH_ISSUERS`)").text, "docs/auth.md");

describe("docs/auth.md: the AUTH_ISSUERS example", () => {
  let dir: string;
  beforeAll(() => (dir = readerDir(ROOT)));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("with its placeholder key stops the hub at start with the one line the guide shows, exit 1, before touching data", async () => {
    const [example, shown] = blocks().filter((b) => b.lang === "bash" || b.lang === "text");
    expect([example?.lang, shown?.lang]).toEqual(["bash", "text"]);
    const run = await new DocSession({ cwd: dir }).shell(example!, { expectExit: 1 });
    expect(run.stderr).toBe(shown!.code);
    expect(run.stdout).toBe("");
    expect(fs.existsSync(path.join(dir, "data"))).toBe(false);
  });

  it("starts with a real public key in the placeholder's place", async () => {
    const example = blocks().find((b) => b.lang === "bash")!;
    const json = /AUTH_ISSUERS='([\s\S]*?)'/.exec(example.code)![1]!;
    const { x, y } = await jose.exportJWK((await jose.generateKeyPair("ES256")).publicKey);
    expect(json.split('"x": "..."').length).toBe(2);
    const real = json.replace('"x": "..."', `"x": "${x}"`).replace('"y": "..."', `"y": "${y}"`);
    const serve = await startServe([], { AUTH_ISSUERS: real, DATA_DIR: path.join(dir, "data"), PORT: "0", HOST: "127.0.0.1" });
    try {
      expect((await fetch(`${serve.origin}/readyz`)).status).toBe(200);
      expect(serve.stderr()).toBe("");
    } finally {
      await serve.stop("SIGTERM");
    }
  });
});
