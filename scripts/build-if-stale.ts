// Builds the Next.js app when its sources are newer than the last build. Shared by `npm start`
// and the test setup, so tests that start real servers never build concurrently.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const SOURCES = ["app", "components", "lib", "functions", "instrumentation.ts", "proxy.ts", "next.config.js", "package.json", "postcss.config.mjs"];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

export function buildIfStale(env: NodeJS.ProcessEnv = process.env): void {
  if (!buildIsStale()) return;
  console.log("[relay] building the app (sources changed since the last build)");
  const result = spawnSync("npx", ["next", "build"], { cwd: ROOT, env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}
