import { type NextRequest, NextResponse } from "next/server";
import { isCrossSiteWrite, isPublic } from "@/lib/server/auth/request-policy";
import { SESSION_COOKIE, verifySession } from "@/lib/server/auth/session";
import { loginsEnabled } from "@/lib/server/auth/users";

/** Set on the request for route handlers: who is acting (read by lib/server/actor.ts). */
export const USER_HEADER = "x-relay-user";

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React's style attributes need inline styles; scripts are what XSS needs, and they are nonce-bound.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Logins, cross-site write refusal and the CSP nonce, before any page or API route runs. */
export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  const method = req.method.toUpperCase();
  const isApi = path.startsWith("/api/") || path.startsWith("/e/");

  if (isApi && !["GET", "HEAD", "POST", "OPTIONS"].includes(method)) {
    return NextResponse.json({ status: 405, error: `method ${method.slice(0, 20)} is not allowed here (use GET or POST)` }, { status: 405, headers: { allow: "GET, HEAD, POST" } });
  }

  if (isCrossSiteWrite(method, path, req.headers.get("origin"), req.headers.get("host"))) {
    return NextResponse.json({ status: 403, error: "cross-site request refused: use the dashboard itself" }, { status: 403 });
  }

  const headers = new Headers(req.headers);
  headers.delete(USER_HEADER); // only we may set it
  if (loginsEnabled()) {
    const user = verifySession(req.cookies.get(SESSION_COOKIE)?.value);
    if (user) headers.set(USER_HEADER, user);
    else if (!isPublic(method, path)) {
      if (isApi) return NextResponse.json({ status: 401, error: "login required: sign in at /login" }, { status: 401 });
      const login = new URL("/login", req.url);
      login.searchParams.set("next", path + req.nextUrl.search);
      return NextResponse.redirect(login);
    }
  }

  if (isApi) return NextResponse.next({ request: { headers } });
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
