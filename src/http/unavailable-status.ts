// Apollo plugin: a response carrying SERVICE_UNAVAILABLE (the database could not be used; see
// src/db/unavailable.ts and ./format-error.ts) goes out as HTTP 503 with Retry-After, so load
// balancers and clients treat it as the temporary fault it is rather than as a 200 or a 500.
import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCodes } from "../errors";

/** @default 1: seconds a client should wait before retrying. */
export const RETRY_AFTER_SECONDS = 1;

export function unavailableStatusPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some((e) => e.extensions?.code === "SERVICE_UNAVAILABLE")) return;
          response.http.status = ErrorCodes.SERVICE_UNAVAILABLE.http;
          response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
