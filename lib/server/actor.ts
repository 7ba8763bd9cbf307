/** Who is acting, for the audit log. Without logins configured, everyone is "local". */
export function actorOf(_req: Request): string {
  return "local";
}
