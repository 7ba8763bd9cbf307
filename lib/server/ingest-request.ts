import type { IngestResponse } from "@/lib/api-types";
import { getPool } from "@/lib/db/pool";
import { ingestEvents } from "@/lib/engine/ingest";
import { LIMITS } from "@/lib/engine/limits";
import { validateEvents } from "@/lib/engine/validate-events";
import { actorOf } from "./actor";
import { recordAudit } from "./audit";
import { json, jsonError, readJsonBody } from "./http";
import { getRegistry } from "./runtime";

/**
 * The events API, shared by POST /api/events and POST /e/:eventKey: validates the whole batch,
 * then stores it and its runs in one statement before answering, so a 200 means durable.
 */
export async function ingestRequest(req: Request, keyAccepted: boolean): Promise<Response> {
  if (!keyAccepted) return jsonError(401, "Event key not found: send the server's EVENT_KEY");
  const body = await readJsonBody(req, LIMITS.maxBodyBytes);
  if (!body.ok) return body.response;
  const result = validateEvents(body.value);
  if (!result.ok) return Response.json({ ids: [], status: result.status, error: result.error }, { status: result.status });
  const { eventIds } = await ingestEvents(getPool(), getRegistry(), result.events);
  if (fromOwnPages(req)) {
    await Promise.all(eventIds.map((eventId) => recordAudit({ actor: actorOf(req), action: "send-event", eventId })));
  }
  return json<IngestResponse>({ ids: eventIds, status: 200 });
}

/** A browser on the dashboard's own pages (the Send event form), as opposed to an app sending events. */
function fromOwnPages(req: Request): boolean {
  const origin = req.headers.get("origin");
  try {
    return origin !== null && new URL(origin).host === req.headers.get("host");
  } catch {
    return false;
  }
}
