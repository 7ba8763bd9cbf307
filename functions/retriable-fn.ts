import { createFunction } from "@/lib/engine/sdk";

/**
 * The seed's example: a step, then an error on every attempt. After its retries the run fails,
 * emits inngest/function.failed, and the failure handler runs with a step of its own.
 */
export const retriableFn = createFunction(
  {
    id: "retriable-fn",
    name: "Retriable function",
    onFailure: async ({ step }) => step.run("handle-failure", () => "error handled"),
  },
  { event: "test/plug.retriable" },
  async ({ step }) => {
    await step.run("load-input", () => ({ loaded: true }));
    throw new Error("YOLO!!!");
  },
);
