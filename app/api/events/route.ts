import { listEvents } from "@/lib/queries/events";
import { bearerToken, eventKeyAccepted } from "@/lib/server/event-key";
import { json, jsonError, route } from "@/lib/server/http";
import { ingestRequest } from "@/lib/server/ingest-request";
import { QueryParams } from "@/lib/server/query-params";

/** Send events: one object or an array of up to 5,000. With EVENT_KEY set, `Authorization: Bearer <key>`. */
export const POST = route((req: Request) => ingestRequest(req, eventKeyAccepted(bearerToken(req))));

/** List events, newest first: ?name=, ?q= (our id or the sender's), ?cursor=, ?limit=. */
export const GET = route(async (req: Request) => {
  const p = new QueryParams(new URL(req.url).searchParams);
  const filters = { name: p.text("name"), q: p.text("q"), cursor: p.ulid("cursor"), limit: p.int("limit", 1, 200, 50) };
  if (p.error) return jsonError(400, p.error);
  return json(await listEvents(filters));
});
