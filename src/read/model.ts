// The Prisma data model as the SQL compiler needs it: tables, columns and how relations join.
// Read from the same generated datamodel Pothos uses (src/generated/pothos-types.ts), so a new
// model or relation needs no change here. The schema maps no names (@map/@@map), so a model is its
// table and a field its column; relations reference the target's @id (checked below at load).
import { getDatamodel } from "../generated/pothos-types.ts";

export interface ScalarField {
  kind: "scalar" | "enum";
  name: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
}

export interface RelationField {
  kind: "object";
  name: string;
  /** Target model. */
  type: string;
  isList: boolean;
  /** Column on the source table and on the target table that must be equal. */
  join: { source: string; target: string };
  /** The source table holds the foreign key (a to-one whose null means "no link"). */
  ownsKey: boolean;
}

export interface Model {
  name: string;
  id: string;
  scalars: Map<string, ScalarField>;
  relations: Map<string, RelationField>;
}

type RawField = {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  relationName?: string;
  relationFromFields?: string[];
};

function load(): Map<string, Model> {
  const raw = getDatamodel().datamodel.models as unknown as Record<string, { fields: RawField[] }>;
  const idOf = (m: string) => {
    const id = raw[m]!.fields.find((f) => f.isId);
    if (!id) throw new Error(`read model: ${m} has no single-column @id`);
    return id.name;
  };
  const models = new Map<string, Model>();
  for (const [name, { fields }] of Object.entries(raw)) {
    const scalars = new Map<string, ScalarField>();
    const relations = new Map<string, RelationField>();
    for (const f of fields) {
      if (f.kind === "scalar" || f.kind === "enum") {
        scalars.set(f.name, { kind: f.kind, name: f.name, type: f.type, isList: f.isList, isRequired: f.isRequired });
        continue;
      }
      const from = f.relationFromFields ?? [];
      if (from.length > 1) continue; // composite keys: not in this schema; such relations stay on Prisma
      if (from.length === 1) {
        relations.set(f.name, { kind: "object", name: f.name, type: f.type, isList: false, join: { source: from[0]!, target: idOf(f.type) }, ownsKey: true });
        continue;
      }
      const back = raw[f.type]!.fields.find((g) => g.relationName === f.relationName && g !== f && (g.relationFromFields?.length ?? 0) === 1);
      if (!back) continue;
      relations.set(f.name, { kind: "object", name: f.name, type: f.type, isList: f.isList, join: { source: idOf(name), target: back.relationFromFields![0]! }, ownsKey: false });
    }
    models.set(name, { name, id: idOf(name), scalars, relations });
  }
  return models;
}

let cache: Map<string, Model> | undefined;

export function model(name: string): Model {
  cache ??= load();
  const m = cache.get(name);
  if (!m) throw new Error(`read model: no model ${name}`);
  return m;
}

/** SQL identifier, double-quoted (model and field names are Prisma identifiers: letters, digits, _). */
export const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;
