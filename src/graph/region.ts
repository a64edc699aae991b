import { builder } from "./builder";

export const RegionLevelEnum = builder.enumType("RegionLevel", {
  description: "Administrative level of a kode wilayah (Kemendagri).",
  values: {
    PROVINCE: { description: "Provinsi, 2 digits (61 Kalimantan Barat, 63 Kalimantan Selatan)." },
    REGENCY: { description: "Kabupaten or kota, PP.KK (KK >= 71 is a kota)." },
    DISTRICT: { description: "Kecamatan, PP.KK.CC." },
    VILLAGE: { description: "Desa (DDDD starting 2) or kelurahan (starting 1), PP.KK.CC.DDDD." },
  } as const,
});

export const RegionType = builder.prismaObject("Region", {
  description:
    "An administrative region identified by its kode wilayah (Kepmendagri 300.2.2-2430/2025). Codes are dotted: 61, 61.03, 61.03.21, 61.03.21.2001.",
  fields: (t) => ({
    code: t.exposeString("code", { nullable: false, description: "Kode wilayah, dotted form." }),
    name: t.exposeString("name", { nullable: false, description: "Official name." }),
    level: t.expose("level", { type: RegionLevelEnum, nullable: false, description: "Administrative level." }),
    codeSystem: t.exposeString("codeSystem", { nullable: false, description: "Code list the code comes from (KEMENDAGRI)." }),
    codeVersion: t.exposeString("codeVersion", { nullable: false, description: "Version of the code list." }),
    parent: t.relation("parent", { description: "The region one level up; null for a province." }),
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
    args: { code: t.arg.string({ required: true, description: "Kode wilayah, dotted form." }) },
    resolve: (query, _root, args, ctx) => ctx.db.prisma.region.findUnique({ ...query, where: { code: args.code } }),
  }),
  regions: t.prismaField({
    type: ["Region"],
    nullable: false,
    description: "Regions under a parent code (all provinces when parentCode is omitted).",
    args: { parentCode: t.arg.string({ description: "Kode wilayah of the parent region." }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.region.findMany({
        ...query,
        where: args.parentCode ? { parentCode: args.parentCode } : { level: "PROVINCE" },
        orderBy: { code: "asc" },
      }),
  }),
}));
