// Writes schema/import-mapping.schema.json (the import mapping's JSON Schema, for editors) from
// src/import/mapping.ts. test/import/mapping.test.ts fails when the committed file is stale.
import fs from "node:fs";
import path from "node:path";
import { mappingJsonSchema } from "../src/import/mapping";

export const MAPPING_SCHEMA_FILE = path.resolve(__dirname, "../schema/import-mapping.schema.json");
export const mappingSchemaText = () => JSON.stringify(mappingJsonSchema(), null, 2) + "\n";

if (require.main === module) {
  fs.writeFileSync(MAPPING_SCHEMA_FILE, mappingSchemaText());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), MAPPING_SCHEMA_FILE)}\n`);
}
