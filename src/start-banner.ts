// What `serve` tells its operator once it listens. stdout carries the log, so nothing else may
// land between JSON lines: the address goes into the "listening" record, and `--demo` writes its
// tokens to DATA_DIR/demo-tokens.txt, which that record names. At a terminal (pretty logs) a
// banner with the address and the tokens follows the log lines as well.
import fs from "node:fs";
import path from "node:path";
import type { RunningHub } from "./app";
import { issueToken } from "./auth/issue-token";
import type { Config } from "./config";
import type { Logger, LogFormat } from "./logger";
import { DEMO_TOKEN_PROFILES } from "./seed/demo-tokens";

export const DEMO_TOKENS_FILE = "demo-tokens.txt";
const DEMO_TOKEN_TTL = "8h";

export async function announceStart(
  hub: RunningHub,
  cfg: Config,
  log: Logger,
  opts: { demo: boolean; format: LogFormat },
): Promise<void> {
  const url = hub.server.url;
  const database = hub.db.location;
  let demoTokens: { file: string; lines: string[] } | undefined;
  if (opts.demo) {
    const lines: string[] = [];
    for (const p of DEMO_TOKEN_PROFILES) {
      const t = await issueToken(hub.hubKey, cfg.hubIssuer, cfg.hubAudience, { ...p, ttl: DEMO_TOKEN_TTL });
      lines.push(`${p.label.padEnd(22)} ${t}`);
    }
    const file = path.join(cfg.dataDir, DEMO_TOKENS_FILE);
    writePrivate(
      file,
      `# TPPO Hub demo tokens for ${url}, issued ${new Date().toISOString()}, valid ${DEMO_TOKEN_TTL}.\n` +
        `# Send one as "Authorization: Bearer <token>". Rewritten by every \`serve --demo\`.\n` +
        lines.join("\n") + "\n",
    );
    demoTokens = { file, lines };
  }
  log.info({ url, database, ...(demoTokens && { demoTokens: demoTokens.file }) }, "TPPO Hub listening");
  if (opts.format !== "pretty") return;
  let banner = `\nTPPO Hub ready at ${url} (database: ${database})\n\n`;
  banner += webPageLines(url, { demo: Boolean(demoTokens) }).join("\n") + "\n\n";
  if (demoTokens) {
    banner += `Demo tokens (valid ${DEMO_TOKEN_TTL}; send as "Authorization: Bearer <token>"; also in ${demoTokens.file}):\n`;
    banner += demoTokens.lines.map((l) => `  ${l}\n`).join("") + "\n";
  }
  process.stdout.write(banner);
}

/** Tokens are credentials: readable by the hub's user only, like the signing key beside them. */
function writePrivate(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/**
 * Where the web pages are and which token each wants (also `npm start`'s banner). The pages call
 * /graphql on the server that serves them, so they are printed for the hub's own address.
 */
export function webPageLines(graphqlUrl: string, opts: { demo: boolean }): string[] {
  const origin = new URL(graphqlUrl).origin;
  const token = (label: string) => (opts.demo ? `paste the ${label} token` : `a ${label} token`);
  return [
    `Web pages (sign in by pasting a token${opts.demo ? " from the list below" : ""}):`,
    `  LTSA desk             ${origin}/desk       ${token("ltsa-officer")}`,
    `  task-force dashboard  ${origin}/dashboard  ${token("task-force-analyst")} (or ngo-analyst)`,
    `  API explorer          ${origin}/graphiql   any token`,
  ];
}
