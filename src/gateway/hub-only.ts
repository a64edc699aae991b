// Which documents the hub can answer alone: every field selected (in every operation and fragment)
// is one the hub resolves, every type condition names a hub type, and only @skip/@include are used.
// Such a document needs no query plan: the gateway routes it to the hub as written
// (src/gateway/hub-pass-through.ts). Anything else, introspection included, goes to Hive's planner.
import { Kind, TypeInfo, isAbstractType, isObjectType, visit, visitWithTypeInfo, BREAK, type DocumentNode, type GraphQLSchema } from "graphql";
import type { Ownership } from "./ownership";
import { HUB_SUBGRAPH } from "./registry";

export type HubOnly = (document: DocumentNode) => boolean;

export function hubOnlyDocuments(schema: GraphQLSchema, fields: Ownership, types: Ownership): HubOnly {
  const hubField = (type: string, field: string) => fields.get(`${type}.${field}`)?.has(HUB_SUBGRAPH) === true;
  const hubType = (type: string) => types.get(type)?.has(HUB_SUBGRAPH) === true;

  function decide(document: DocumentNode): boolean {
    let alone = true;
    const typeInfo = new TypeInfo(schema);
    const refuse = () => {
      alone = false;
      return BREAK;
    };
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        OperationDefinition: (node) => (node.operation === "subscription" ? refuse() : undefined),
        Directive: (node) => (node.name.value === "skip" || node.name.value === "include" ? undefined : refuse()),
        InlineFragment: (node) => (node.typeCondition && !hubType(node.typeCondition.name.value) ? refuse() : undefined),
        FragmentDefinition: (node) => (hubType(node.typeCondition.name.value) ? undefined : refuse()),
        Field: (node) => {
          const name = node.name.value;
          if (name === "__typename") return;
          // Introspection is answered by the gateway from the API schema, not the hub's.
          if (name.startsWith("__")) return refuse();
          const parent = typeInfo.getParentType();
          if (!parent) return refuse();
          // On an interface: the hub must resolve the field on every object type that has it.
          const objects = isAbstractType(parent) ? schema.getPossibleTypes(parent).filter((t) => t.getFields()[name]) : isObjectType(parent) ? [parent] : [];
          if (!hubField(parent.name, name) || objects.some((t) => !hubField(t.name, name))) return refuse();
        },
      }),
    );
    return alone && document.kind === Kind.DOCUMENT;
  }

  const cache = new WeakMap<DocumentNode, boolean>();
  return (document) => {
    let alone = cache.get(document);
    if (alone === undefined) cache.set(document, (alone = decide(document)));
    return alone;
  };
}
