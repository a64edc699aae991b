// Constructs the Pothos builder and its plugins; nothing else. Types live one per file.
import SchemaBuilder from "@pothos/core";
import DirectivePlugin from "@pothos/plugin-directives";
import FederationPlugin from "@pothos/plugin-federation";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import type { RequestContext } from "../request/context";
import { BoundedDate, BoundedDateTime } from "./date-scalars";

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: RequestContext;
  DefaultFieldNullability: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
  };
}>({
  plugins: [RelayPlugin, PrismaPlugin, DirectivePlugin, FederationPlugin],
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  prisma: {
    // Per request, so one process can serve several databases (tests) and transactions.
    client: (ctx) => ctx.db.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
});

builder.addScalarType("DateTime", BoundedDateTime, {
  description: "An instant in UTC, ISO 8601 (2026-03-14T08:30:00Z), in the years 1900-9999.",
});
builder.addScalarType("Date", BoundedDate, {
  description: "A calendar date, ISO 8601 (2026-03-14), no time zone, in the years 1900-9999.",
});

builder.queryType({ description: "Read the shared TPPO picture. Every field is subject to the caller's access policy." });
