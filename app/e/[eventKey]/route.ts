import { eventKeyAccepted } from "@/lib/server/event-key";
import { route } from "@/lib/server/http";
import { ingestRequest } from "@/lib/server/ingest-request";

/** Inngest clients' ingest endpoint: POST /e/<event key>. */
export const POST = route(async (req: Request, { params }: { params: Promise<{ eventKey: string }> }) => {
  const { eventKey } = await params;
  return ingestRequest(req, eventKeyAccepted(decodeURIComponent(eventKey)));
});
