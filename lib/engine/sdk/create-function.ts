import type { BackoffFn, FailureHandlerContext, Handler, HandlerContext } from "./types";

export const FUNCTION_FAILED_EVENT = "inngest/function.failed";
export const DEFAULT_RETRIES = 4;
export const MAX_RETRIES = 20;
/** The TypeScript SDK gives failure handlers one retry. */
export const FAILURE_HANDLER_RETRIES = 1;

export interface FunctionOptions {
  id: string;
  name?: string;
  /** Retries per step after the first attempt: 0 to 20, default 4 (5 attempts). */
  retries?: number;
  /** Overrides the backoff between attempts for this function (ms, given the failed attempt). */
  backoff?: BackoffFn;
  /** Runs as a function of its own when a run of this one fails for good. */
  onFailure?: Handler<FailureHandlerContext>;
}

export interface DurableFunction {
  id: string;
  name: string;
  triggerEvent: string;
  retries: number;
  backoff?: BackoffFn;
  handler: Handler<any>;
  /** Set on a failure handler: it runs only for failures of this function. */
  handlesFunctionId?: string;
  failureHandler?: DurableFunction;
}

const ID_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._:-]{0,127}$/;

export function createFunction<Data = Record<string, unknown>>(
  options: FunctionOptions,
  trigger: { event: string },
  handler: Handler<HandlerContext<Data>>,
): DurableFunction {
  if (!ID_PATTERN.test(options.id)) {
    throw new Error(`function id "${options.id}": use letters, digits, ".", "_", ":" or "-" (at most 128)`);
  }
  const retries = options.retries ?? DEFAULT_RETRIES;
  if (!Number.isInteger(retries) || retries < 0 || retries > MAX_RETRIES) {
    throw new Error(`function "${options.id}": retries must be a whole number from 0 to ${MAX_RETRIES}`);
  }
  const fn: DurableFunction = {
    id: options.id,
    name: options.name ?? options.id,
    triggerEvent: trigger.event,
    retries,
    backoff: options.backoff,
    handler,
  };
  if (options.onFailure) {
    const onFailure = options.onFailure;
    fn.failureHandler = {
      id: `${options.id}-failure`,
      name: `${fn.name} (failure)`,
      triggerEvent: FUNCTION_FAILED_EVENT,
      retries: FAILURE_HANDLER_RETRIES,
      backoff: options.backoff,
      handlesFunctionId: options.id,
      handler: (ctx: HandlerContext<any>) => onFailure({ ...ctx, error: rebuildError(ctx.event.data?.error) }),
    };
  }
  return fn;
}

function rebuildError(serialized: { name?: string; message?: string; error?: string; stack?: string } | undefined): Error {
  const error = new Error(serialized?.message ?? serialized?.error ?? "Unknown error");
  error.name = serialized?.name ?? "Error";
  if (serialized?.stack) error.stack = serialized.stack;
  return error;
}
