// `npm run worker`: an extra process that executes runs (any number may share one database).
import { startEngineInProcess } from "@/lib/server/runtime";

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("npm run worker needs DATABASE_URL: the database the server uses");
    process.exit(1);
  }
  const worker = await startEngineInProcess("worker process");
  if (!worker) {
    console.error("WORKER_CONCURRENCY is 0: nothing to do");
    process.exit(1);
  }
}

void main();
