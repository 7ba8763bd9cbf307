// A worker in its own process, for crash tests: `npx tsx tests/support/processes/worker-main.ts`
// with DATABASE_URL, WORKER_ID and WORKER_LEASE_MS. It prints "ready" once it is claiming.
import { createPool } from "@/lib/db/pool";
import { FunctionRegistry } from "@/lib/engine/registry";
import { Worker } from "@/lib/engine/worker";
import { fixtureFunctions } from "./fixture-functions";

async function main() {
  const url = process.env.DATABASE_URL!;
  const pool = createPool(url, 10);
  const worker = new Worker({
    pool,
    connectionString: url,
    registry: new FunctionRegistry(fixtureFunctions(pool)),
    workerId: process.env.WORKER_ID,
    concurrency: Number(process.env.WORKER_CONCURRENCY ?? 10),
    leaseMs: Number(process.env.WORKER_LEASE_MS ?? 1_000),
    pollMs: 100,
    backoff: () => 0,
    log: { info: () => {}, warn: () => {}, error: () => {} },
  });
  await worker.start();
  process.stdout.write("ready\n");
  process.once("SIGTERM", async () => {
    await worker.stop(Number(process.env.SHUTDOWN_GRACE_MS ?? 5_000));
    await pool.end();
    process.exit(0);
  });
}

void main();
