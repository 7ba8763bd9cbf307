import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

// Without a password the dashboard would be open to anyone who can reach it: npm start refuses
// to listen beyond this machine then, before it touches a database or builds anything.
it("npm start refuses to listen on a public address without DASHBOARD_PASSWORD", () => {
  const env = { ...process.env, HOST: "0.0.0.0", DASHBOARD_PASSWORD: "", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" };
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts"], { cwd: ROOT, env, encoding: "utf8", timeout: 30_000 });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("refusing to listen on 0.0.0.0 without a login");
  expect(result.stderr).toContain("Set DASHBOARD_PASSWORD, or keep HOST=127.0.0.1.");
});
