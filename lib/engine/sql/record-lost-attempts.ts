import type { Db } from "./db";

export interface LostAttempt {
  runId: string;
  leaseId: string;
  lostBy: string;
  since: Date;
  attempt: number;
}

/**
 * Records attempts whose worker died (its lease expired) as LOST, and counts them against the
 * run's attempts so a run that keeps killing its worker does not retry for ever.
 */
export async function recordLostAttempts(db: Db, items: LostAttempt[]): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `WITH l AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::int[])
         AS l(run_id, lease_id, lost_by, since, attempt)
     ), upd AS (
       UPDATE runs r SET attempts = r.attempts + 1, attempt = r.attempt + 1
       FROM l JOIN queue q ON q.run_id = l.run_id AND q.lease_id = l.lease_id
       WHERE r.id = l.run_id
       RETURNING r.id, r.attempts
     )
     INSERT INTO attempts (run_id, number, attempt, step_id, status, error, worker_id, started_at, ended_at)
     SELECT upd.id, upd.attempts - 1, l.attempt, NULL, 'LOST',
            jsonb_build_object('name', 'WorkerLostError',
                               'message', 'worker ' || l.lost_by || ' stopped renewing its lease during this attempt; the run was picked up again'),
            l.lost_by, l.since, now()
     FROM upd JOIN l ON l.run_id = upd.id`,
    [items.map((i) => i.runId), items.map((i) => i.leaseId), items.map((i) => i.lostBy), items.map((i) => i.since.toISOString()), items.map((i) => i.attempt)],
  );
}
