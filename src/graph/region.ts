import { builder } from "./builder";
import { RegionLevelEnum } from "./enums";
import { reads } from "./filters";

// Re-exported for existing importers; defined with the other enums.
export { RegionLevelEnum };

export const RegionType = builder.prismaObject("Region", {
  description:
    "An administrative region identified by its kode wilayah (Kemendagri numbering; all Indonesia, docs/reference-data.md). Codes are dotted: 61, 61.03, 61.03.21, 61.03.21.2001.",
  fields: (t) => ({
    code: t.exposeString("code", { nullable: false, description: "Kode wilayah, dotted form (61, 61.03, 61.03.21, 61.03.21.2001)." }),
    name: t.exposeString("name", { nullable: false, description: "Official name, e.g. Kabupaten Sanggau, Entikong." }),
    level: t.expose("level", { type: RegionLevelEnum, nullable: false, description: "Administrative level, implied by the number of code segments." }),
    codeSystem: t.exposeString("codeSystem", { nullable: false, description: "Code list the code comes from: KEMENDAGRI. Other numberings found on the web differ and are never mixed in." }),
    codeVersion: t.exposeString("codeVersion", { nullable: false, description: "Reference-data release the code's name and parent come from, e.g. idn-area-data@4.0.1 (docs/reference-data.md)." }),
    parent: t.relation("parent", { description: "The region one level up; null for a province." }),
    children: t.relation("children", {
      nullable: false,
      description: "Regions one level down (kabupaten/kota of a province, kecamatan of a kabupaten, ...), by code. Only codes loaded into the hub are listed.",
      query: { orderBy: { code: "asc" } },
    }),
  }),
});

builder.asEntity(RegionType, {
  key: builder.selection<{ code: string }>("code"),
  resolveReference: ({ code }, ctx) => ctx.db.prisma.region.findUnique({ where: { code } }),
});

builder.queryFields((t) => ({
  region: t.prismaField({
    type: "Region",
    description: "One region by kode wilayah.",
    args: { code: t.arg.string({ required: true, description: "Kode wilayah, dotted form.", extensions: reads("Region.code") }) },
    resolve: (query, _root, args, ctx) => ctx.db.prisma.region.findUnique({ ...query, where: { code: args.code } }),
  }),
  regions: t.prismaField({
    type: ["Region"],
    nullable: false,
    description: "Regions under a parent code (all provinces when parentCode is omitted).",
    args: { parentCode: t.arg.string({ description: "Kode wilayah of the parent region.", extensions: reads("Region.parent") }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.region.findMany({
        ...query,
        where: args.parentCode ? { parentCode: args.parentCode } : { level: "PROVINCE" },
        orderBy: { code: "asc" },
      }),
  }),
}));
