import type { SerializedError } from "../sdk/errors";
import type { Db } from "./db";
import { type StepToSave, stepColumns } from "./save-steps";

export interface AttemptEnd {
  runId: string;
  leaseId: string;
  workerId: string;
  /** The run's new status, or null while it goes on (retry, sleep). */
  runStatus: "COMPLETED" | "FAILED" | "CANCELLED" | null;
  output: unknown;
  runError: SerializedError | null;
  failureEventId: string | null;
  /** The run's attempt counter from now on. */
  nextAttempt: number;
  /** When the run is due again; null takes it off the queue. */
  runAt: Date | null;
  attemptStatus: "COMPLETED" | "FAILED" | "SLEEPING" | "CANCELLED" | "LOST" | "RELEASED";
  attempt: number;
  attemptError: SerializedError | null;
  stepId: string | null;
  startedAt: Date;
}

/**
 * Ends many attempts in one statement: stores the steps they completed last, records each
 * attempt, updates its run, and either takes the run off the queue or puts it back, due at
 * `runAt`, with its lease released. A run that would go back on the queue (retry, sleep,
 * release) but was asked to cancel while the attempt ran ends CANCELLED here instead: its
 * worker stops after the step in flight, and the run must not stay RUNNING until it comes due.
 * Writes only where the lease is still held; returns the run ids it wrote.
 */
export async function finishAttempts(db: Db, items: AttemptEnd[], steps: StepToSave[] = []): Promise<Set<string>> {
  const { rows } = await db.query(
    `WITH c AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::int[], $9::timestamptz[], $10::text[], $11::int[], $12::text[], $13::text[], $14::timestamptz[])
         AS c(run_id, lease_id, worker_id, run_status, output, run_error, failure_event_id,
              next_attempt, run_at, attempt_status, attempt, attempt_error, step_id, started_at)
     ), cancelled AS (
       SELECT r.id FROM runs r JOIN c ON c.run_id = r.id WHERE c.run_at IS NOT NULL AND r.cancel_requested
     ), removed AS (
       DELETE FROM queue q USING c
       WHERE (c.run_at IS NULL OR c.run_id IN (SELECT id FROM cancelled)) AND q.run_id = c.run_id AND q.lease_id = c.lease_id
       RETURNING q.run_id
     ), requeued AS (
       UPDATE queue q SET run_at = c.run_at, lease_id = NULL, locked_by = NULL, locked_until = NULL
       FROM c WHERE c.run_at IS NOT NULL AND c.run_id NOT IN (SELECT id FROM cancelled) AND q.run_id = c.run_id AND q.lease_id = c.lease_id
       RETURNING q.run_id
     ), held AS (
       SELECT run_id FROM removed UNION ALL SELECT run_id FROM requeued
     ), new_steps AS (
       INSERT INTO steps (run_id, id, name, op, status, position, output, error, attempts, started_at, ended_at)
       SELECT s.run_id, s.id, s.name, s.op::"StepOp", s.status::"StepStatus", s.position, s.output::jsonb, s.error::jsonb,
              s.attempts, s.started_at, s.ended_at
       FROM unnest($15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::int[], $21::text[], $22::text[],
                   $23::int[], $24::timestamptz[], $25::timestamptz[])
         AS s(run_id, id, name, op, status, position, output, error, attempts, started_at, ended_at)
       JOIN held ON held.run_id = s.run_id
       ON CONFLICT (run_id, id) DO NOTHING
     ), upd AS (
       UPDATE runs r SET
         status = CASE WHEN k.id IS NOT NULL THEN 'CANCELLED' ELSE coalesce(c.run_status::"RunStatus", r.status) END,
         output = CASE WHEN c.run_status = 'COMPLETED' THEN c.output::jsonb ELSE r.output END,
         error = coalesce(c.run_error::jsonb, r.error),
         failure_event_id = coalesce(c.failure_event_id, r.failure_event_id),
         ended_at = CASE WHEN c.run_status IS NULL AND k.id IS NULL THEN r.ended_at ELSE now() END,
         attempt = c.next_attempt,
         attempts = r.attempts + 1
       FROM c JOIN held ON held.run_id = c.run_id LEFT JOIN cancelled k ON k.id = c.run_id
       WHERE r.id = c.run_id
       RETURNING r.id, r.attempts, k.id IS NOT NULL AS cancelled
     )
     INSERT INTO attempts (run_id, number, attempt, step_id, status, error, worker_id, started_at, ended_at, retry_at)
     SELECT upd.id, upd.attempts - 1, c.attempt, c.step_id,
            -- A failed attempt keeps its error; one that was to sleep or be handed back was cancelled.
            CASE WHEN upd.cancelled AND c.attempt_status <> 'FAILED' THEN 'CANCELLED' ELSE c.attempt_status END::"AttemptStatus",
            c.attempt_error::jsonb, c.worker_id, c.started_at, now(),
            CASE WHEN c.run_status IS NULL AND c.attempt_status = 'FAILED' AND NOT upd.cancelled THEN c.run_at END
     FROM upd JOIN c ON c.run_id = upd.id
     RETURNING run_id`,
    [
      items.map((i) => i.runId),
      items.map((i) => i.leaseId),
      items.map((i) => i.workerId),
      items.map((i) => i.runStatus),
      items.map((i) => (i.runStatus === "COMPLETED" ? JSON.stringify(i.output ?? null) : null)),
      items.map((i) => (i.runError ? JSON.stringify(i.runError) : null)),
      items.map((i) => i.failureEventId),
      items.map((i) => i.nextAttempt),
      items.map((i) => i.runAt?.toISOString() ?? null),
      items.map((i) => i.attemptStatus),
      items.map((i) => i.attempt),
      items.map((i) => (i.attemptError ? JSON.stringify(i.attemptError) : null)),
      items.map((i) => i.stepId),
      items.map((i) => i.startedAt.toISOString()),
      ...stepColumns(steps),
    ],
  );
  return new Set(rows.map((r) => r.run_id));
}
