import type { ActionResponse, AuditEntry } from "@/lib/api-types";
import { getPool } from "@/lib/db/pool";
import type { ActionResult } from "@/lib/engine/actions";
import { getPrisma } from "@/lib/db/prisma";
import { functionNames } from "@/lib/queries/functions";
import { toRunSummary } from "@/lib/queries/shape";
import { actorOf } from "./actor";
import { recordAudit } from "./audit";
import { json, jsonError, route } from "./http";
import { isId } from "./query-params";

type Params = { params: Promise<{ id: string }> };

/** POST /api/runs/:id/<action>: runs the action, records who did it, answers with the run it created or changed. */
export function runActionRoute(action: AuditEntry["action"], perform: (pool: ReturnType<typeof getPool>, runId: string) => Promise<ActionResult>, createdStatus: number) {
  return route(async (req: Request, { params }: Params) => {
    const { id } = await params;
    if (!isId(id)) return jsonError(404, `run ${id.slice(0, 64)} not found`);
    const result = await perform(getPool(), id);
    if (!result.ok) return jsonError(result.status, result.error);
    await recordAudit({ actor: actorOf(req), action, runId: id, resultRunId: result.runId === id ? null : result.runId });
    const [run, names] = await Promise.all([getPrisma().run.findUniqueOrThrow({ where: { id: result.runId } }), functionNames()]);
    return json<ActionResponse>({ run: toRunSummary(run, names) }, createdStatus);
  });
}
