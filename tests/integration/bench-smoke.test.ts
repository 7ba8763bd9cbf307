import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

// The benchmark is not part of npm test, but its harness is, at tiny sizes, so it cannot rot.
it("npm run bench -- --quick --no-peers measures every workload", () => {
  const resultsDir = path.join(ROOT, "bench/results");
  const before = new Set(fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir) : []);
  const out = execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), ["bench/run.ts", "--quick", "--no-peers"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/test" },
  });
  expect(out).toContain("| throughput, runs/s, concurrency 10");
  const file = fs.readdirSync(resultsDir).find((f) => f.endsWith(".json") && !before.has(f));
  expect(file).toBeDefined();
  const results = JSON.parse(fs.readFileSync(path.join(resultsDir, file!), "utf8"));
  fs.rmSync(path.join(resultsDir, file!));
  expect(results.throughput_c10.relay.median).toBeGreaterThan(0);
  expect(results.latency.relay[0].p50).toBeGreaterThan(0);
  expect(results.ingestHttp[0].batchEventsPerSecond).toBeGreaterThan(0);
  expect(results.failurePath.seconds.median).toBeGreaterThan(0);
  expect(Object.keys(results.dashboard.timings)).toHaveLength(9);
  expect(results.peakRssMb.server).toBeGreaterThan(0);
}, 180_000);
