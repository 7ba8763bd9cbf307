import { actorOf } from "@/lib/server/actor";
import { loginsEnabled } from "@/lib/server/auth/users";

/** Who is signed in, and whether logins are on (the nav shows "Sign out" only then). */
export async function GET(req: Request) {
  return Response.json({ user: actorOf(req), loginsEnabled: loginsEnabled() });
}
