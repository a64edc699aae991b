// Hubs started through the real app wiring (src/app.ts startHub) with a METRICS setting, and a
// reader for the Prometheus text format.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { print, type DocumentNode } from "graphql";
import { startHub, type RunningHub } from "../../src/app";
import { loadHubKey } from "../../src/auth/hub-key";
import { issueToken, type TokenRequest } from "../../src/auth/issue-token";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { BROAD, freshDatabase, type Backend } from "../support/hub";

export interface MetricsHub {
  hub: RunningHub;
  /** http://127.0.0.1:<hub port> */
  base: string;
  token(req?: Partial<TokenRequest>): Promise<string>;
  gql(doc: DocumentNode | string, variables: Record<string, unknown> | undefined, token: string): Promise<{ status: number; body: { data?: any; errors?: any[] } }>;
  stop(): Promise<void>;
}

export async function startMetricsHub(backend: Backend, env: Record<string, string> = {}): Promise<MetricsHub> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-metrics-"));
  const config = loadConfig({ DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", ...env } as NodeJS.ProcessEnv);
  // PostgreSQL never creates the hub's key itself: provide one as an operator would.
  await loadHubKey(config.hubSigningKeyFile, { create: true });
  const db = await freshDatabase(backend);
  const hub = await startHub(config, createLogger(process.env.TEST_LOG_LEVEL ?? "silent"), { migrate: false, db });
  const base = `http://127.0.0.1:${hub.server.port}`;
  return {
    hub,
    base,
    token: (req = {}) => issueToken(hub.hubKey, config.hubIssuer, config.hubAudience, { ...BROAD, ...req }),
    async gql(doc, variables, token) {
      const res = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: typeof doc === "string" ? doc : print(doc), variables }),
      });
      return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
    },
    async stop() {
      await hub.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Samples of a Prometheus text exposition (comments skipped). */
export function parseMetrics(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!.replace(/\\(.)/g, "$1");
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

/** The samples of one metric, as `label values joined by |` → value, for exact comparisons. */
export function series(samples: Sample[], name: string, labelNames: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) if (s.name === name) out[labelNames.map((l) => s.labels[l] ?? "").join("|")] = s.value;
  return out;
}
