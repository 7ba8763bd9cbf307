import type { Db } from "./db";

/** Keeps the leases of runs still executing from expiring. */
export async function extendLeases(db: Db, leaseIds: string[], leaseMs: number): Promise<void> {
  if (leaseIds.length === 0) return;
  await db.query(
    `UPDATE queue SET locked_until = now() + $2 * interval '1 millisecond' WHERE lease_id = ANY($1::text[])`,
    [leaseIds, leaseMs],
  );
}

/**
 * Hands runs back to the queue at shutdown, due now, as if never claimed (locked_by cleared, so
 * the next claimer does not count the attempt as lost). Late writes from the abandoned attempts
 * are fenced off by the lease id.
 */
export async function releaseLeases(db: Db, leaseIds: string[]): Promise<void> {
  if (leaseIds.length === 0) return;
  await db.query(
    `UPDATE queue SET lease_id = NULL, locked_by = NULL, locked_until = NULL, claimed_at = NULL, run_at = now()
     WHERE lease_id = ANY($1::text[])`,
    [leaseIds],
  );
}
