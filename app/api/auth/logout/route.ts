import { sessionCookieHeader } from "@/lib/server/auth/session";

/** POST: clears the session cookie. */
export async function POST(req: Request) {
  const secure = new URL(req.url).protocol === "https:";
  return new Response(JSON.stringify({ ok: true }), {
    status: 200,
    headers: { "content-type": "application/json", "set-cookie": sessionCookieHeader("", secure, 0) },
  });
}
