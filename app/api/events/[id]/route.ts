import { getEventDetail } from "@/lib/queries/events";
import { json, jsonError, route } from "@/lib/server/http";
import { isId } from "@/lib/server/query-params";

export const GET = route(async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const detail = isId(id) ? await getEventDetail(id) : null;
  return detail ? json(detail) : jsonError(404, `event ${id.slice(0, 64)} not found`);
});
