import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FunctionRegistry } from "@/lib/engine/registry";
import { syncFunctions } from "@/lib/engine/sql/sync-functions";
import { send } from "../support/engine";
import { fixtureFunctions } from "../support/processes/fixture-functions";
import { spawnWorker, waitForExit } from "../support/processes/spawn-worker";
import { prng } from "../support/fuzz-input";
import { useTestDatabase } from "../support/test-database";

// 500 three-step runs across three worker processes while workers are SIGKILLed at random
// moments (and replaced). Checked afterwards: every run completed; no step ran again after its
// result was stored; attempts of a run never overlapped; every event is stored.
const RUNS = Number(process.env.FAULT_RUNS ?? 500);
const KILLS = Number(process.env.FAULT_KILLS ?? 24);
const WORKERS = 3;
const db = useTestDatabase();
const live = new Set<ChildProcess>();

beforeAll(async () => {
  await db.pool.query(`CREATE TABLE side_effects (run_id text, step text, pid int, at timestamptz DEFAULT clock_timestamp())`);
  await syncFunctions(db.pool, new FunctionRegistry(fixtureFunctions(db.pool)).all());
});
afterAll(() => {
  for (const c of live) c.kill("SIGKILL");
});

it(`${RUNS} runs survive ${KILLS} SIGKILLs of their workers`, async () => {
  const r = prng(7);
  let spawned = 0;
  const start = async () => {
    const child = await spawnWorker(db.url, `w${spawned++}`, { STEP_PAUSE_MS: "120", WORKER_CONCURRENCY: "6", WORKER_LEASE_MS: "1000" });
    live.add(child);
    return child;
  };
  const workers = await Promise.all(Array.from({ length: WORKERS }, start));
  const registry = new FunctionRegistry(fixtureFunctions(db.pool));
  const { eventIds, runIds } = await send(db.pool, registry, Array.from({ length: RUNS }, (_, i) => ({ name: "t/three-steps", data: { i } })));

  let kills = 0;
  while (kills < KILLS) {
    await new Promise((res) => setTimeout(res, 250 + r.int(500)));
    const i = r.int(workers.length);
    workers[i].kill("SIGKILL");
    await waitForExit(workers[i]);
    live.delete(workers[i]);
    kills++;
    workers[i] = await start();
  }

  const deadline = Date.now() + 240_000;
  for (;;) {
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM runs WHERE id = ANY($1) AND status <> 'COMPLETED'`, [runIds]);
    if (rows[0].n === 0) break;
    if (Date.now() > deadline) throw new Error(`${rows[0].n} runs did not complete`);
    await new Promise((res) => setTimeout(res, 250));
  }

  // No event lost.
  const { rows: events } = await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE id = ANY($1)`, [eventIds]);
  expect(events[0].n).toBe(RUNS);
  // No step ran again once its result was stored: every execution of a step began before the
  // stored result's time (earlier executions died unrecorded, in attempts marked LOST).
  const { rows: late } = await db.pool.query(
    `SELECT se.run_id, se.step FROM side_effects se JOIN steps s ON s.run_id = se.run_id AND s.id = se.step WHERE se.at > s.ended_at`,
  );
  expect(late).toEqual([]);
  // A step ran more than once only in runs that lost an attempt.
  const { rows: repeats } = await db.pool.query(
    `SELECT se.run_id, se.step, count(*)::int AS n,
            (SELECT count(*)::int FROM attempts a WHERE a.run_id = se.run_id AND a.status = 'LOST') AS lost
     FROM side_effects se GROUP BY 1, 2 HAVING count(*) > 1`,
  );
  expect(repeats.filter((x) => x.n > 1 + x.lost)).toEqual([]);
  // Attempts of one run never overlapped (LOST attempts end when the loss was noticed, so they are left out).
  const { rows: overlaps } = await db.pool.query(
    `SELECT a.run_id FROM attempts a JOIN attempts b ON a.run_id = b.run_id AND a.number < b.number
     WHERE a.status <> 'LOST' AND b.status <> 'LOST' AND a.ended_at > b.started_at`,
  );
  expect(overlaps).toEqual([]);
  const { rows: summary } = await db.pool.query(
    `SELECT (SELECT count(*)::int FROM attempts WHERE status = 'LOST') AS lost, (SELECT count(*)::int FROM side_effects) AS effects`,
  );
  console.log(`faults: ${KILLS} SIGKILLs, ${RUNS} runs completed, ${summary[0].lost} attempts lost and recovered, ${summary[0].effects} step executions for ${RUNS * 3} steps, ${repeats.length} steps re-run after a lost attempt`);
});
