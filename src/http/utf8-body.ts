// Request bodies must be UTF-8 (RFC 8259 for JSON; GraphQL over HTTP). Decoding leniently would
// turn every invalid byte into U+FFFD and store that silently in place of what the agency sent,
// so an invalid body is refused whole with 400 and nothing runs. Shared by every HTTP front.
import { isUtf8 } from "node:buffer";

export class InvalidUtf8Body extends Error {
  readonly status = 400;
  constructor() {
    super("Request body is not valid UTF-8");
    this.name = "InvalidUtf8Body";
  }
}

/** The body as text; throws InvalidUtf8Body when it is not valid UTF-8. A leading BOM is dropped. */
export function decodeUtf8Body(body: Buffer): string {
  if (!isUtf8(body)) throw new InvalidUtf8Body();
  const text = body.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The error body for an invalid body, in the hub's error shape. */
export const invalidUtf8Response = { errors: [{ message: "Request body is not valid UTF-8", extensions: { code: "BAD_REQUEST" } }] };
