// Polda's subgraph: Case.investigation from the investigation register, built with the hub's
// adapter kit (src/federation). The kit checks the gateway's token, the policy section
// POLICY.subgraphs.polda (field grants, purposes, row scopes) and hands sensitive reads to the
// hub's audit log; this file only says how to find a case's report and what `inJurisdiction` means.
import fs from "node:fs";
import path from "node:path";
import type { Principal } from "../../src/auth/principal";
import { createSubgraph, type GatewayKeys, type Subgraph, type SubgraphContext } from "../../src/federation";

import type { Logger } from "../../src/logger";
import { POLDA_AGENCY } from "./from-demo";
import { toInvestigation, type PoldaInvestigation } from "./mapping";
import type { PoldaRegister, UnitScope } from "./register";

export const POLDA_SDL = fs.readFileSync(path.join(__dirname, "schema.graphql"), "utf8");

/** The required fields the gateway sends with each Case (@requires). */
interface CaseRepresentation {
  id: string;
  sourceAgency?: string;
  externalId?: string;
}

/** `inJurisdiction`: the unit that registered the report lies in the caller's territory (none: no territorial limit). */
function unitInJurisdiction(regionCode: string, principal: Pick<Principal, "jurisdiction">): boolean {
  return principal.jurisdiction.length === 0 || principal.jurisdiction.some((p) => regionCode === p || regionCode.startsWith(`${p}.`));
}

/**
 * The caller's row rule as the register's unit scope, so the register returns only rows the caller
 * may reach (the kit checks every row against the scopes again).
 */
function unitScope(ctx: SubgraphContext): UnitScope | "none" {
  const rule = ctx.rowRule("PoldaInvestigation");
  if (rule === "none") return "none";
  if (rule === "all" || ctx.principal.jurisdiction.length === 0) return "all";
  // Every alternative is the single scope inJurisdiction: the caller's kode wilayah prefixes.
  if (rule.every((alt) => alt.length === 1 && alt[0] === "inJurisdiction")) return { regionPrefixes: ctx.principal.jurisdiction };
  return "all";
}

export interface PoldaSubgraphOptions {
  register: PoldaRegister;
  /** The gateway's public keys (only its tokens for "polda" are accepted). */
  gateway: GatewayKeys;
  /** The hub's audit hand-off endpoint, e.g. http://127.0.0.1:4001/federation/audit */
  hubAuditUrl: string;
  log?: Logger;
}

export function poldaSubgraph(opts: PoldaSubgraphOptions): Subgraph {
  const { register } = opts;
  return createSubgraph({
    name: "polda",
    typeDefs: POLDA_SDL,
    resolvers: {
      Case: {
        investigation(c: CaseRepresentation, _args: unknown, ctx: SubgraphContext): Promise<PoldaInvestigation | null> | null {
          // Only cases Polda Kalbar contributed carry its register's case number.
          if (c.sourceAgency !== POLDA_AGENCY || !c.externalId) return null;
          const scope = unitScope(ctx);
          if (scope === "none") return null;
          // One register query for all the cases of one gateway call.
          return ctx
            .loader<string, PoldaInvestigation | null>("investigations", async (numbers) => {
              const rows = await register.byCaseNumbers(numbers, scope);
              const byNumber = new Map(rows.map((r) => [r.no_kasus_emp, toInvestigation(r)]));
              return numbers.map((n) => byNumber.get(n) ?? null);
            })
            .load(c.externalId);
        },
      },
    },
    scopes: {
      inJurisdiction: (row: PoldaInvestigation, principal) => unitInJurisdiction(row.investigatorUnitRegion, principal),
    },
    recordIds: { PoldaInvestigation: (row: PoldaInvestigation) => row.reportNumber },
    gateway: opts.gateway,
    hubAuditUrl: opts.hubAuditUrl,
    ready: () => register.ping(),
    log: opts.log,
  });
}
