// Imports every type module (for their side effects on the builder) and builds the subgraph schema.
import { builder } from "./builder";
import { validateConnectionArgs } from "./connection-args";
import { relaxGatedFields } from "../policy/nullability";
import { resolvePolicy } from "../policy/resolve";
import { POLICY } from "../policy/rules";
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
import "./audit-verification";
import "./statistics";

let built: ReturnType<typeof builder.toSubGraphSchema> | undefined;

/**
 * Built once per process: Pothos freezes the builder on first build. Every field the access
 * policy may refuse or blank for some caller is made nullable here (src/policy/nullability.ts),
 * so the SDL and the served schema agree and a denial nulls that field alone.
 */
export function buildSchema() {
  if (!built) {
    built = builder.toSubGraphSchema({
      linkUrl: "https://specs.apollo.dev/federation/v2.6",
      federationDirectives: ["@key", "@shareable", "@external", "@requires", "@provides"],
    });
    relaxGatedFields(built, resolvePolicy(POLICY, built));
    validateConnectionArgs(built);
  }
  return built;
}
