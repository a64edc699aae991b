// Request bodies: JSON for application/json (and application/graphql-response+json), the raw
// text for any other type, so Apollo's CSRF prevention sees and refuses text/plain, form and
// multipart posts itself. Bodies over the limit are refused by Fastify with 413 (see app.ts).
import type { FastifyInstance } from "fastify";

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
  app.addContentTypeParser("*", { parseAs: "string", bodyLimit: maxBodyBytes }, (request, body, done) => {
    const text = body as string;
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
