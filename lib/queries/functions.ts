import type { FunctionListResponse } from "@/lib/api-types";
import { getPrisma } from "@/lib/db/prisma";
import type { FunctionNames } from "./shape";
import { ulidFloor } from "./ulid-time";

export async function functionNames(): Promise<FunctionNames> {
  const rows = await getPrisma().functionDef.findMany({ select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every function with its runs, completions and failures over the last 24 hours. */
export async function listFunctions(now = Date.now()): Promise<FunctionListResponse> {
  const prisma = getPrisma();
  const [defs, stats] = await Promise.all([
    prisma.functionDef.findMany({ orderBy: { id: "asc" } }),
    prisma.run.groupBy({
      by: ["functionId", "status"],
      where: { id: { gte: ulidFloor(now - 86_400_000) } },
      _count: { _all: true },
    }),
  ]);
  return {
    functions: defs.map((f) => {
      const mine = stats.filter((s) => s.functionId === f.id);
      const count = (status?: string) => mine.filter((s) => !status || s.status === status).reduce((n, s) => n + s._count._all, 0);
      const completed = count("COMPLETED");
      const failed = count("FAILED");
      return {
        id: f.id,
        name: f.name,
        triggerEvent: f.triggerEvent,
        retries: f.retries,
        failureHandlerId: f.failureHandlerId,
        handlesFunctionId: f.handlesFunctionId,
        last24h: { runs: count(), completed, failed, failureRate: completed + failed > 0 ? failed / (completed + failed) : null },
      };
    }),
  };
}
