import type { DurableFunction } from "./sdk/create-function";
import { toMilliseconds } from "./sdk/duration";
import { NonRetriableError, RetryAfterError, type SerializedError, StepError, serializeError } from "./sdk/errors";
import type { FunctionEvent, Logger, OutgoingEvent, StepTools } from "./sdk/types";
import { type NewEvent, validateEvents } from "./validate-events";

/** A step stored by an earlier attempt. */
export interface MemoStep {
  op: "RUN" | "SLEEP" | "SEND_EVENT";
  status: "COMPLETED" | "FAILED";
  output: unknown;
  error: SerializedError | null;
  endedAt: Date;
}

export interface StepRecord {
  id: string;
  name: string;
  op: "RUN" | "SLEEP" | "SEND_EVENT";
  status: "COMPLETED" | "FAILED";
  position: number;
  output: unknown;
  error: SerializedError | null;
  attempts: number;
  startedAt: Date;
  endedAt: Date;
  /** Why a FAILED step failed for good. */
  failure?: FailureReason;
}

export interface AttemptInput {
  runId: string;
  /** Zero-based attempt of the step or code this attempt starts on. */
  attempt: number;
  maxAttempts: number;
  event: FunctionEvent;
  memo: Map<string, MemoStep>;
}

/** What the engine must do to store a step before the function may go on. */
export interface StepStore {
  /**
   * Resolves once the step is durable. `events` (step.sendEvent) are stored in the same
   * transaction, and the step's output becomes `{ ids }` of the stored events.
   */
  save(step: StepRecord, events?: NewEvent[]): Promise<SaveResult>;
}

export interface SaveResult {
  leaseLost: boolean;
  cancelRequested: boolean;
  /** The worker is shutting down: stop after this step and hand the run back. */
  releaseRequested?: boolean;
  /** The output as stored, when the store set it (step.sendEvent). */
  output?: unknown;
}

/** exhausted: no attempts left; non-retriable: NonRetriableError (or a step that failed for good). */
export type FailureReason = "exhausted" | "non-retriable";

type Ended =
  | { kind: "completed"; attempt: number; output: unknown }
  | { kind: "retry"; attempt: number; stepId: string | null; error: SerializedError; retryAt: Date | null }
  | { kind: "failed"; attempt: number; stepId: string | null; error: SerializedError; reason: FailureReason }
  | { kind: "sleep"; attempt: number; until: Date }
  | { kind: "cancelled"; attempt: number }
  /** The worker is shutting down: the run goes back to the queue, due now. */
  | { kind: "released"; attempt: number };

/**
 * How the attempt ended, with the steps it completed but has not stored yet: they must be
 * stored with the attempt's end, in one commit.
 */
export type Outcome =
  | (Ended & { steps: StepRecord[] })
  /** Another worker owns the run now: write nothing. */
  | { kind: "lease-lost" };

/** Resolves never: how a step stops the function's code once the attempt has ended. */
const PAUSED = new Promise<never>(() => {});

/**
 * Runs one attempt of a run: the function's code from the top, with stored steps returning at
 * once. A new step runs and is stored before the code goes on, so a later attempt never runs it
 * again. The attempt ends when the code returns or throws, at a failing step that has retries
 * left, at a sleep, or when the run is cancelled; then the code is left suspended on a promise
 * that never settles, as Inngest's SDK does.
 */
