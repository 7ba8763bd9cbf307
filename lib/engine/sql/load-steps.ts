import type { MemoStep } from "../execute-run";
import type { Db } from "./db";

/** The stored steps of the given runs, keyed by run id, then step id. */
export async function loadSteps(db: Db, runIds: string[]): Promise<Map<string, Map<string, MemoStep>>> {
  const byRun = new Map<string, Map<string, MemoStep>>();
  if (runIds.length === 0) return byRun;
  const { rows } = await db.query(
    `SELECT run_id, id, op, status, output, error, ended_at FROM steps WHERE run_id = ANY($1::text[])`,
    [runIds],
  );
  for (const r of rows) {
    let steps = byRun.get(r.run_id);
    if (!steps) byRun.set(r.run_id, (steps = new Map()));
    steps.set(r.id, { op: r.op, status: r.status, output: r.output, error: r.error, endedAt: r.ended_at });
  }
  return byRun;
}
