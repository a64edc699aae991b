// The layers import one way: request -> auth -> guards -> policy -> resolver/SQL -> mask -> audit.
// Lower layers never import from the ones above them; the schema and the policy meet only in the
// application wiring (src/secured-schema.ts).
import fs from "node:fs";
import path from "node:path";

const SRC = path.join(__dirname, "../../src");

/** Folder -> folders (under src/) it must never import from. */
const FORBIDDEN: Record<string, string[]> = {
  request: ["graph", "http", "contribute", "statistics", "seed"],
  db: ["graph", "policy", "audit", "http", "contribute", "request"],
  auth: ["graph", "policy", "audit", "http", "contribute"],
  policy: ["graph", "http", "contribute", "statistics", "seed"],
  audit: ["graph", "http", "contribute", "statistics", "seed"],
  // The compiled read path sits between graph/ (which calls it) and policy/ + db/ (which it uses).
  read: ["graph", "http", "contribute", "statistics", "seed", "audit"],
};

/** The role vocabulary is data every layer may name (tokens carry roles before policy runs). */
const SHARED_VOCABULARY = new Set(["policy/roles"]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from\s+|require\(|import\()\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  return specs.filter((s) => s.startsWith(".")).map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)));
}

describe("layering", () => {
  for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
    test(`src/${layer}/ imports nothing from ${forbidden.join(", ")}`, () => {
      const upward = sourceFiles(path.join(SRC, layer)).flatMap((file) =>
        importsOf(file)
          .filter((target) => !SHARED_VOCABULARY.has(target.replace(/\.ts$/, "")))
          .filter((target) => forbidden.includes(target.split(path.sep)[0]!))
          .map((target) => `${path.relative(SRC, file)} -> ${target}`),
      );
      expect(upward).toEqual([]);
    });
  }

  test("the checker sees an upward import when there is one", () => {
    expect(importsOf(path.join(SRC, "secured-schema.ts")).some((t) => t.startsWith("graph"))).toBe(true);
  });
});
