// Apollo Server plugin recording a hub's request metrics; independent of the HTTP framework.
// It also hands the metrics to the request (ctx.metrics, the audit trail's append hook), so the
// context builder needs no change to be measured.
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../request/context";
import type { HubMetrics } from "./hub-metrics";

export function metricsPlugin(metrics: HubMetrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      contextValue.metrics = metrics;
      if (contextValue.audit) contextValue.audit.onAppended = metrics.auditAppended;
      // The resolved operation's name, never the request's `operationName` (any string a client sends).
      let operationName: string | null = null;
      return {
        async didResolveOperation({ operation }) {
          operationName = operation?.name?.value ?? null;
        },
        async didEncounterErrors({ errors }) {
          for (const e of errors) {
            if (e.extensions?.code !== "FORBIDDEN") continue;
            const rule = e.extensions.rule;
            metrics.denied(typeof rule === "string" ? rule : "(unnamed rule)");
          }
        },
        async willSendResponse({ response }) {
          const body = response.body;
          const errors = body.kind === "single" ? body.singleResult.errors : body.initialResult.errors;
          // Errors here are already formatted: the code is the one the client sees.
          const code = errors?.[0]?.extensions?.code;
          const outcome = !errors?.length ? "ok" : typeof code === "string" ? code : "OTHER";
          metrics.request(metrics.operationLabel(operationName), outcome, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
