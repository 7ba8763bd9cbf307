// What function authors import: `import { createFunction, NonRetriableError } from "@/lib/engine/sdk"`.
export { createFunction, type DurableFunction, type FunctionOptions } from "./create-function";
export { NonRetriableError, RetryAfterError, StepError } from "./errors";
export type { FailureHandlerContext, FunctionEvent, HandlerContext, StepTools } from "./types";
