// Turns the Authorization header into a Principal, or refuses with AuthError (HTTP 401).
import type http from "node:http";
import type { Principal } from "./principal";

export class AuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthError";
  }
}

export interface Authenticator {
  authenticate(req: http.IncomingMessage, url: URL): Promise<Principal>;
}
