// Nothing acknowledged is lost: contributions stream into a real `serve`, which is killed with
// SIGKILL in the middle of the stream; after a restart every record the hub acknowledged is
// there (re-sending it is UNCHANGED), on the embedded database and on PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import { startServe, tempDir, type Env, type ServeProcess } from "../support/cli";
import { backends, emptyPostgresUrl } from "../support/hub";
import { HOST, contributePerson, signingKey, until } from "./faults";

describe.each(backends)("acknowledged contributions survive kill -9 of serve on %s", (backend) => {
  let dir: string;
  let env: Env;
  let token: string;
  let serve: ServeProcess | undefined;
  beforeAll(async () => {
    dir = tempDir("kill9");
    const key = await signingKey(dir);
    token = await key.token();
    env = { HUB_SIGNING_KEY_FILE: key.file, PORT: "0", HOST, LOG_LEVEL: "silent" };
    if (backend === "pglite") env.DATA_DIR = path.join(dir, "data");
    else env.DATABASE_URL = await emptyPostgresUrl();
  });
  afterAll(async () => {
    await serve?.stop("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("every acknowledged record is present after the restart", async () => {
    serve = await startServe(["--migrate"], env);
    const url = serve.url;
    const acknowledged: string[] = [];
    let killed = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !killed; i++) {
        const id = `KILL-${w}-${i}`;
        const r = await contributePerson(url, token, id).catch(() => ({ acknowledged: false }));
        // Any answer that says stored counts, even one that arrives as the kill lands.
        if (r.acknowledged) acknowledged.push(id);
      }
    });
    await until("records to be acknowledged", async () => acknowledged.length >= 40, 60_000, 20);
    killed = true;
    expect(await serve.stop("SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });
    await Promise.all(writers);

    serve = await startServe([], env);
    const missing: string[] = [];
    for (const id of acknowledged) {
      const r = await contributePerson(serve.url, token, id);
      if (r.r.body.data?.contributePerson?.result?.status !== "UNCHANGED") missing.push(`${id}: ${JSON.stringify(r.r.body)}`);
    }
    expect(missing).toEqual([]);
    expect(await serve.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    serve = undefined;
  });
});
