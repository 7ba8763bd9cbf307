import type { EventDetail, EventListResponse } from "@/lib/api-types";
import { getPrisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { functionNames } from "./functions";
import { toEventView, toRunSummary } from "./shape";

export interface EventFilters {
  name?: string;
  /** Our event id or the sender's. */
  q?: string;
  cursor?: string;
  limit: number;
}

export async function listEvents(f: EventFilters): Promise<EventListResponse> {
  const where: Prisma.EventWhereInput = {};
  if (f.name) where.name = f.name;
  if (f.q) where.OR = [{ id: f.q }, { externalId: f.q }];
  if (f.cursor) where.id = { lt: f.cursor };
  const rows = await getPrisma().event.findMany({
    where,
    orderBy: { id: "desc" },
    take: f.limit + 1,
    include: { _count: { select: { runs: true } } },
  });
  const page = rows.slice(0, f.limit);
  return {
    events: page.map((e) => ({ ...toEventView(e), runCount: e._count.runs })),
    nextCursor: rows.length > f.limit ? page[page.length - 1].id : null,
  };
}

export async function getEventDetail(id: string): Promise<EventDetail | null> {
  const prisma = getPrisma();
  const event = await prisma.event.findUnique({ where: { id }, include: { runs: { orderBy: { id: "desc" }, take: 200 } } });
  if (!event) return null;
  const failedRunId = event.name === "inngest/function.failed" ? (event.data as { run_id?: unknown })?.run_id : undefined;
  const [names, failedRun] = await Promise.all([
    functionNames(),
    typeof failedRunId === "string" ? prisma.run.findUnique({ where: { id: failedRunId } }) : null,
  ]);
  return {
    event: toEventView(event),
    runs: event.runs.map((r) => toRunSummary(r, names)),
    failedRun: failedRun ? toRunSummary(failedRun, names) : null,
  };
}
