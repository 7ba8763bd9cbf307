// The JSON shapes of the HTTP API. Shared by the route handlers (which produce them) and the
// dashboard (which reads them); nothing here knows about SQL or React.

export const RUN_STATUSES = ["QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export type AttemptStatus = "COMPLETED" | "FAILED" | "SLEEPING" | "LOST" | "CANCELLED" | "RELEASED";
export type StepOp = "RUN" | "SLEEP" | "SEND_EVENT";
/** SLEEPING: a step.sleep whose wake-up time is still in the future. */
export type StepStatus = "COMPLETED" | "FAILED" | "SLEEPING";

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** Only on inngest/function.failed payloads: the server's status string, e.g. "invalid status code: 500". */
  error?: string;
}

export interface RunSummary {
  id: string;
  functionId: string;
  functionName: string;
  eventId: string;
  eventName: string;
  status: RunStatus;
  /** Attempts finished so far, across all steps. */
  attempts: number;
  /** Attempts allowed per step (retries + 1). */
  maxAttempts: number;
  queuedAt: string; // ISO 8601
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  /** The error that failed the run (FAILED runs only). */
  error: SerializedError | null;
  rerunOfId: string | null;
  /** For failure-handler runs: the failed run they handle. */
  failedRunId: string | null;
}

export interface RunListResponse {
  runs: RunSummary[];
  /** Pass as ?cursor= to get the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** Runs per status under the current filters, ignoring the status filter itself (first page only; zeros on later pages). */
  counts: Record<RunStatus, number>;
}

export interface EventView {
  /** Our id (a ULID). */
  id: string;
  /** The sender's id, if it gave one (the dedupe key). */
  externalId: string | null;
  name: string;
  data: unknown;
  user: unknown;
  /** Milliseconds since the epoch, as sent (or when received). */
  ts: number;
  v: string | null;
  receivedAt: string;
}

export interface AttemptView {
  /** Position in the run, from 0. */
  number: number;
  /** Zero-based attempt of the step it ran; resets for each new step. */
  attempt: number;
  /** The step the attempt ended in, or null for function-level code. */
  stepId: string | null;
  status: AttemptStatus;
  error: SerializedError | null;
  workerId: string;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  /** When the next attempt was scheduled, if one was. */
  retryAt: string | null;
}

export interface StepView {
  id: string;
  name: string;
  op: StepOp;
  status: StepStatus;
  position: number;
  output: unknown;
  error: SerializedError | null;
  attempts: number;
  startedAt: string;
  /** For a sleep: when it wakes (or woke). */
  endedAt: string;
  durationMs: number;
}

export interface ActionAvailability {
  allowed: boolean;
  /** Why the action is not allowed (shown on hover). */
  reason?: string;
}

export interface FunctionRef {
  id: string;
  name: string;
  /** The id of this function's failure handler, if it has one. */
  failureHandlerId: string | null;
}

export interface RunDetail extends RunSummary {
  output: unknown;
  event: EventView;
  steps: StepView[];
  attemptList: AttemptView[];
  /** null when the function is no longer defined in code. */
  function: FunctionRef | null;
  /** The inngest/function.failed event this run emitted. */
  failureEvent: EventView | null;
  failureHandlerRuns: RunSummary[];
  reruns: RunSummary[];
  rerunOf: RunSummary | null;
  /** For failure-handler runs: the failed run they handle. */
  handledRun: RunSummary | null;
  actions: { retry: ActionAvailability; handleFailure: ActionAvailability; cancel: ActionAvailability };
  /** Who did what to this run from the dashboard. */
  audit: AuditEntry[];
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: "retry" | "handle-failure" | "cancel" | "send-event";
  /** The run the action created (retry, handle-failure), if any. */
  resultRunId: string | null;
}

export interface EventSummary extends EventView {
  runCount: number;
}

export interface EventListResponse {
  events: EventSummary[];
  nextCursor: string | null;
}

export interface EventDetail {
  event: EventView;
  runs: RunSummary[];
  /** For an inngest/function.failed event: the run that failed. */
  failedRun: RunSummary | null;
}

export interface FunctionView {
  id: string;
  name: string;
  triggerEvent: string;
  retries: number;
  failureHandlerId: string | null;
  /** Set on a failure handler: the function whose failures it handles. */
  handlesFunctionId: string | null;
  last24h: { runs: number; completed: number; failed: number; failureRate: number | null };
}

export interface FunctionListResponse {
  functions: FunctionView[];
}

export interface IngestResponse {
  /** Our ids of the stored events, in input order. */
  ids: string[];
  status: 200;
}

export interface ActionResponse {
  /** The run the action created (retry, handle-failure) or changed (cancel). */
  run: RunSummary;
}

export interface ApiError {
  status: number;
  error: string;
}
