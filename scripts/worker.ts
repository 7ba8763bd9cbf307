// `npm run worker`: an extra process that executes runs (any number may share one database).
import { startEngine } from "@/lib/server/runtime";

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("npm run worker needs DATABASE_URL: the database the server uses");
    process.exit(1);
  }
  const worker = await startEngine();
  if (!worker) {
    console.error("WORKER_CONCURRENCY is 0: nothing to do");
    process.exit(1);
  }
  console.log(`[relay] worker ${worker.id} running (concurrency ${process.env.WORKER_CONCURRENCY ?? 10})`);
  const stop = async (signal: string) => {
    console.log(`[relay] ${signal}: finishing attempts in flight, then stopping`);
    await worker.stop(Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000));
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

void main();
