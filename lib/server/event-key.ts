import crypto from "node:crypto";

/** EVENT_KEY, when set, is required to send events; unset, any key is accepted (as Inngest's dev server does). */
export function eventKeyAccepted(given: string | null, expected = process.env.EVENT_KEY): boolean {
  if (!expected) return true;
  if (!given) return false;
  // Compare digests so the comparison takes the same time whatever the key's length or content.
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match ? match[1].trim() : null;
}
