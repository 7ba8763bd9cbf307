import type { FailureReason } from "./execute-run";
import { FUNCTION_FAILED_EVENT } from "./sdk/create-function";
import type { SerializedError } from "./sdk/errors";
import type { FunctionEvent } from "./sdk/types";
import type { NewEvent } from "./validate-events";

/** Events whose runs emit no failure event, so a failing failure handler cannot loop. */
export const SYSTEM_TRIGGERS = new Set([FUNCTION_FAILED_EVENT, "inngest/function.finished"]);

/**
 * The inngest/function.failed event for a run that failed for good, in the shape of Inngest's
 * (see shared/seed/handling-failures.txt): data.error, data.event (the triggering event),
 * data.function_id and data.run_id. `error.error` is the server's status string, as Inngest's
 * HTTP driver reports it: a retriable error that ran out of attempts is "invalid status code: 500".
 */
export function buildFailureEvent(
  functionId: string,
  runId: string,
  event: FunctionEvent,
  error: SerializedError,
  reason: FailureReason,
  now = Date.now(),
): NewEvent {
  return {
    name: FUNCTION_FAILED_EVENT,
    data: {
      error: {
        error: reason === "non-retriable" ? "NonRetriableError" : "invalid status code: 500",
        message: error.message,
        name: error.name,
        ...(error.stack ? { stack: error.stack } : {}),
      },
      event: {
        data: event.data,
        id: event.id,
        name: event.name,
        ts: event.ts,
        user: event.user,
        ...(event.v ? { v: event.v } : {}),
      },
      function_id: functionId,
      run_id: runId,
    },
    user: {},
    externalId: null,
    ts: now,
    v: null,
  };
}
