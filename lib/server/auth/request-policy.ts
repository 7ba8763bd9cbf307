/**
 * Which requests need a login, and which state-changing requests must come from our own pages.
 * Pure, so the proxy stays a thin adapter and the rules are unit-tested.
 */

/** Reachable without a session: the login itself, health checks, and event ingestion (which has EVENT_KEY). */
export function isPublic(method: string, path: string): boolean {
  if (path === "/login" || path === "/api/auth/login" || path === "/api/health") return true;
  if (path.startsWith("/e/")) return true;
  if (path === "/api/events" && method === "POST") return true;
  return path.startsWith("/_next/") || path === "/favicon.ico";
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing dashboard request (retry, cancel, login...) from another site is refused:
 * browsers send Origin with every cross-site POST. Event ingestion is exempt: apps post events
 * from anywhere, and EVENT_KEY guards it.
 */
export function isCrossSiteWrite(method: string, path: string, origin: string | null, host: string | null): boolean {
  if (SAFE_METHODS.has(method)) return false;
  if (path.startsWith("/e/") || path === "/api/events") return false;
  if (!origin) return false; // not a browser request: nothing for a browser to forge
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
