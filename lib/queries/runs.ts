import type { RunDetail, RunListResponse, RunStatus, SerializedError } from "@/lib/api-types";
import { RUN_STATUSES } from "@/lib/api-types";
import { getPrisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { functionNames } from "./functions";
import { toEventView, toRunSummary } from "./shape";
import { ulidFloor } from "./ulid-time";

export interface RunFilters {
  statuses: RunStatus[];
  functionId?: string;
  eventName?: string;
  /** Queued at or after (ms). */
  from?: number;
  /** Queued before (ms). */
  to?: number;
  /** A run id, an event id, or a sender's event id. */
  q?: string;
  /** Older than this run id (the next page). */
  cursor?: string;
  /** Newer than this run id (the "N new runs" check). */
  after?: string;
  limit: number;
}

/** Status counts stop at this many: exact counts over millions of rows are slow and nobody reads past it. */
export const COUNT_CAP = 10_000;

/**
 * `q` may be a run id, our event id or the sender's event id. The sender's id is resolved to our
 * event ids first (indexed lookup), so the runs filter is an OR of two indexed columns instead of
 * a join that defeats both indexes.
 */
async function resolveQuery(f: RunFilters): Promise<RunFilters & { eventIds?: string[] }> {
  if (!f.q) return f;
  const events = await getPrisma().event.findMany({ where: { externalId: f.q }, select: { id: true }, take: 100 });
  return { ...f, eventIds: [f.q, ...events.map((e) => e.id)] };
}

function baseWhere(f: RunFilters & { eventIds?: string[] }): Prisma.RunWhereInput {
  const id: Prisma.StringFilter = {};
  if (f.from !== undefined) id.gte = ulidFloor(f.from);
  if (f.to !== undefined) id.lt = ulidFloor(f.to);
  const where: Prisma.RunWhereInput = {};
  if (Object.keys(id).length) where.id = id;
  if (f.functionId) where.functionId = f.functionId;
  if (f.eventName) where.eventName = f.eventName;
  if (f.q) where.OR = [{ id: f.q }, { eventId: { in: f.eventIds ?? [f.q] } }];
  return where;
}

function pageWhere(f: RunFilters & { eventIds?: string[] }): Prisma.RunWhereInput {
  const where = baseWhere(f);
  const id: Prisma.StringFilter = { ...((where.id as Prisma.StringFilter) ?? {}) };
  if (f.cursor) id.lt = id.lt && id.lt < f.cursor ? id.lt : f.cursor;
  if (f.after) id.gt = f.after;
  if (Object.keys(id).length) where.id = id;
  if (f.statuses.length) where.status = { in: f.statuses };
  return where;
}

export async function listRuns(filters: RunFilters): Promise<RunListResponse> {
  const prisma = getPrisma();
  const f = await resolveQuery(filters);
  const where = baseWhere(f);
  // Counts are for the status chips above the first page; later pages and the new-runs check skip them.
  const wantCounts = !f.after && !f.cursor;
  const [rows, names, counts] = await Promise.all([
    prisma.run.findMany({ where: pageWhere(f), orderBy: { id: "desc" }, take: f.limit + 1 }),
    functionNames(),
    wantCounts
      ? Promise.all(RUN_STATUSES.map((status) => prisma.run.count({ where: { ...where, status }, take: COUNT_CAP })))
      : Promise.resolve(RUN_STATUSES.map(() => 0)),
  ]);
  const page = rows.slice(0, f.limit);
  return {
    runs: page.map((r) => toRunSummary(r, names)),
    nextCursor: rows.length > f.limit ? page[page.length - 1].id : null,
    counts: Object.fromEntries(RUN_STATUSES.map((s, i) => [s, counts[i]])) as Record<RunStatus, number>,
  };
}

export async function getRunDetail(runId: string, definedFunctions: Map<string, { failureHandlerId: string | null }>): Promise<RunDetail | null> {
  const prisma = getPrisma();
  const run = await prisma.run.findUnique({
    where: { id: runId },
    include: { event: true, steps: { orderBy: { position: "asc" } }, attemptRows: { orderBy: { number: "asc" } } },
  });
  if (!run) return null;
  const [names, failureEvent, related, audit] = await Promise.all([
    functionNames(),
    run.failureEventId ? prisma.event.findUnique({ where: { id: run.failureEventId } }) : null,
    prisma.run.findMany({
      where: {
        OR: [
          { failedRunId: run.id },
          { rerunOfId: run.id },
          ...(run.rerunOfId ? [{ id: run.rerunOfId }] : []),
          ...(run.failedRunId ? [{ id: run.failedRunId }] : []),
        ],
      },
      orderBy: { id: "desc" },
      take: 200,
    }),
    prisma.auditEntry.findMany({ where: { runId: run.id }, orderBy: { at: "desc" }, take: 100 }),
  ]);
  const summary = toRunSummary(run, names);
  const now = Date.now();
  const defined = definedFunctions.get(run.functionId);
  const ended = run.status === "COMPLETED" || run.status === "FAILED" || run.status === "CANCELLED";
  return {
    ...summary,
    output: run.output,
    event: toEventView(run.event),
    steps: run.steps.map((s) => ({
      id: s.id,
      name: s.name,
      op: s.op,
      status: s.op === "SLEEP" && s.endedAt.getTime() > now ? "SLEEPING" : s.status,
      position: s.position,
      output: s.output,
      error: (s.error as SerializedError | null) ?? null,
      attempts: s.attempts,
      startedAt: s.startedAt.toISOString(),
      endedAt: s.endedAt.toISOString(),
      durationMs: s.endedAt.getTime() - s.startedAt.getTime(),
    })),
    attemptList: run.attemptRows.map((a) => ({
      number: a.number,
      attempt: a.attempt,
      stepId: a.stepId,
      status: a.status,
      error: (a.error as SerializedError | null) ?? null,
      workerId: a.workerId,
      startedAt: a.startedAt.toISOString(),
      endedAt: a.endedAt.toISOString(),
      durationMs: a.endedAt.getTime() - a.startedAt.getTime(),
      retryAt: a.retryAt?.toISOString() ?? null,
    })),
    function: defined ? { id: run.functionId, name: names.get(run.functionId) ?? run.functionId, failureHandlerId: defined.failureHandlerId } : null,
    failureEvent: failureEvent ? toEventView(failureEvent) : null,
    failureHandlerRuns: related.filter((r) => r.failedRunId === run.id).map((r) => toRunSummary(r, names)),
    reruns: related.filter((r) => r.rerunOfId === run.id).map((r) => toRunSummary(r, names)),
    rerunOf: pick(related, run.rerunOfId, names),
    handledRun: pick(related, run.failedRunId, names),
    actions: {
      retry: !defined
        ? { allowed: false, reason: `Function "${run.functionId}" is no longer defined in code` }
        : ended
          ? { allowed: true }
          : { allowed: false, reason: `The run is still ${run.status.toLowerCase()}: cancel it or wait for it to end` },
      handleFailure:
        run.status !== "FAILED"
          ? { allowed: false, reason: `Only failed runs have a failure to handle; this run is ${run.status.toLowerCase()}` }
          : !defined?.failureHandlerId
            ? { allowed: false, reason: `Function "${run.functionId}" has no failure handler (onFailure)` }
            : !run.failureEventId
              ? { allowed: false, reason: "This run emitted no failure event (runs started by system events never do)" }
              : { allowed: true },
      cancel: ended
        ? { allowed: false, reason: `The run has already ended (${run.status.toLowerCase()})` }
        : run.cancelRequested
          ? { allowed: false, reason: "Cancellation requested: the run stops after the step in flight" }
          : { allowed: true },
    },
    audit: audit.map((a) => ({
      at: a.at.toISOString(),
      actor: a.actor,
      action: a.action as RunDetail["audit"][number]["action"],
      resultRunId: a.resultRunId,
    })),
  };
}

function pick(runs: Parameters<typeof toRunSummary>[0][], id: string | null, names: Map<string, string>) {
  const run = id ? runs.find((r) => r.id === id) : undefined;
  return run ? toRunSummary(run, names) : null;
}
