// Imports every type module (for their side effects on the builder) and builds the subgraph schema.
import { builder } from "./builder";
import { validateConnectionArgs } from "./connection-args";
import "./enums";
import "./provenance";
import "./region";
import "./organization";
import "./person";
import "./person-statement";
import "./identity-document";
import "./case";
import "./case-assignment";
import "./case-participant";
import "./migrant-placement";
import "./border-crossing";
import "./repatriation";
import "./service-referral";
import "./legal-proceeding";
import "./early-warning-report";
import "./contribute";
import "./audit-log";
import "./statistics";

let built: ReturnType<typeof builder.toSubGraphSchema> | undefined;

/** Built once per process: Pothos freezes the builder on first build. */
export function buildSchema() {
  return (built ??= validateConnectionArgs(
    builder.toSubGraphSchema({
      linkUrl: "https://specs.apollo.dev/federation/v2.6",
      federationDirectives: ["@key", "@shareable", "@external", "@requires", "@provides"],
    }),
  ));
}
