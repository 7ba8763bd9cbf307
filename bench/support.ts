import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DEFAULT_ADMIN_URL, canConnect, createDatabaseFrom, dropDatabase, ensureTemplate } from "../tests/support/postgres";

export const ROOT = path.resolve(__dirname, "..");

export interface BenchDb {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

let admin: { url: string; template: string } | null = null;

async function adminDb() {
  if (admin) return admin;
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  if (!(await canConnect(url))) throw new Error(`npm run bench needs a PostgreSQL at ${url} (or TEST_DATABASE_URL)`);
  admin = { url, template: await ensureTemplate(url) };
  return admin;
}

/** A fresh database migrated for Relay (peers create their own schemas in it). */
export async function freshDatabase(poolSize = 20): Promise<BenchDb> {
  const a = await adminDb();
  const url = await createDatabaseFrom(a.url, a.template);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on("error", () => {});
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await dropDatabase(a.url, url);
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Summary {
  median: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  return { median: percentile(s, 50), min: s[0], max: s[s.length - 1] };
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RunningServer {
  url: string;
  pid: number;
  /** Highest resident memory of the server process so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** A real `next start` (built with `npm run build` or `npm start` first) on `databaseUrl`. */
export async function startServer(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<RunningServer> {
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => {
    try {
      return (await fetch(`${url}/api/health`)).ok;
    } catch {
      return false;
    }
  }, 60_000, 200);
  const pids = () => [child.pid!, ...childPids(child.pid!)];
  return {
    url,
    pid: child.pid!,
    peakRssMb: () => Math.max(...pids().map(vmHwmMb)),
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

function childPids(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number).flatMap((p) => [p, ...childPids(p)]);
  } catch {
    return [];
  }
}

function vmHwmMb(pid: number): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
