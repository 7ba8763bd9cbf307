import type { SerializedError } from "./errors";

/** An event as a function sees it. `id` is the sender's id, or ours when it gave none. */
export interface FunctionEvent<Data = Record<string, unknown>> {
  id: string;
  name: string;
  data: Data;
  user: Record<string, unknown>;
  ts: number;
  v?: string;
}

/** An event a function sends with step.sendEvent. */
export interface OutgoingEvent {
  name: string;
  data?: Record<string, unknown>;
  user?: Record<string, unknown>;
  id?: string;
  ts?: number;
  v?: string;
}

export interface StepTools {
  /** Runs `fn` once: its result is stored, and a retried or resumed run gets it back without running it again. */
  run<T>(id: string, fn: () => T | Promise<T>): Promise<Awaited<T>>;
  /** Pauses the run, without holding a worker, for a number of ms or a duration such as "30s" or "1h". */
  sleep(id: string, duration: number | string): Promise<void>;
  /** Sends events (once) and returns their ids. */
  sendEvent(id: string, events: OutgoingEvent | OutgoingEvent[]): Promise<{ ids: string[] }>;
}

export interface Logger {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export interface HandlerContext<Data = Record<string, unknown>> {
  event: FunctionEvent<Data>;
  events: FunctionEvent<Data>[];
  step: StepTools;
  /** Zero-based attempt of the step or code now running; it resets for each new step. */
  attempt: number;
  runId: string;
  logger: Logger;
}

/** The payload of the inngest/function.failed event, as a failure handler receives it. */
export interface FunctionFailedData {
  error: SerializedError & { error: string };
  event: FunctionEvent;
  function_id: string;
  run_id: string;
}

export interface FailureHandlerContext extends HandlerContext<FunctionFailedData> {
  /** The error that failed the run, rebuilt as an Error. */
  error: Error;
}

export type Handler<Ctx = HandlerContext> = (ctx: Ctx) => unknown;

/** Milliseconds to wait before the next attempt, given the zero-based attempt that just failed. */
export type BackoffFn = (failedAttempt: number) => number;
