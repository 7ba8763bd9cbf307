import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./pool";

declare global {
  // eslint-disable-next-line no-var
  var __relayPrisma: PrismaClient | undefined;
}

/** The dashboard's Prisma client: one per process. */
export function getPrisma(): PrismaClient {
  if (!globalThis.__relayPrisma) {
    globalThis.__relayPrisma = new PrismaClient({
      // The runs list runs seven queries at once (page, names, five status counts).
      adapter: new PrismaPg({ connectionString: databaseUrl(), max: 10 }),
    });
  }
  return globalThis.__relayPrisma;
}
