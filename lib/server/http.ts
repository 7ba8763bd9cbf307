import type { ApiError } from "@/lib/api-types";

export function json<T>(body: T, status = 200): Response {
  return Response.json(body, { status });
}

export function jsonError(status: number, error: string): Response {
  return Response.json({ status, error } satisfies ApiError, { status });
}

/** Connection-level failures: the database is away, not the request at fault. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN",
  "57P01", "57P02", "57P03", // terminated by an administrator, crash shutdown, cannot connect now
  "53300", // too many connections
  "08000", "08001", "08003", "08004", "08006", // connection exceptions
  "P1001", "P1002", "P1017", "P2024", // Prisma: unreachable, timed out, connection closed, pool timeout
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connect ECONNREFUSED|terminating connection|Can't reach database|not currently accepting connections|the database system is (starting|shutting) up|Client has encountered a connection error|timeout exceeded when trying to connect/i;

function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  const e = err as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown } | null;
  if (!e || depth > 5) return false;
  if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.originalCode === "string" && UNAVAILABLE_CODES.has(e.originalCode)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  return e.cause ? isDatabaseUnavailable(e.cause, depth + 1) : false;
}

/**
 * Wraps a route handler: a database outage answers 503 with a clear message (the client may
 * retry; nothing was stored), anything else unexpected a 500 that is logged.
 */
export function route<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (err) {
      if (isDatabaseUnavailable(err)) {
        return jsonError(503, "the database is unavailable; nothing was stored, retry shortly");
      }
      console.error("[api] unexpected error:", err);
      return jsonError(500, "internal error (logged on the server)");
    }
  };
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/** Reads a JSON body of at most `maxBytes`, answering 413 or 400 (naming the problem) otherwise. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<BodyResult> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false, response: jsonError(413, `body: ${declared} bytes is over the limit of ${maxBytes}`) };
  if (!req.body) return { ok: false, response: jsonError(400, "body: is empty; send an event object or an array of events") };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, response: jsonError(413, `body: over the limit of ${maxBytes} bytes`) };
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { ok: false, response: jsonError(400, "body: is empty; send an event object or an array of events") };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, response: jsonError(400, `body: not valid JSON (${(err as Error).message})`) };
  }
}
