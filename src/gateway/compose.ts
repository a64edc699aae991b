// Composes the supergraph from the subgraphs' SDLs with @theguild/federation-composition (MIT).
// The result is a plain Federation v2 supergraph (join/link specs only, no gateway-specific
// directives), so any Federation v2 router can serve the same file.
import fs from "node:fs";
import path from "node:path";
import { composeServices } from "@theguild/federation-composition";
import { parse, type DocumentNode } from "graphql";
import type { SubgraphEntry } from "./registry";

export const SUPERGRAPH_FILE = path.resolve(__dirname, "../../schema/supergraph.graphql");

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export class CompositionError extends Error {
  override name = "CompositionError";
  constructor(readonly problems: string[]) {
    super(`supergraph composition failed:\n- ${problems.join("\n- ")}`);
  }
}

function parseSdl(s: SubgraphSdl): DocumentNode {
  try {
    return parse(s.sdl);
  } catch (err) {
    throw new CompositionError([`subgraph "${s.name}": its SDL does not parse: ${(err as Error).message}`]);
  }
}

/**
 * The supergraph SDL of `subgraphs`. A failure lists every problem; the library's messages name
 * the field (`Person.fullName`) and the subgraphs involved, and its code is kept (FIELD_TYPE_MISMATCH...).
 */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parseSdl(s) })));
  if (result.errors?.length) {
    throw new CompositionError(result.errors.map((e) => `${e.message}${e.extensions?.code ? ` [${String(e.extensions.code)}]` : ""}`));
  }
  const sdl = result.supergraphSdl ?? "";
  return sdl.endsWith("\n") ? sdl : `${sdl}\n`;
}

/** Reads each registry entry's `schemaFile` (offline composition: no subgraph needs to run). */
export function readSubgraphSdls(registry: readonly SubgraphEntry[]): SubgraphSdl[] {
  return registry.map((s) => {
    if (!s.schemaFile) throw new CompositionError([`subgraph "${s.name}": no schemaFile in the registry entry, so its SDL is unknown`]);
    let sdl: string;
    try {
      sdl = fs.readFileSync(s.schemaFile, "utf8");
    } catch {
      throw new CompositionError([`subgraph "${s.name}": cannot read its schemaFile ${path.relative(process.cwd(), s.schemaFile)}`]);
    }
    return { name: s.name, url: s.url, sdl };
  });
}