export async function executeRun(fn: DurableFunction, input: AttemptInput, store: StepStore, logger: Logger): Promise<Outcome> {
  let ended: Outcome | null = null;
  let endAttempt!: (outcome: Outcome) => void;
  const endedEarly = new Promise<Outcome>((resolve) => (endAttempt = resolve));
  // Completed steps wait here until the next step starts or the attempt ends, then are stored
  // (with the attempt's end, when it ends): one commit fewer per step, and a step's result is
  // still durable before any later step runs. Only code outside steps, which re-runs on every
  // attempt anyway, runs in between.
  let pending: StepRecord[] = [];
  const end = (outcome: Ended | { kind: "lease-lost" }) => {
    if (ended) return;
    ended = outcome.kind === "lease-lost" ? outcome : { ...outcome, steps: pending };
    pending = [];
    endAttempt(ended);
  };

  // A new step after stored progress starts again at attempt 0: retries are counted per step.
  let progressed = false;
  const attemptNow = () => (progressed ? 0 : input.attempt);
  const occurrences = new Map<string, number>();
  let position = 0;

  const nextStep = (id: string) => {
    const n = occurrences.get(id) ?? 0;
    occurrences.set(id, n + 1);
    return { stepId: n === 0 ? id : `${id}:${n}`, position: position++ };
  };

  const save = async (step: StepRecord, events?: NewEvent[]): Promise<SaveResult | null> => {
    let result: SaveResult;
    try {
      result = await store.save(step, events);
    } catch {
      // The step could not be stored (database away): write nothing more. The lease lapses and
      // another attempt runs the step again, which is safe because it was never recorded.
      end({ kind: "lease-lost" });
      return null;
    }
    progressed = true;
    if (result.leaseLost) end({ kind: "lease-lost" });
    else if (result.cancelRequested) end({ kind: "cancelled", attempt: 0 });
    else if (result.releaseRequested) end({ kind: "released", attempt: 0 });
    return ended ? null : result;
  };

  /** Stores the completed steps still waiting; false when the attempt must stop. */
  const flush = async (): Promise<boolean> => {
    if (pending.length === 0) return !ended;
    const steps = pending;
    pending = [];
    const results = await Promise.all(steps.map((step) => save(step)));
    return results.every((r) => r !== null);
  };

  /** Runs a step's body once; retries, stores or fails it. */
  const runStep = async (id: string, op: StepRecord["op"], body: () => unknown, events?: () => NewEvent[]): Promise<unknown> => {
    if (ended) return PAUSED;
    const { stepId, position: pos } = nextStep(id);
    const memo = input.memo.get(stepId);
    if (memo) {
      if (memo.status === "FAILED") throw new StepError(stepId, memo.error ?? { name: "Error", message: "step failed" });
      return memo.output;
    }
    if (!(await flush())) return PAUSED;
    const startedAt = new Date();
    let output: unknown;
    let toSend: NewEvent[] | undefined;
    try {
      toSend = events?.();
      output = toJson(await body());
    } catch (thrown) {
      if (ended) return PAUSED;
      const error = serializeError(thrown);
      const attempt = attemptNow();
      const nonRetriable = thrown instanceof NonRetriableError;
      if (!nonRetriable && attempt + 1 < input.maxAttempts) {
        end({ kind: "retry", attempt, stepId, error, retryAt: thrown instanceof RetryAfterError ? thrown.retryAt : null });
        return PAUSED;
      }
      const failure: FailureReason = nonRetriable ? "non-retriable" : "exhausted";
      const record: StepRecord = { id: stepId, name: id, op, status: "FAILED", position: pos, output: null, error, attempts: attempt + 1, startedAt, endedAt: new Date(), failure };
      failedSteps.set(stepId, failure);
      if (!(await save(record))) return PAUSED;
      throw new StepError(stepId, error);
    }
    if (ended) return PAUSED;
    const record: StepRecord = { id: stepId, name: id, op, status: "COMPLETED", position: pos, output, error: null, attempts: attemptNow() + 1, startedAt, endedAt: new Date() };
    if (!toSend) {
      pending.push(record);
      progressed = true;
      return output;
    }
    const saved = await save(record, toSend);
    if (!saved) return PAUSED;
    return saved.output !== undefined ? saved.output : output;
  };
  const failedSteps = new Map<string, FailureReason>();

  const step: StepTools = {
    run: (id, body) => runStep(id, "RUN", body) as Promise<any>,

    sendEvent: (id, events) =>
      runStep(id, "SEND_EVENT", () => null, () => validateOutgoing(events)) as Promise<any>,

    sleep: async (id, duration) => {
      if (ended) return PAUSED;
      const { stepId, position: pos } = nextStep(id);
      const memo = input.memo.get(stepId);
      if (memo) {
        if (memo.endedAt.getTime() <= Date.now()) return;
        end({ kind: "sleep", attempt: attemptNow(), until: memo.endedAt });
        return PAUSED;
      }
      const now = new Date();
      const until = new Date(now.getTime() + toMilliseconds(duration));
      const record: StepRecord = { id: stepId, name: id, op: "SLEEP", status: "COMPLETED", position: pos, output: null, error: null, attempts: 1, startedAt: now, endedAt: until };
      const attempt = attemptNow();
      pending.push(record);
      end({ kind: "sleep", attempt, until });
      return PAUSED;
    },
  };

  const code = (async () =>
    fn.handler({ event: input.event, events: [input.event], step, attempt: input.attempt, runId: input.runId, logger }))().then(
    (output) => ({ returned: true as const, output }),
    (thrown: unknown) => ({ returned: false as const, thrown }),
  );

  const first = await Promise.race([code, endedEarly]);
  if (ended) return ended;
  if (!("returned" in first)) return first;
  end(settle(first));
  return ended!;

  /** How the function's own return or throw ends the attempt. */
  function settle(result: { returned: true; output: unknown } | { returned: false; thrown: unknown }): Ended {
    const attempt = attemptNow();
    if (result.returned) return { kind: "completed", attempt, output: toJson(result.output) };
    const thrown = result.thrown;
    if (thrown instanceof StepError) {
      // A step that failed for good and that the code did not catch fails the run with the step's error.
      return { kind: "failed", attempt, stepId: thrown.stepId, error: thrown.original, reason: failedSteps.get(thrown.stepId) ?? "exhausted" };
    }
    const error = serializeError(thrown);
    if (thrown instanceof NonRetriableError) return { kind: "failed", attempt, stepId: null, error, reason: "non-retriable" };
    if (attempt + 1 < input.maxAttempts) {
      return { kind: "retry", attempt, stepId: null, error, retryAt: thrown instanceof RetryAfterError ? thrown.retryAt : null };
    }
    return { kind: "failed", attempt, stepId: null, error, reason: "exhausted" };
  }
}

/** Step outputs are stored as JSON; returning the round-tripped value makes a first run and a replay see the same thing. */
function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value) ?? "null");
}

function validateOutgoing(events: OutgoingEvent | OutgoingEvent[]): NewEvent[] {
  const result = validateEvents(events);
  if (!result.ok) throw new NonRetriableError(`step.sendEvent: ${result.error}`);
  return result.events;
}
