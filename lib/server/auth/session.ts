import crypto from "node:crypto";
import { configuredUsers } from "./users";

export const SESSION_COOKIE = "relay_session";
const DEFAULT_TTL_HOURS = 12;

export function sessionTtlSeconds(env: Record<string, string | undefined> = process.env): number {
  const hours = Number(env.SESSION_TTL_HOURS ?? DEFAULT_TTL_HOURS);
  return Math.round((Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_TTL_HOURS) * 3600);
}

/**
 * SESSION_SECRET, else one derived from the configured passwords: sessions survive restarts,
 * and changing a password signs everyone out.
 */
function secret(env: Record<string, string | undefined> = process.env): Buffer {
  const material = env.SESSION_SECRET ?? `relay-session:${[...configuredUsers(env)].map(([u, p]) => `${u}:${p}`).join("\n")}`;
  return crypto.createHash("sha256").update(material).digest();
}

function sign(payload: string, env?: Record<string, string | undefined>): string {
  return crypto.createHmac("sha256", secret(env)).update(payload).digest("base64url");
}

/** A cookie value naming the user until it expires, signed so it cannot be forged or edited. */
export function createSession(user: string, now = Date.now(), env?: Record<string, string | undefined>): string {
  const payload = Buffer.from(JSON.stringify({ u: user, exp: now + sessionTtlSeconds(env) * 1000 })).toString("base64url");
  return `${payload}.${sign(payload, env)}`;
}

/** The user a session cookie names, or null if it is missing, forged or expired. */
export function verifySession(value: string | undefined, now = Date.now(), env?: Record<string, string | undefined>): string | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  if (dot <= 0) return null;
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(payload, env));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const { u, exp } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return typeof u === "string" && typeof exp === "number" && exp > now ? u : null;
  } catch {
    return null;
  }
}

export function sessionCookieHeader(value: string, secure: boolean, maxAgeSeconds = sessionTtlSeconds()): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}
