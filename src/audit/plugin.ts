// Apollo plugin: names the operation on ctx.audit and, before the response is sent, puts the
// request's reads on the chain and seals its recorded writes (one shared seal pass, group commit:
// src/audit/sealer.ts). If that fails the response is replaced by an error: data whose release is
// not on record must not leave the hub.
import type { ApolloServerPlugin } from "@apollo/server";
import { isDatabaseUnavailable } from "../db/unavailable";
import { ErrorCodes } from "../errors";
import type { RequestContext } from "../request/context";

export function auditPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName }) {
          if (contextValue.audit) contextValue.audit.operationName = operationName ?? null;
        },
        async willSendResponse(rc) {
          const audit = rc.contextValue.audit;
          if (!audit) return;
          try {
            if (audit.pending > 0) await audit.flush();
            // Reads and writes are sealed now: move the head checkpoint.
            if (audit.appended) rc.contextValue.auditCheckpointer?.poke();
          } catch (err) {
            rc.contextValue.log.error({ err }, "audit append failed: response withheld");
            // The database went away between the reads and their audit entry: retryable, not a bug.
            const code = isDatabaseUnavailable(err) ? "SERVICE_UNAVAILABLE" : "INTERNAL";
            rc.response.http.status = ErrorCodes[code].http;
            rc.response.body = {
              kind: "single",
              singleResult: { errors: [{ message: ErrorCodes[code].message, extensions: { code } }] },
            };
          }
        },
      };
    },
  };
}
