import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { buildIfStale } from "../../scripts/build-if-stale";
import { createDatabaseFrom, dropDatabase } from "./postgres";

const ROOT = path.resolve(__dirname, "../..");

export interface TestServer {
  url: string;
  databaseUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Builds once across concurrent test files (a PostgreSQL advisory lock), then only if sources changed. */
async function buildOnce(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(727275)");
    buildIfStale();
  } finally {
    await client.query("SELECT pg_advisory_unlock(727275)").catch(() => {});
    await client.end();
  }
}

/** A real `next start` on a fresh database, with the worker inside, as `npm start` runs it. */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<TestServer> {
  const adminUrl = inject("adminUrl");
  await buildOnce(adminUrl);
  const databaseUrl = await createDatabaseFrom(adminUrl, inject("template"));
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, RETRY_BACKOFF_MS: "0", WORKER_POLL_MS: "200", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    databaseUrl,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await dropDatabase(adminUrl, databaseUrl);
    },
  };
}
