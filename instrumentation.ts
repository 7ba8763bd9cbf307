// Next.js calls register() once when the server starts: the engine's worker runs inside the
// web server by default (WORKER_CONCURRENCY=0 leaves execution to `npm run worker` processes).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startEngineInProcess, useSourceMappedStacks } = await import("@/lib/server/runtime");
  useSourceMappedStacks();
  await startEngineInProcess("web server");
}
