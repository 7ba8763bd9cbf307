// `npm test`: every test — unit and integration (Vitest, real PostgreSQL), then end to end
// (Playwright, real Chromium and server) — closing with one line: "N passed, M failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const REPORTS = path.join(ROOT, "test-reports");
fs.rmSync(REPORTS, { recursive: true, force: true });
fs.mkdirSync(REPORTS, { recursive: true });

function run(args: string[]): number {
  const result = spawnSync("npx", args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return result.status ?? 1;
}

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(path.join(REPORTS, file), "utf8"));
  } catch {
    return null;
  }
}

const vitestCode = run(["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(REPORTS, "vitest.json")}`]);
const playwrightCode = process.env.SKIP_E2E ? 0 : run(["playwright", "test"]);

const vitest = readJson("vitest.json");
const playwright = readJson("playwright.json");
let passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
let failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);
// A runner that crashed before reporting counts as one failure, so the summary cannot read green.
if (vitestCode !== 0 && !vitest?.numFailedTests) failed += 1;
if (playwrightCode !== 0 && !playwright?.stats?.unexpected) failed += 1;

console.log(`\nunit+integration: ${vitest?.numPassedTests ?? 0} passed, ${vitest?.numFailedTests ?? 0} failed; end-to-end: ${playwright?.stats?.expected ?? 0} passed, ${playwright?.stats?.unexpected ?? 0} failed`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
