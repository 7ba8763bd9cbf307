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
    // Step "two" hangs for a minute the first time it runs for a run (a worker to kill there),
    // and returns at once when it runs again, wherever that is.
    createFunction({ id: "hangs-once", retries: 3 }, { event: "t/hangs-once" }, async ({ runId, step }) => {
      const one = await step.run("one", async () => {
        await pool.query(`INSERT INTO side_effects (run_id, step, pid) VALUES ($1, 'one', $2)`, [runId, process.pid]);
        return "one";
      });
      const two = await step.run("two", async () => {
        const { rows } = await pool.query(
          `WITH ins AS (INSERT INTO side_effects (run_id, step, pid) VALUES ($1, 'two', $2))
           SELECT count(*)::int AS before FROM side_effects WHERE run_id = $1 AND step = 'two'`,
          [runId, process.pid],
        );
        if (rows[0].before === 0) await new Promise((r) => setTimeout(r, 60_000));
        return "two";
      });
      return [one, two];
    }),
  ];
}
