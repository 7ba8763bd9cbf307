import { createSession, sessionCookieHeader } from "@/lib/server/auth/session";
import { authenticate, loginsEnabled } from "@/lib/server/auth/users";
import { jsonError, readJsonBody, route } from "@/lib/server/http";

/** POST {user?, password}: sets the session cookie. */
export const POST = route(async (req: Request) => {
  if (!loginsEnabled()) return jsonError(400, "logins are off: set DASHBOARD_PASSWORD or DASHBOARD_USERS to enable them");
  const body = await readJsonBody(req, 16 * 1024);
  if (!body.ok) return body.response;
  const { user, password } = (body.value ?? {}) as { user?: unknown; password?: unknown };
  if (typeof password !== "string" || password === "") return jsonError(400, "password: is required");
  if (user !== undefined && typeof user !== "string") return jsonError(400, "user: must be a string");
  const name = authenticate(user, password);
  if (!name) {
    // A pause makes guessing slow without locking real users out.
    await new Promise((r) => setTimeout(r, 400));
    return jsonError(401, "wrong user or password");
  }
  const secure = new URL(req.url).protocol === "https:";
  return new Response(JSON.stringify({ user: name }), {
    status: 200,
    headers: { "content-type": "application/json", "set-cookie": sessionCookieHeader(createSession(name), secure) },
  });
});
