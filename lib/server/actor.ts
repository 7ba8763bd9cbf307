/** Who is acting, for the audit log: the signed-in user (set by proxy.ts), or "local" without logins. */
export function actorOf(req: Request): string {
  return req.headers.get("x-relay-user") ?? "local";
}
