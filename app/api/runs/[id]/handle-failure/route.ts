import { handleFailure } from "@/lib/engine/actions";
import { runActionRoute } from "@/lib/server/run-action";
import { getRegistry } from "@/lib/server/runtime";

/** Runs the function's failure handler now, with the failure event this run stored. */
export const POST = runActionRoute("handle-failure", (pool, id) => handleFailure(pool, getRegistry(), id), 201);
