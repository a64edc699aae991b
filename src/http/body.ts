// Request bodies: JSON for application/json (and application/graphql-response+json), the raw
// text for any other type, so Apollo's CSRF prevention sees and refuses text/plain, form and
// multipart posts itself. Bodies over the limit are refused by Fastify with 413 (see app.ts).
import type { FastifyInstance } from "fastify";
import { decodeUtf8Body } from "./utf8-body";

const JSON_TYPES = ["application/json", "application/graphql-response+json"];

export class BadJsonError extends Error {
  readonly statusCode = 400;
  constructor() {
    super("Request body is not valid JSON");
    this.name = "BadJsonError";
  }
}

export function bodyParsers(app: FastifyInstance, maxBodyBytes: number): void {
  app.removeAllContentTypeParsers();
  // As bytes, so an invalid UTF-8 body is refused (400) rather than decoded with replacement characters.
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: maxBodyBytes }, (request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8Body(body as Buffer);
    } catch (err) {
      return done(err as Error, undefined);
    }
    const type = request.headers["content-type"] ?? "";
    if (!JSON_TYPES.some((t) => type.startsWith(t))) return done(null, text);
    if (text.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new BadJsonError(), undefined);
    }
  });
}
