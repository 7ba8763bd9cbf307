import type { StepRecord } from "../execute-run";
import type { Db } from "./db";

export interface StepToSave {
  runId: string;
  leaseId: string;
  step: StepRecord;
}

/**
 * Stores steps of many runs in one statement. A step is stored only while its run's lease is
 * still held (FOR SHARE keeps a claimer from taking the run mid-write); the runs whose lease is
 * gone are left out of the result. Also reports whether each run has been asked to cancel.
 */
export async function saveSteps(db: Db, items: StepToSave[]): Promise<Map<string, { cancelRequested: boolean }>> {
  const { rows } = await db.query(
    `WITH s AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[],
                            $8::text[], $9::text[], $10::int[], $11::timestamptz[], $12::timestamptz[])
         AS s(run_id, lease_id, id, name, op, status, position, output, error, attempts, started_at, ended_at)
     ), held AS (
       SELECT s.* FROM s JOIN queue q ON q.run_id = s.run_id AND q.lease_id = s.lease_id FOR SHARE OF q
     ), ins AS (
       INSERT INTO steps (run_id, id, name, op, status, position, output, error, attempts, started_at, ended_at)
       SELECT run_id, id, name, op::"StepOp", status::"StepStatus", position, output::jsonb, error::jsonb,
              attempts, started_at, ended_at
       FROM held
       ON CONFLICT (run_id, id) DO NOTHING
     )
     SELECT DISTINCT r.id, r.cancel_requested FROM held JOIN runs r ON r.id = held.run_id`,
    [items.map((i) => i.runId), items.map((i) => i.leaseId), ...stepColumns(items).slice(1)],
  );
  return new Map(rows.map((r) => [r.id, { cancelRequested: r.cancel_requested }]));
}

/** The steps as parallel arrays for unnest: run_id, id, name, op, status, position, output, error, attempts, started_at, ended_at. */
export function stepColumns(items: StepToSave[]): unknown[][] {
  return [
    items.map((i) => i.runId),
    items.map((i) => i.step.id),
    items.map((i) => i.step.name),
    items.map((i) => i.step.op),
    items.map((i) => i.step.status),
    items.map((i) => i.step.position),
    items.map((i) => JSON.stringify(i.step.output ?? null)),
    items.map((i) => (i.step.error ? JSON.stringify(i.step.error) : null)),
    items.map((i) => i.step.attempts),
    items.map((i) => i.step.startedAt.toISOString()),
    items.map((i) => i.step.endedAt.toISOString()),
  ];
}
