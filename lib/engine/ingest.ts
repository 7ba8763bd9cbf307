import { newId } from "./ids";
import type { FunctionRegistry } from "./registry";
import { FUNCTION_FAILED_EVENT } from "./sdk/create-function";
import type { Db } from "./sql/db";
import { type EventRow, type RunRow, insertEventsAndRuns } from "./sql/insert-events-and-runs";
import type { NewEvent } from "./validate-events";

export interface IngestResult {
  /** Our ids of the stored events, in input order. */
  eventIds: string[];
  runIds: string[];
}

/** Turns validated events into event rows and the runs they trigger, ready for one insert. */
export function planIngest(registry: FunctionRegistry, events: NewEvent[]): { events: EventRow[]; runs: RunRow[] } {
  const eventRows: EventRow[] = [];
  const runRows: RunRow[] = [];
  // Two events with the same id in one batch: only the first starts runs (the statement's
  // ON CONFLICT cannot touch one key twice).
  const keysInBatch = new Set<string>();
  for (const e of events) {
    const id = newId();
    eventRows.push({ id, externalId: e.externalId, name: e.name, data: e.data, user: e.user, ts: e.ts, v: e.v });
    const failedRunId = e.name === FUNCTION_FAILED_EVENT ? stringOrNull(e.data.run_id) : null;
    for (const fn of registry.triggeredBy(e.name, e.data)) {
      if (e.externalId !== null) {
        const key = `${fn.id}\u0000${e.externalId}`;
        if (keysInBatch.has(key)) continue;
        keysInBatch.add(key);
      }
      runRows.push({
        id: newId(),
        functionId: fn.id,
        eventId: id,
        eventName: e.name,
        maxAttempts: fn.retries + 1,
        dedupeKey: e.externalId,
        rerunOfId: null,
        failedRunId,
      });
    }
  }
  return { events: eventRows, runs: runRows };
}

/** Stores events and starts the runs they trigger, atomically. */
export async function ingestEvents(db: Db, registry: FunctionRegistry, events: NewEvent[]): Promise<IngestResult> {
  const plan = planIngest(registry, events);
  const runIds = await insertEventsAndRuns(db, plan.events, plan.runs);
  return { eventIds: plan.events.map((e) => e.id), runIds };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
