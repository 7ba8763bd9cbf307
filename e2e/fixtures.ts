import { type APIRequestContext, expect, test } from "@playwright/test";
import type { RunListResponse, RunStatus, RunSummary } from "@/lib/api-types";

export { expect, test };

/** Sends one event through the real API; returns our id for it. */
export async function sendEvent(request: APIRequestContext, name: string, data: Record<string, unknown> = {}): Promise<string> {
  const res = await request.post("/api/events", { data: { name, data } });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { ids: string[] };
  return body.ids[0];
}

/** Polls the runs API until the event's run of `functionId` exists (and has `status`, if given). */
export async function waitForRun(
  request: APIRequestContext,
  where: { eventId: string; functionId: string; status?: RunStatus },
  timeoutMs = 30_000,
): Promise<RunSummary> {
  const deadline = Date.now() + timeoutMs;
  let last: RunSummary | undefined;
  while (Date.now() < deadline) {
    const res = await request.get(`/api/runs?q=${where.eventId}&limit=50`);
    const body = (await res.json()) as RunListResponse;
    last = body.runs.find((r) => r.functionId === where.functionId);
    if (last && (!where.status || last.status === where.status)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${where.status ?? ""} run of ${where.functionId} for event ${where.eventId} (last seen: ${last?.status ?? "none"})`);
}
