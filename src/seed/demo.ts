// Deterministic synthetic demo dataset. No record describes a real person.
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Logger } from "../logger";
import { DISTRICTS, PROVINCES, REGENCIES, levelOf, parentOf } from "./regions";

export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.region.count()) === 0;
}

export async function seedRegions(prisma: PrismaClient): Promise<number> {
  const all = [...PROVINCES, ...REGENCIES, ...DISTRICTS];
  await prisma.region.createMany({
    data: all.map((r) => ({ code: r.code, name: r.name, level: levelOf(r.code), parentCode: parentOf(r.code) })),
    skipDuplicates: true,
  });
  return all.length;
}

export async function seedDemo(prisma: PrismaClient, opts: { scale: number; log?: Logger }): Promise<Record<string, number>> {
  const regions = await seedRegions(prisma);
  opts.log?.info({ regions }, "demo regions seeded");
  return { regions };
}
