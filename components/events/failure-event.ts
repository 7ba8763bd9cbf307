// What an inngest/function.failed event says, read defensively: its data is JSON from the
// database, and older or hand-made events may lack fields.
import type { SerializedError } from "@/lib/api-types";

export const FAILURE_EVENT_NAME = "inngest/function.failed";

export interface FailureEventFacts {
  error: SerializedError | null;
  functionId: string | null;
  runId: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const stringOrNull = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);

export function readFailureEvent(event: { name: string; data: unknown }): FailureEventFacts | null {
  if (event.name !== FAILURE_EVENT_NAME || !isRecord(event.data)) return null;
  const { error, function_id, run_id } = event.data;
  let serialized: SerializedError | null = null;
  if (isRecord(error) && (typeof error.message === "string" || typeof error.name === "string")) {
    serialized = {
      name: typeof error.name === "string" ? error.name : "Error",
      message: typeof error.message === "string" ? error.message : "",
      ...(typeof error.stack === "string" ? { stack: error.stack } : {}),
      ...(typeof error.error === "string" ? { error: error.error } : {}),
    };
  }
  return { error: serialized, functionId: stringOrNull(function_id), runId: stringOrNull(run_id) };
}

const PREVIEW_CHARS = 140;

/**
 * One line that says what an event carried, for the events list: a failure event's function
 * and error, or the start of its data as JSON; empty for no data.
 */
export function summariseEvent(event: { name: string; data: unknown }): string {
  const failure = readFailureEvent(event);
  if (failure) {
    const message = failure.error ? `${failure.error.name}: ${failure.error.message.split("\n")[0]}` : "failed";
    return `${failure.functionId ?? "a function"} · ${message}`.slice(0, PREVIEW_CHARS);
  }
  if (event.data === undefined || event.data === null || (isRecord(event.data) && Object.keys(event.data).length === 0)) return "";
  const json = JSON.stringify(event.data) ?? "";
  return json.length > PREVIEW_CHARS ? `${json.slice(0, PREVIEW_CHARS - 1)}…` : json;
}
