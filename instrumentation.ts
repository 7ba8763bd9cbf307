// Next.js calls register() once when the server starts: the engine's worker runs inside the
// web server by default (WORKER_CONCURRENCY=0 leaves execution to `npm run worker` processes).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startEngine } = await import("@/lib/server/runtime");
  const worker = await startEngine();
  if (worker) {
    console.log(`[relay] worker ${worker.id} started in the web server`);
    const stop = async (signal: string) => {
      console.log(`[relay] ${signal}: finishing attempts in flight, then stopping`);
      await worker.stop(Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000));
      process.exit(0);
    };
    process.once("SIGTERM", () => void stop("SIGTERM"));
    process.once("SIGINT", () => void stop("SIGINT"));
  }
}
