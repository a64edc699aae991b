// Which subgraphs resolve each field of the supergraph, read from its join directives
// (join__type / join__field, the Federation v2 join spec). The gateway's policy check decides a
// field by the policy of the subgraphs that resolve it.
import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from "graphql";

export type Ownership = ReadonlyMap<string, ReadonlySet<string>>;

const argValue = (d: ConstDirectiveNode, name: string) => {
  const v = d.arguments?.find((a) => a.name.value === name)?.value;
  if (!v) return undefined;
  if (v.kind === Kind.ENUM || v.kind === Kind.STRING) return v.value;
  if (v.kind === Kind.BOOLEAN) return v.value;
  return undefined;
};

/** join__Graph enum value -> registry name. */
function graphNamesOf(doc: DocumentNode): Map<string, string> {
  const graphNames = new Map<string, string>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== "join__Graph") continue;
    for (const v of def.values ?? []) {
      const d = v.directives?.find((x) => x.name.value === "join__graph");
      const name = d && argValue(d, "name");
      if (typeof name === "string") graphNames.set(v.name.value, name);
    }
  }
  return graphNames;
}

/** `Type.field` -> registry names of the subgraphs that resolve it (external declarations excluded). */
export function fieldOwnership(supergraph: string | DocumentNode): Ownership {
  const doc = typeof supergraph === "string" ? parse(supergraph) : supergraph;
  const graphNames = graphNamesOf(doc);
  const graph = (d: ConstDirectiveNode) => {
    const g = argValue(d, "graph");
    return typeof g === "string" ? (graphNames.get(g) ?? g) : undefined;
  };
  const owners = new Map<string, Set<string>>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeGraphs = (def.directives ?? []).filter((d) => d.name.value === "join__type").map(graph).filter((g): g is string => Boolean(g));
    for (const field of def.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === "join__field");
      // No join__field: every subgraph that defines the type resolves it. With join__field: those
      // not marked external (a bare @join__field without graph only marks an override/shape).
      const graphs = joins.length
        ? joins.filter((d) => argValue(d, "external") !== true && graph(d)).map((d) => graph(d)!)
        : typeGraphs;
      const key = `${def.name.value}.${field.name.value}`;
      const set = owners.get(key) ?? new Set<string>();
      for (const g of graphs.length ? graphs : typeGraphs) set.add(g);
      owners.set(key, set);
    }
  }
  return owners;
}

/** Type name -> registry names of the subgraphs that define it (its join__type directives). */
export function typeOwnership(supergraph: string | DocumentNode): Ownership {
  const doc = typeof supergraph === "string" ? parse(supergraph) : supergraph;
  const graphNames = graphNamesOf(doc);
  const owners = new Map<string, Set<string>>();
  for (const def of doc.definitions) {
    if (!("name" in def) || !def.name || !("directives" in def)) continue;
    for (const d of def.directives ?? []) {
      if (d.name.value !== "join__type") continue;
      const g = argValue(d as ConstDirectiveNode, "graph");
      if (typeof g !== "string") continue;
      const set = owners.get(def.name.value) ?? new Set<string>();
      set.add(graphNames.get(g) ?? g);
      owners.set(def.name.value, set);
    }
  }
  return owners;
}
