// The hub's web pages: one Vite build, one HTML entry per page, served by the hub
// (src/http/web-pages.ts). React's JSX goes through Vite's own esbuild (no @vitejs/plugin-react:
// its peer ranges conflict with this tree). Everything is bundled: the pages load nothing from
// the internet, and the hub's Content-Security-Policy allows no remote origin.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  logLevel: "warn",
  esbuild: { jsx: "automatic", jsxImportSource: "react" },
  build: {
    outDir: resolve(root, "dist"),
    emptyOutDir: true,
    // Monaco (GraphiQL's editor) is large and loads on /graphiql only.
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      // GraphiQL's UI libraries carry React Server Components' "use client" markers, meaningless here.
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes('"use client"')) return;
        warn(warning);
      },
      input: {
        index: resolve(root, "index.html"),
        desk: resolve(root, "desk/index.html"),
        dashboard: resolve(root, "dashboard/index.html"),
        graphiql: resolve(root, "graphiql/index.html"),
      },
    },
  },
  worker: { format: "es" },
});
