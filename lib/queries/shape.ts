import type { EventView, RunSummary, SerializedError } from "@/lib/api-types";
import type { Event, Run } from "@/lib/generated/prisma/client";

/** Function display names by id, for run summaries. */
export type FunctionNames = Map<string, string>;

export function toRunSummary(run: Run, names: FunctionNames): RunSummary {
  const started = run.startedAt?.getTime() ?? null;
  const ended = run.endedAt?.getTime() ?? null;
  return {
    id: run.id,
    functionId: run.functionId,
    functionName: names.get(run.functionId) ?? run.functionId,
    eventId: run.eventId,
    eventName: run.eventName,
    status: run.status,
    attempts: run.attempts,
    maxAttempts: run.maxAttempts,
    queuedAt: run.queuedAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    endedAt: run.endedAt?.toISOString() ?? null,
    durationMs: started !== null && ended !== null ? ended - started : null,
    error: run.status === "FAILED" ? ((run.error as SerializedError | null) ?? null) : null,
    rerunOfId: run.rerunOfId,
    failedRunId: run.failedRunId,
  };
}

export function toEventView(event: Event): EventView {
  return {
    id: event.id,
    externalId: event.externalId,
    name: event.name,
    data: event.data,
    user: event.user,
    ts: event.ts.getTime(),
    v: event.v,
    receivedAt: event.receivedAt.toISOString(),
  };
}
