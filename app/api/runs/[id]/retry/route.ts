import { retryRun } from "@/lib/engine/actions";
import { runActionRoute } from "@/lib/server/run-action";
import { getRegistry } from "@/lib/server/runtime";

/** A new run of the same function from the same event, linked to this one. */
export const POST = runActionRoute("retry", (pool, id) => retryRun(pool, getRegistry(), id), 201);
