import { toMilliseconds } from "./duration";

/** Thrown by a function or step to fail at once, without the retries that remain. */
export class NonRetriableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NonRetriableError";
  }
}

/**
 * Thrown to retry later than the backoff would: `retryAfter` is milliseconds, a duration string
 * ("30s") or a Date. It still uses up an attempt.
 */
export class RetryAfterError extends Error {
  readonly retryAt: Date;
  constructor(message: string, retryAfter: number | string | Date, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RetryAfterError";
    this.retryAt =
      retryAfter instanceof Date ? retryAfter : new Date(Date.now() + toMilliseconds(retryAfter));
  }
}

/**
 * What `await step.run(...)` throws once the step has failed for good. The function may catch
 * it and carry on (a rollback, say); if it does not, the run fails with the step's own error.
 */
export class StepError extends Error {
  readonly stepId: string;
  readonly original: SerializedError;
  constructor(stepId: string, original: SerializedError) {
    super(original.message);
    this.name = "StepError";
    this.stepId = stepId;
    this.original = original;
    this.stack = original.stack;
  }
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

/** The JSON form of anything thrown, keeping name, message and stack (with its cause chain). */
export function serializeError(thrown: unknown): SerializedError {
  if (thrown instanceof StepError) return thrown.original;
  if (thrown instanceof Error) {
    let stack = thrown.stack;
    let cause = thrown.cause;
    for (let depth = 0; cause !== undefined && depth < 5; depth++) {
      const c = cause instanceof Error ? cause : undefined;
      stack += `\n[cause]: ${c ? (c.stack ?? `${c.name}: ${c.message}`) : safeString(cause)}`;
      cause = c?.cause;
    }
    return { name: thrown.name || "Error", message: thrown.message, ...(stack ? { stack } : {}) };
  }
  return { name: "Error", message: safeString(thrown) };
}

function safeString(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
