import type pg from "pg";
import { createFunction } from "@/lib/engine/sdk";

/**
 * Functions for multi-process tests: each step records a side effect row (run, step, pid) in
 * the test's `side_effects` table before returning, so a test can count how often a step ran.
 * STEP_PAUSE_MS makes every step slow, so a kill lands mid-step.
 */
export function fixtureFunctions(pool: pg.Pool) {
  const pause = Number(process.env.STEP_PAUSE_MS ?? 0);
  const effect = async (runId: string, step: string) => {
    await pool.query(`INSERT INTO side_effects (run_id, step, pid) VALUES ($1, $2, $3)`, [runId, step, process.pid]);
    if (pause) await new Promise((r) => setTimeout(r, pause));
    return step;
  };
  return [
    createFunction({ id: "three-steps", retries: 10 }, { event: "t/three-steps" }, async ({ runId, step }) => {
      const out: string[] = [];
      for (const name of ["one", "two", "three"]) out.push(await step.run(name, () => effect(runId, name)));
      return out;
    }),
  ];
}
