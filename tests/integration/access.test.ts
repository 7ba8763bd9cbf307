import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { type TestServer, startServer } from "../support/server";

// A real server with logins on: every dashboard page and API route needs a session, except
// ingestion (guarded by EVENT_KEY) and the health check.
let server: TestServer;
beforeAll(async () => {
  server = await startServer(3601, { DASHBOARD_PASSWORD: "correct horse", EVENT_KEY: "k-123" });
}, 180_000);
afterAll(async () => server?.stop());

async function login(password: string) {
  return fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ password }),
  });
}

describe("with DASHBOARD_PASSWORD set", () => {
  it("refuses the API and redirects pages without a session", async () => {
    const api = await fetch(`${server.url}/api/runs`);
    expect(api.status).toBe(401);
    expect((await api.json()).error).toMatch(/login required/);
    const page = await fetch(`${server.url}/runs/x?tab=1`, { redirect: "manual" });
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get("location")!, server.url).toString()).toBe(`${server.url}/login?next=%2Fruns%2Fx%3Ftab%3D1`);
  });

  it("signs in with the password only, with an httpOnly SameSite cookie, and signs out", async () => {
    expect((await login("wrong")).status).toBe(401);
    const ok = await login("correct horse");
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^relay_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200/);
    const session = cookie.split(";")[0];
    const runs = await fetch(`${server.url}/api/runs`, { headers: { cookie: session } });
    expect(runs.status).toBe(200);
    const out = await fetch(`${server.url}/api/auth/logout`, { method: "POST", headers: { cookie: session, origin: server.url } });
    expect(out.headers.get("set-cookie")).toMatch(/relay_session=; .*Max-Age=0/);
  });

  it("accepts events only with the event key, without a session", async () => {
    const body = JSON.stringify({ name: "job/foobar", data: {} });
    expect((await fetch(`${server.url}/e/wrong-key`, { method: "POST", body })).status).toBe(401);
    expect((await fetch(`${server.url}/api/events`, { method: "POST", body })).status).toBe(401);
    expect((await fetch(`${server.url}/e/k-123`, { method: "POST", body })).status).toBe(200);
    const bearer = await fetch(`${server.url}/api/events`, { method: "POST", body, headers: { authorization: "Bearer k-123" } });
    expect(bearer.status).toBe(200);
  });

  it("refuses state-changing requests from other sites, even with a session", async () => {
    const session = (await login("correct horse")).headers.get("set-cookie")!.split(";")[0];
    const res = await fetch(`${server.url}/api/runs/01JDJKGTGDVV4DTXHY6XYB7BKK/cancel`, {
      method: "POST",
      headers: { cookie: session, origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    const same = await fetch(`${server.url}/api/runs/01JDJKGTGDVV4DTXHY6XYB7BKK/cancel`, {
      method: "POST",
      headers: { cookie: session, origin: server.url },
    });
    expect(same.status).toBe(404);
  });

  it("records who retried a run", async () => {
    const session = (await login("correct horse")).headers.get("set-cookie")!.split(";")[0];
    const sent = await fetch(`${server.url}/e/k-123`, { method: "POST", body: JSON.stringify({ name: "test/non-retriable" }) });
    const eventId = (await sent.json()).ids[0];
    const db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      let runId: string | undefined;
      for (let i = 0; i < 100 && !runId; i++) {
        const { rows } = await db.query(`SELECT id FROM runs WHERE event_id = $1 AND status = 'FAILED'`, [eventId]);
        runId = rows[0]?.id;
        if (!runId) await new Promise((r) => setTimeout(r, 100));
      }
      const retry = await fetch(`${server.url}/api/runs/${runId}/retry`, { method: "POST", headers: { cookie: session, origin: server.url } });
      expect(retry.status).toBe(201);
      const detail = await (await fetch(`${server.url}/api/runs/${runId}`, { headers: { cookie: session } })).json();
      expect(detail.audit).toEqual([expect.objectContaining({ actor: "admin", action: "retry", resultRunId: (await retry.json()).run.id })]);
    } finally {
      await db.end();
    }
  });

  it("sends security headers: no framing, a nonce-based CSP on pages", async () => {
    const res = await fetch(`${server.url}/login`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
