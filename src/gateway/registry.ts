// The subgraph registry: which systems the gateway composes, where they answer, who answers for
// them and how long the gateway waits for each. From GATEWAY_SUBGRAPHS (a JSON array) or the file
// GATEWAY_SUBGRAPHS_FILE; every mistake is one line naming the entry and field.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ConfigError } from "../config";
import { AGENCY_CODE } from "../auth/verify-token";

/** The hub's name in the registry; principal tokens for it carry this audience. */
export const HUB_SUBGRAPH = "hub";

const entrySchema = z
  .object({
    /** Registry name: the subgraph's name in the supergraph and the `aud` of its principal tokens. */
    name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "must be lower case letters, digits and _ (e.g. bp3mi), starting with a letter" }),
    /** The subgraph's GraphQL endpoint. */
    url: z.string().url({ message: "must be an http:// or https:// URL" }).refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), { message: "must be an http:// or https:// URL" }),
    /** Agency code of the owner, who runs the subgraph and answers for its data. */
    agency: z.string().regex(AGENCY_CODE, { message: "must be an agency code like POLDA-KALBAR" }),
    /** Milliseconds the gateway waits for one call to this subgraph; then its part of the answer is null with an error naming it. */
    timeoutMs: z.number().int().min(50).max(120_000),
    /** The subgraph's SDL, for `tppo-hub compose` (relative to the registry file, or the working directory). */
    schemaFile: z.string().min(1).optional(),
  })
  .strict();

export type SubgraphEntry = z.infer<typeof entrySchema>;

export function parseRegistry(json: string, variable = "GATEWAY_SUBGRAPHS", baseDir = process.cwd()): SubgraphEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ConfigError(variable, "is not valid JSON");
  }
  const parsed = z.array(entrySchema).min(1, { message: "must list at least one subgraph" }).safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new ConfigError(variable, `${i.path.join(".") || "(top level)"}: ${i.message}`);
  }
  const seen = new Set<string>();
  parsed.data.forEach((s, n) => {
    if (seen.has(s.name)) throw new ConfigError(variable, `${n}.name: "${s.name}" appears twice`);
    seen.add(s.name);
  });
  return parsed.data.map((s) => (s.schemaFile ? { ...s, schemaFile: path.resolve(baseDir, s.schemaFile) } : s));
}

/** GATEWAY_SUBGRAPHS, else GATEWAY_SUBGRAPHS_FILE, else the demo registry of `npm start`. */
export function loadRegistry(g: { subgraphs?: string; subgraphsFile?: string }): SubgraphEntry[] {
  if (g.subgraphs) return parseRegistry(g.subgraphs);
  if (g.subgraphsFile) {
    let text: string;
    try {
      text = fs.readFileSync(g.subgraphsFile, "utf8");
    } catch {
      throw new ConfigError("GATEWAY_SUBGRAPHS_FILE", `(${g.subgraphsFile}) cannot be read`);
    }
    return parseRegistry(text, "GATEWAY_SUBGRAPHS_FILE", path.dirname(path.resolve(g.subgraphsFile)));
  }
  return demoRegistry();
}

const ROOT = path.resolve(__dirname, "../..");

/**
 * The demo federation `npm start` runs (FEDERATION.md ports): the hub and the three example
 * agency systems, their SDLs from the repository.
 */
export function demoRegistry(): SubgraphEntry[] {
  return [
    { name: HUB_SUBGRAPH, url: "http://127.0.0.1:4001/graphql", agency: "TPPO-HUB", timeoutMs: 10_000, schemaFile: path.join(ROOT, "schema/hub.graphql") },
    { name: "bp3mi", url: "http://127.0.0.1:4012/graphql", agency: "BP3MI-KALBAR", timeoutMs: 3_000, schemaFile: path.join(ROOT, "examples/bp3mi/schema.graphql") },
    { name: "imigrasi", url: "http://127.0.0.1:4013/graphql", agency: "IMIGRASI-ENTIKONG", timeoutMs: 3_000, schemaFile: path.join(ROOT, "examples/imigrasi/schema.graphql") },
    { name: "polda", url: "http://127.0.0.1:4014/graphql", agency: "POLDA-KALBAR", timeoutMs: 3_000, schemaFile: path.join(ROOT, "examples/polda/schema.graphql") },
  ];
}
