// The hub's web pages (web/, built by Vite into web/dist by `npm run build:web`): GET / (an index),
// /desk, /dashboard, /graphiql, and their hashed assets. Everything comes from this origin; the
// Content-Security-Policy names no other, so a page can neither load nor send anything elsewhere.
import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import { sendError } from "./refusals";

/** Pages served at /<name> from web/dist/<name>/index.html. */
export const WEB_PAGES = ["desk", "dashboard", "graphiql"] as const;
export type WebPage = (typeof WEB_PAGES)[number];

/** web/dist at the repository root; the same two levels up from src/http and from dist/http. */
export const DEFAULT_WEB_DIR = path.resolve(__dirname, "../../web/dist");

// 'self' only. Styles allow inline: GraphiQL's editor (Monaco) and Observable Plot's charts write
// <style> elements at run time; scripts never run inline. Workers (Monaco's) are same-origin files.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const PAGE_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

export interface WebPagesOptions {
  /** The built pages. @default DEFAULT_WEB_DIR */
  dir?: string;
}

export async function webPages(app: FastifyInstance, opts: WebPagesOptions = {}): Promise<void> {
  const dir = opts.dir ?? DEFAULT_WEB_DIR;
  const built = fs.existsSync(path.join(dir, "index.html"));
  const pages: [string, string][] = [["/", "index.html"], ...WEB_PAGES.flatMap((p): [string, string][] => [[`/${p}`, `${p}/index.html`], [`/${p}/`, `${p}/index.html`]])];

  if (!built) {
    // A checkout whose install skipped the web build: say how to get the pages rather than 404.
    for (const [url] of pages) {
      app.get(url, (_request, reply) => sendError(reply, 503, "WEB_NOT_BUILT", `The web pages are not built (${dir} is missing): run \`npm run build:web\``));
    }
    return;
  }

  // Vite's hashed files (/assets/*) never change under the same name; the HTML is revalidated.
  await app.register(fastifyStatic, {
    root: dir,
    prefix: "/",
    wildcard: true,
    index: false,
    redirect: false,
    dotfiles: "deny",
    cacheControl: false,
    setHeaders(reply, file) {
      const immutable = file.startsWith(path.join(dir, "assets") + path.sep);
      reply.headers({ ...PAGE_HEADERS, "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache" });
    },
  });
  const sendPage = (file: string) => (_request: unknown, reply: FastifyReply) => reply.sendFile(file);
  for (const [url, file] of pages) app.get(url, sendPage(file));
}
