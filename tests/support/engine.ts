import type pg from "pg";
import { ingestEvents } from "@/lib/engine/ingest";
import { FunctionRegistry } from "@/lib/engine/registry";
import type { DurableFunction } from "@/lib/engine/sdk";
import { syncFunctions } from "@/lib/engine/sql/sync-functions";
import { validateEvents } from "@/lib/engine/validate-events";
import { Worker, type WorkerOptions } from "@/lib/engine/worker";
import { type TestDatabase, eventually } from "./test-database";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** A worker on the test database with no backoff and short leases, stopped by the caller. */
export async function startWorker(db: TestDatabase, functions: DurableFunction[], options: Partial<WorkerOptions> = {}) {
  const registry = new FunctionRegistry(functions);
  await syncFunctions(db.pool, registry.all());
  const worker = new Worker({
    pool: db.pool,
    connectionString: db.url,
    registry,
    concurrency: 10,
    leaseMs: 2_000,
    pollMs: 100,
    backoff: () => 0,
    log: quiet,
    ...options,
  });
  await worker.start();
  return { worker, registry };
}

export async function send(pool: pg.Pool, registry: FunctionRegistry, events: unknown) {
  const result = validateEvents(events);
  if (!result.ok) throw new Error(result.error);
  return ingestEvents(pool, registry, result.events);
}

export interface RunRow {
  id: string;
  function_id: string;
  status: string;
  attempts: number;
  attempt: number;
  output: unknown;
  error: { name: string; message: string; stack?: string } | null;
  failure_event_id: string | null;
  failed_run_id: string | null;
  rerun_of_id: string | null;
  event_id: string;
}

export async function getRun(pool: pg.Pool, runId: string): Promise<RunRow> {
  const { rows } = await pool.query(`SELECT * FROM runs WHERE id = $1`, [runId]);
  return rows[0];
}

/** Waits until the run has ended (or reached one of `statuses`). */
export async function waitForRun(pool: pg.Pool, runId: string, statuses = ["COMPLETED", "FAILED", "CANCELLED"], timeoutMs = 10_000): Promise<RunRow> {
  return eventually(async () => {
    const run = await getRun(pool, runId);
    return run && statuses.includes(run.status) ? run : undefined;
  }, timeoutMs, `run ${runId} to reach ${statuses.join("/")}`);
}
