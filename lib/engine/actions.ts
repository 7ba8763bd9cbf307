import { newId } from "./ids";
import type { FunctionRegistry } from "./registry";
import type { Db } from "./sql/db";
import { insertEventsAndRuns } from "./sql/insert-events-and-runs";
import type pg from "pg";

export type ActionResult = { ok: true; runId: string } | { ok: false; status: 404 | 409; error: string };

interface RunRow {
  id: string;
  function_id: string;
  event_id: string;
  event_name: string;
  status: string;
  failure_event_id: string | null;
}

async function findRun(db: Db, runId: string): Promise<RunRow | null> {
  const { rows } = await db.query<RunRow>(
    `SELECT id, function_id, event_id, event_name, status, failure_event_id FROM runs WHERE id = $1`,
    [runId],
  );
  return rows[0] ?? null;
}

/** Retry: a new run of the same function from the same event, linked to the original; no dedupe. */
export async function retryRun(db: Db, registry: FunctionRegistry, runId: string): Promise<ActionResult> {
  const run = await findRun(db, runId);
  if (!run) return { ok: false, status: 404, error: `run ${runId} not found` };
  const fn = registry.get(run.function_id);
  if (!fn) return { ok: false, status: 409, error: `function "${run.function_id}" is no longer defined in code` };
  if (run.status === "QUEUED" || run.status === "RUNNING") {
    return { ok: false, status: 409, error: `the run is still ${run.status.toLowerCase()}; cancel it first or wait for it to end` };
  }
  const [id] = await insertEventsAndRuns(db, [], [
    { id: newId(), functionId: fn.id, eventId: run.event_id, eventName: run.event_name, maxAttempts: fn.retries + 1, dedupeKey: null, rerunOfId: run.id, failedRunId: null },
  ]);
  return { ok: true, runId: id };
}

/** Handle failure: runs the function's failure handler now, with the failure event the run stored. */
export async function handleFailure(db: Db, registry: FunctionRegistry, runId: string): Promise<ActionResult> {
  const run = await findRun(db, runId);
  if (!run) return { ok: false, status: 404, error: `run ${runId} not found` };
  if (run.status !== "FAILED") {
    return { ok: false, status: 409, error: `only failed runs have a failure to handle; this run is ${run.status}` };
  }
  const handler = registry.get(run.function_id)?.failureHandler;
  if (!handler) return { ok: false, status: 409, error: `function "${run.function_id}" has no failure handler (onFailure)` };
  if (!run.failure_event_id) {
    return { ok: false, status: 409, error: "this run emitted no inngest/function.failed event (runs started by system events never do)" };
  }
  const [id] = await insertEventsAndRuns(db, [], [
    { id: newId(), functionId: handler.id, eventId: run.failure_event_id, eventName: "inngest/function.failed", maxAttempts: handler.retries + 1, dedupeKey: null, rerunOfId: null, failedRunId: run.id },
  ]);
  return { ok: true, runId: id };
}

/**
 * Cancel: a queued or sleeping run stops now; a run executing stops after the step in flight
 * (its worker sees the request when it stores that step).
 */
export async function cancelRun(pool: pg.Pool, runId: string): Promise<ActionResult> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // The queue row first, then the run: the order claims and attempt ends lock them in. The
    // other order deadlocks with a worker claiming the run at the same moment.
    await client.query(`SELECT run_id FROM queue WHERE run_id = $1 FOR UPDATE`, [runId]);
    const { rows } = await client.query<{ status: string }>(`SELECT status FROM runs WHERE id = $1 FOR UPDATE`, [runId]);
    if (rows.length === 0) {
      await client.query("ROLLBACK");
      return { ok: false, status: 404, error: `run ${runId} not found` };
    }
    const status = rows[0].status;
    if (status !== "QUEUED" && status !== "RUNNING") {
      await client.query("ROLLBACK");
      return { ok: false, status: 409, error: `the run has already ended (${status})` };
    }
    await client.query(`UPDATE runs SET cancel_requested = true WHERE id = $1`, [runId]);
    // Not held by a live worker (queued, sleeping, or its worker died): end it here.
    const idle = await client.query(
      `DELETE FROM queue WHERE run_id = $1 AND (locked_until IS NULL OR locked_until < now()) RETURNING run_id`,
      [runId],
    );
    if (idle.rowCount) {
      await client.query(`UPDATE runs SET status = 'CANCELLED', ended_at = now() WHERE id = $1`, [runId]);
    }
    await client.query("COMMIT");
    return { ok: true, runId };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

