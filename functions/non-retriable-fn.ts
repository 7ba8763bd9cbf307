import { NonRetriableError, createFunction } from "@/lib/engine/sdk";

/** Fails at once, with no retries: the failure event follows immediately. */
export const nonRetriableFn = createFunction(
  { id: "non-retriable-fn", name: "Non-retriable function" },
  { event: "test/non-retriable" },
  async ({ event }) => {
    const message = typeof event.data.message === "string" ? event.data.message : "payment provider rejected the card";
    throw new NonRetriableError(message);
  },
);
