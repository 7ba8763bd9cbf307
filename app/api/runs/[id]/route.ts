import { getRunDetail } from "@/lib/queries/runs";
import { json, jsonError, route } from "@/lib/server/http";
import { isId } from "@/lib/server/query-params";
import { getRegistry } from "@/lib/server/runtime";

export const GET = route(async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const defined = new Map(getRegistry().all().map((f) => [f.id, { failureHandlerId: f.failureHandler?.id ?? null }]));
  const detail = isId(id) ? await getRunDetail(id, defined) : null;
  return detail ? json(detail) : jsonError(404, `run ${id.slice(0, 64)} not found`);
});
