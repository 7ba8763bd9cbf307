import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The JS schema engine needs no downloaded binary (see README, "Migrations").
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
  schema: "prisma/schema.prisma",
});
