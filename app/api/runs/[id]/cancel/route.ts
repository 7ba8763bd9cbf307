import { cancelRun } from "@/lib/engine/actions";
import { runActionRoute } from "@/lib/server/run-action";

/** Stops a queued or sleeping run now, a running one after the step in flight. */
export const POST = runActionRoute("cancel", (pool, id) => cancelRun(pool, id), 200);
