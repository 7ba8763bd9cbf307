import crypto from "node:crypto";

/**
 * Dashboard users from the environment: DASHBOARD_PASSWORD (one user, "admin") and/or
 * DASHBOARD_USERS ("alice:secret,bob:other"). None configured: logins are off.
 */
export function configuredUsers(env: Record<string, string | undefined> = process.env): Map<string, string> {
  const users = new Map<string, string>();
  if (env.DASHBOARD_PASSWORD) users.set("admin", env.DASHBOARD_PASSWORD);
  for (const entry of (env.DASHBOARD_USERS ?? "").split(",")) {
    const at = entry.indexOf(":");
    if (at > 0 && at < entry.length - 1) users.set(entry.slice(0, at).trim(), entry.slice(at + 1));
  }
  return users;
}

export function loginsEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return configuredUsers(env).size > 0;
}

/** The user whose password this is, comparing in constant time; null when none matches. */
export function authenticate(user: string | undefined, password: string, env: Record<string, string | undefined> = process.env): string | null {
  const users = configuredUsers(env);
  const name = user && user.trim() !== "" ? user.trim() : "admin";
  const expected = users.get(name);
  // Compare against something even for unknown users, so timing does not reveal which exist.
  const ok = safeEqual(password, expected ?? crypto.randomBytes(16).toString("hex"));
  return ok && expected !== undefined ? name : null;
}

export function safeEqual(a: string, b: string): boolean {
  const ha = crypto.createHash("sha256").update(a).digest();
  const hb = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}
