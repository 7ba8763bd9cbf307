// `npm run bench` — Relay's engine beside graphile-worker and pg-boss on the same PostgreSQL.
//   --quick   tiny sizes (the smoke test in `npm test` uses it)
//   --scale   the dashboard queries over 1,000,000 runs instead of 100,000
//   --no-peers  Relay only
//   --reps N  repetitions of each workload (default 2; the README's table used 3)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfStale } from "../scripts/build-if-stale";
import { type Row, machine, printTable, range, ratio, writeResults } from "./report";
import { summarize } from "./support";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const scale = args.has("--scale");
const peers = !args.has("--no-peers");
const repsArg = process.argv.indexOf("--reps");
const reps = repsArg > 0 ? Math.max(1, Number(process.argv[repsArg + 1]) || 2) : 2;

const SIZE = quick
  ? { events: 1_000, concurrency: [10], reps: 1, latencySamples: 40, ingestSeconds: 1, failures: 100, dashboardRuns: 2_000, querySamples: 5 }
  : { events: 20_000, concurrency: [10, 50], reps, latencySamples: 200, ingestSeconds: 3, failures: 2_000, dashboardRuns: scale ? 1_000_000 : 100_000, querySamples: 40 };

function ensurePeersInstalled() {
  if (fs.existsSync(path.join(__dirname, "node_modules/graphile-worker")) && fs.existsSync(path.join(__dirname, "node_modules/pg-boss"))) return;
  console.log("[bench] installing graphile-worker and pg-boss into bench/node_modules");
  execFileSync("npm", ["install", "--prefix", __dirname, "--no-audit", "--no-fund"], { stdio: "inherit" });
}

async function repeat<T>(n: number, f: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f());
  return out;
}

async function main() {
  if (peers) ensurePeersInstalled();
  buildIfStale();
  const { relayThroughput, peerThroughput } = await import("./workloads/throughput");
  const { relayLatency, peerLatency } = await import("./workloads/latency");
  const { relayIngestHttp } = await import("./workloads/ingest-http");
  const { relayFailurePath } = await import("./workloads/failure-path");
  const { relayDashboardQueries } = await import("./workloads/dashboard-queries");

  const results: Record<string, unknown> = { machine: machine(), at: new Date().toISOString(), size: SIZE };
  const rows: Row[] = [];
  let peakRss = process.memoryUsage().rss / 2 ** 20;
  const trackRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss / 2 ** 20));

  for (const c of SIZE.concurrency) {
    console.log(`[bench] throughput, concurrency ${c}`);
    const ours = summarize(await repeat(SIZE.reps, () => relayThroughput(SIZE.events, c)));
    trackRss();
    const gw = peers ? summarize(await repeat(SIZE.reps, () => peerThroughput("graphile-worker", SIZE.events, c))) : null;
    const pb = peers ? summarize(await repeat(SIZE.reps, () => peerThroughput("pg-boss", SIZE.events, c))) : null;
    results[`throughput_c${c}`] = { relay: ours, graphileWorker: gw, pgBoss: pb };
    rows.push({
      workload: `throughput, runs/s, concurrency ${c}`,
      relay: range(ours),
      graphile: gw ? `${range(gw)} → ${ratio(ours.median, gw.median)}` : undefined,
      pgboss: pb ? `${range(pb)} → ${ratio(ours.median, pb.median)}` : undefined,
      target: c === 10 ? "≥1.0× graphile, ≥2× pg-boss" : "",
      met: c === 10 && gw && pb ? ours.median >= gw.median && ours.median >= 2 * pb.median : undefined,
    });
  }

  console.log("[bench] latency");
  const lat = await repeat(SIZE.reps, () => relayLatency(SIZE.latencySamples));
  trackRss();
  const p = (k: "p50" | "p95" | "p99", list: Array<{ p50: number; p95: number; p99: number }>) => summarize(list.map((l) => l[k]));
  const gwLat = peers ? await repeat(SIZE.reps, () => peerLatency("graphile-worker", SIZE.latencySamples)) : null;
  const pbLat = peers ? await repeat(SIZE.reps, () => peerLatency("pg-boss", SIZE.latencySamples)) : null;
  results.latency = { relay: lat, graphileWorker: gwLat, pgBoss: pbLat };
  for (const k of ["p50", "p95", "p99"] as const) {
    rows.push({
      workload: `latency ${k}, ms (start − send)`,
      relay: range(p(k, lat), 1),
      graphile: gwLat ? range(p(k, gwLat), 1) : undefined,
      pgboss: pbLat ? range(p(k, pbLat), 1) : undefined,
      target: k === "p50" ? "≤ 3 ms" : k === "p99" ? "≤ 15 ms" : "",
      met: k === "p50" ? p(k, lat).median <= 3 : k === "p99" ? p(k, lat).median <= 15 : undefined,
    });
  }

  console.log("[bench] ingest over HTTP");
  const ingest = await repeat(SIZE.reps, () => relayIngestHttp(SIZE.ingestSeconds, 3700));
  results.ingestHttp = ingest;
  const single = summarize(ingest.map((i) => i.singleRequestsPerSecond));
  const batch = summarize(ingest.map((i) => i.batchEventsPerSecond));
  const serverRss = Math.max(...ingest.map((i) => i.peakRssMb));
  rows.push({ workload: "ingest HTTP, single-event requests/s", relay: range(single), target: "≥ 2,000", met: single.median >= 2_000 });
  rows.push({ workload: "ingest HTTP, events/s in batches of 100", relay: range(batch), target: "≥ 20,000", met: batch.median >= 20_000 });

  console.log("[bench] failure path");
  const failure = summarize(await repeat(SIZE.reps, () => relayFailurePath(SIZE.failures)));
  trackRss();
  results.failurePath = { seconds: failure, runs: SIZE.failures };
  rows.push({ workload: `failure path: ${SIZE.failures} runs × 3 attempts + handlers, s`, relay: range(failure, 2), target: "" });

  console.log(`[bench] dashboard queries over ${SIZE.dashboardRuns.toLocaleString("en-US")} runs`);
  const dash = await relayDashboardQueries(SIZE.dashboardRuns, SIZE.querySamples, 3701);
  results.dashboard = { runs: SIZE.dashboardRuns, ...dash };
  for (const [label, t] of Object.entries(dash.timings)) {
    const limit = label.startsWith("run detail") ? 20 : 30;
    rows.push({ workload: `${label}, ms p50 / p95`, relay: `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}`, target: `p95 ≤ ${limit} ms`, met: t.p95 <= limit });
  }

  rows.push({ workload: "peak RSS, MB: engine process (workloads 1, 2, 4)", relay: peakRss.toFixed(0), target: "≤ 400", met: peakRss <= 400 });
  rows.push({ workload: "peak RSS, MB: Next.js server (workload 3)", relay: serverRss.toFixed(0), target: "≤ 400", met: serverRss <= 400 });
  results.peakRssMb = { engineProcess: peakRss, server: serverRss, serverDuringDashboard: dash.peakRssMb };

  const table = printTable(rows);
  results.table = table;
  const file = writeResults(results);
  console.log(`\n${machine()}, PostgreSQL at ${process.env.TEST_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/test"}\n`);
  console.log(table);
  console.log(`\nresults: ${path.relative(process.cwd(), file)}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
