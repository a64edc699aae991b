// Prisma CLI configuration. The JS (WASM) schema engine with a driver adapter keeps every
// CLI command we use (generate, migrate diff) offline: Prisma 6 would otherwise download
// a native schema-engine binary. Migrations are applied by `tppo-hub migrate`, not the CLI.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPGlite } from "pglite-prisma-adapter";

// The CLI reads schema.prisma's env("DATABASE_URL") and, when it is unset, falls back to
// downloading a native engine. Generation never connects, so a placeholder is enough.
process.env.DATABASE_URL ??= "postgresql://offline@localhost/unused";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    // The adapter pins an older @prisma/driver-adapter-utils; the runtime contract is the same.
    return new PrismaPGlite(new PGlite() as never) as never;
  },
});
