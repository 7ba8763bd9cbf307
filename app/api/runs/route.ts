import { listRuns } from "@/lib/queries/runs";
import { json, jsonError, route } from "@/lib/server/http";
import { QueryParams } from "@/lib/server/query-params";

/**
 * Runs, newest first. Filters: status (repeatable), function, event (name), from/to (queue
 * time), q (run id, event id or sender's event id); cursor for older pages, after for newer runs.
 */
export const GET = route(async (req: Request) => {
  const p = new QueryParams(new URL(req.url).searchParams);
  const filters = {
    statuses: p.statuses("status"),
    functionId: p.text("function"),
    eventName: p.text("event"),
    from: p.time("from"),
    to: p.time("to"),
    q: p.text("q"),
    cursor: p.ulid("cursor"),
    after: p.ulid("after"),
    limit: p.int("limit", 1, 200, 50),
  };
  if (p.error) return jsonError(400, p.error);
  if (filters.from !== undefined && filters.to !== undefined && filters.from >= filters.to) {
    return jsonError(400, "from: must be before to");
  }
  return json(await listRuns(filters));
});
