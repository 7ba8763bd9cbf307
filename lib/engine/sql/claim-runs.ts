import type { Db } from "./db";

export interface ClaimedRun {
  runId: string;
  leaseId: string;
  functionId: string;
  attempt: number;
  attempts: number;
  maxAttempts: number;
  cancelRequested: boolean;
  /** Set when the run's previous lease expired: that worker died mid-attempt. */
  lostBy: string | null;
  lostSince: Date | null;
  event: { id: string; externalId: string | null; name: string; data: Record<string, unknown>; user: Record<string, unknown>; ts: Date; v: string | null };
}

/**
 * Claims up to `limit` runs that are due, including runs whose worker's lease expired, and
 * marks them RUNNING. SKIP LOCKED lets any number of workers claim at once without waiting on
 * or taking each other's runs; the lease id fences every later write to the run.
 */
export async function claimRuns(db: Db, workerId: string, limit: number, leaseMs: number): Promise<ClaimedRun[]> {
  const { rows } = await db.query(
    `WITH picked AS (
       SELECT run_id, locked_by AS prev_locked_by, claimed_at AS prev_claimed_at
       FROM queue
       WHERE run_at <= now() AND (locked_until IS NULL OR locked_until < now())
       ORDER BY run_at
       LIMIT $1
       FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE queue q
       SET lease_id = gen_random_uuid()::text, locked_by = $2,
           locked_until = now() + $3 * interval '1 millisecond', claimed_at = now()
       FROM picked WHERE q.run_id = picked.run_id
       RETURNING q.run_id, q.lease_id, picked.prev_locked_by, picked.prev_claimed_at
     ), started AS (
       UPDATE runs r SET status = 'RUNNING', started_at = coalesce(r.started_at, now())
       FROM claimed WHERE r.id = claimed.run_id
       RETURNING r.id, r.function_id, r.event_id, r.attempt, r.attempts, r.max_attempts, r.cancel_requested
     )
     SELECT s.id, s.function_id, s.attempt, s.attempts, s.max_attempts, s.cancel_requested,
            c.lease_id, c.prev_locked_by, c.prev_claimed_at,
            e.id AS event_id, e.external_id, e.name, e.data, e."user", e.ts, e.v
     FROM started s JOIN claimed c ON c.run_id = s.id JOIN events e ON e.id = s.event_id`,
    [limit, workerId, leaseMs],
  );
  return rows.map((r) => ({
    runId: r.id,
    leaseId: r.lease_id,
    functionId: r.function_id,
    attempt: r.attempt,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    cancelRequested: r.cancel_requested,
    lostBy: r.prev_locked_by,
    lostSince: r.prev_claimed_at,
    event: { id: r.event_id, externalId: r.external_id, name: r.name, data: r.data, user: r.user, ts: r.ts, v: r.v },
  }));
}
