import { functions } from "@/functions";
import { getPool, databaseUrl } from "@/lib/db/pool";
import { FunctionRegistry } from "@/lib/engine/registry";
import { syncFunctions } from "@/lib/engine/sql/sync-functions";
import { Worker } from "@/lib/engine/worker";

declare global {
  // eslint-disable-next-line no-var
  var __relayRegistry: FunctionRegistry | undefined;
  // eslint-disable-next-line no-var
  var __relayWorker: Worker | undefined;
}

/** The functions defined in code (functions/index.ts). */
export function getRegistry(): FunctionRegistry {
  globalThis.__relayRegistry ??= new FunctionRegistry(functions);
  return globalThis.__relayRegistry;
}

/** Syncs the function list to the database and, unless WORKER_CONCURRENCY=0, starts a worker in this process. */
export async function startEngine(): Promise<Worker | null> {
  const registry = getRegistry();
  await syncFunctions(getPool(), registry.all());
  const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 10);
  if (!(concurrency > 0) || globalThis.__relayWorker) return globalThis.__relayWorker ?? null;
  const worker = new Worker({
    pool: getPool(),
    connectionString: databaseUrl(),
    registry,
    concurrency,
    leaseMs: Number(process.env.WORKER_LEASE_MS ?? 30_000),
    pollMs: Number(process.env.WORKER_POLL_MS ?? 1_000),
  });
  await worker.start();
  globalThis.__relayWorker = worker;
  return worker;
}

/**
 * Starts the engine for a long-lived process (the web server, `npm run worker`): on SIGTERM or
 * SIGINT it stops claiming, lets attempts in flight finish (SHUTDOWN_GRACE_MS), hands back
 * the rest, then exits.
 */
export async function startEngineInProcess(where: string): Promise<Worker | null> {
  const worker = await startEngine();
  if (!worker) return null;
  console.log(`[relay] worker ${worker.id} started in the ${where}`);
  const stop = async (signal: string) => {
    console.log(`[relay] ${signal}: finishing attempts in flight, then stopping`);
    await worker.stop(Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000));
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
  return worker;
}

/**
 * Next formats error.stack without source maps (it maps only when printing errors). Failed runs
 * store error.stack, so hand formatting back to Node: with --enable-source-maps (set by
 * scripts/start.ts) the frames then name functions/*.ts lines instead of bundled chunks.
 */
export function useSourceMappedStacks(): void {
  const enabled = process.execArgv.includes("--enable-source-maps") || /--enable-source-maps/.test(process.env.NODE_OPTIONS ?? "");
  if (enabled) delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
}
