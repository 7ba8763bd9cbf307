import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");

/** Starts tests/support/processes/worker-main.ts in a child process and waits until it claims. */
export async function spawnWorker(databaseUrl: string, workerId: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  // node with tsx's loader, not the tsx CLI: the CLI runs the script in a child process, so a
  // signal sent to it would not reach the worker itself.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "worker-main.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, WORKER_ID: workerId, WORKER_LEASE_MS: "1000", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => String(d).includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`worker ${workerId} exited with ${code} before it was ready`)));
  });
  return child;
}

export function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}
