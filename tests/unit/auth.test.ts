import { describe, expect, it } from "vitest";
import { isCrossSiteWrite, isPublic } from "@/lib/server/auth/request-policy";
import { createSession, verifySession } from "@/lib/server/auth/session";
import { authenticate, configuredUsers } from "@/lib/server/auth/users";

const env = { DASHBOARD_PASSWORD: "hunter2", DASHBOARD_USERS: "alice:wonder,bob:builder" };

describe("dashboard users", () => {
  it("reads the single password as admin and the user list", () => {
    expect([...configuredUsers(env).keys()].sort()).toEqual(["admin", "alice", "bob"]);
    expect(configuredUsers({}).size).toBe(0);
  });

  it("accepts the right password only", () => {
    expect(authenticate(undefined, "hunter2", env)).toBe("admin");
    expect(authenticate("alice", "wonder", env)).toBe("alice");
    expect(authenticate("alice", "builder", env)).toBeNull();
    expect(authenticate("mallory", "wonder", env)).toBeNull();
    expect(authenticate(undefined, "", env)).toBeNull();
  });
});

describe("sessions", () => {
  it("name their user until they expire", () => {
    const cookie = createSession("alice", 1_000, env);
    expect(verifySession(cookie, 2_000, env)).toBe("alice");
    expect(verifySession(cookie, 1_000 + 13 * 3600 * 1000, env)).toBeNull();
  });

  it("cannot be forged or edited", () => {
    const cookie = createSession("alice", Date.now(), env);
    const [payload, sig] = cookie.split(".");
    const forged = Buffer.from(JSON.stringify({ u: "admin", exp: Date.now() + 1e9 })).toString("base64url");
    expect(verifySession(`${forged}.${sig}`, Date.now(), env)).toBeNull();
    expect(verifySession(`${payload}.${sig.slice(0, -2)}xx`, Date.now(), env)).toBeNull();
    expect(verifySession("garbage", Date.now(), env)).toBeNull();
    // Signed with other passwords: a changed password signs everyone out.
    expect(verifySession(cookie, Date.now(), { DASHBOARD_PASSWORD: "other" })).toBeNull();
  });
});

describe("request policy", () => {
  it("keeps ingestion, health and login public, everything else behind the login", () => {
    expect(isPublic("POST", "/api/events")).toBe(true);
    expect(isPublic("POST", "/e/key123")).toBe(true);
    expect(isPublic("GET", "/api/health")).toBe(true);
    expect(isPublic("GET", "/api/events")).toBe(false);
    expect(isPublic("POST", "/api/runs/01J/retry")).toBe(false);
    expect(isPublic("GET", "/")).toBe(false);
  });

  it("refuses cross-site writes to the dashboard API but not reads or ingestion", () => {
    expect(isCrossSiteWrite("POST", "/api/runs/x/cancel", "https://evil.example", "relay.local:3000")).toBe(true);
    expect(isCrossSiteWrite("POST", "/api/runs/x/cancel", "http://relay.local:3000", "relay.local:3000")).toBe(false);
    expect(isCrossSiteWrite("POST", "/api/runs/x/cancel", null, "relay.local:3000")).toBe(false);
    expect(isCrossSiteWrite("GET", "/api/runs", "https://evil.example", "relay.local:3000")).toBe(false);
    expect(isCrossSiteWrite("POST", "/api/events", "https://shop.example", "relay.local:3000")).toBe(false);
    expect(isCrossSiteWrite("POST", "/api/auth/login", "null", "relay.local:3000")).toBe(true);
  });
});
