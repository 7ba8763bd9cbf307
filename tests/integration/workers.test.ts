import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FunctionRegistry } from "@/lib/engine/registry";
import { createFunction } from "@/lib/engine/sdk";
import type { Worker } from "@/lib/engine/worker";
import { send, startWorker } from "../support/engine";
import { eventually, useTestDatabase } from "../support/test-database";

const db = useTestDatabase();
const RUNS = 300;
const STEPS = ["one", "two", "three"];

// Both workers run in this process, so their step bodies can be watched directly: how often each
// (run, step) ran, on which worker, and whether it was ever running on two workers at once.
const executions = new Map<string, string[]>();
const inFlight = new Map<string, string>();
const overlaps: string[] = [];

function threeSteps(workerId: string) {
  return createFunction({ id: "three-steps", retries: 2 }, { event: "t/three-steps" }, async ({ runId, step }) => {
    const out: string[] = [];
    for (const name of STEPS) {
      out.push(
        await step.run(name, async () => {
          const key = `${runId}/${name}`;
          const other = inFlight.get(key);
          if (other) overlaps.push(`${key} on ${workerId} while on ${other}`);
          inFlight.set(key, workerId);
          executions.set(key, [...(executions.get(key) ?? []), workerId]);
          // A little real waiting, so a second claim of the same run would land mid-step.
          await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 4)));
          inFlight.delete(key);
          return `${name}@${workerId}`;
        }),
      );
    }
    return out;
  });
}

const pools: pg.Pool[] = [];
const workers: Worker[] = [];
beforeAll(async () => {
  // Each worker with a pool of its own, as two processes would have.
  for (const id of ["worker-a", "worker-b"]) {
    const pool = new pg.Pool({ connectionString: db.url, max: 5 });
    pool.on("error", () => {});
    pools.push(pool);
    workers.push((await startWorker(db, [threeSteps(id)], { pool, workerId: id, concurrency: 8 })).worker);
  }
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop(1_000)));
  await Promise.all(pools.map((p) => p.end()));
});

describe("two workers on one database", () => {
  it(`complete ${RUNS} three-step runs with every step executed exactly once, never on both at the same time`, async () => {
    const registry = new FunctionRegistry([threeSteps("sender")]);
    const { runIds } = await send(db.pool, registry, Array.from({ length: RUNS }, (_, i) => ({ name: "t/three-steps", data: { i } })));
    expect(runIds).toHaveLength(RUNS);
    await eventually(
      async () => {
        const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM runs WHERE id = ANY($1) AND status IN ('COMPLETED', 'FAILED', 'CANCELLED')`, [runIds]);
        return rows[0].n === RUNS ? true : undefined;
      },
      20_000,
      `all ${RUNS} runs to end`,
    );

    const { rows: runs } = await db.pool.query(`SELECT id, status, output FROM runs WHERE id = ANY($1)`, [runIds]);
    expect(runs.filter((r) => r.status !== "COMPLETED")).toEqual([]);

    expect(overlaps).toEqual([]);
    const wrongCounts = runIds.flatMap((id) => STEPS.map((s) => `${id}/${s}`)).filter((key) => executions.get(key)?.length !== 1);
    expect(wrongCounts).toEqual([]);
    expect(executions.size).toBe(RUNS * STEPS.length);
    // Each run's output is what its steps returned when they ran: nothing was re-executed elsewhere.
    for (const r of runs) expect(r.output).toEqual(STEPS.map((s) => `${s}@${executions.get(`${r.id}/${s}`)![0]}`));
    // Both workers did real work.
    const byWorker = new Map<string, number>();
    for (const [, ws] of executions) byWorker.set(ws[0], (byWorker.get(ws[0]) ?? 0) + 1);
    expect([...byWorker.keys()].sort()).toEqual(["worker-a", "worker-b"]);

    // One attempt per run, and it completed; every step stored once, first time.
    const { rows: attempts } = await db.pool.query(
      `SELECT run_id, count(*)::int AS n, count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed FROM attempts WHERE run_id = ANY($1) GROUP BY run_id`,
      [runIds],
    );
    expect(attempts).toHaveLength(RUNS);
    expect(attempts.filter((a) => a.n !== 1 || a.completed !== 1)).toEqual([]);
    const { rows: steps } = await db.pool.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE attempts = 1 AND status = 'COMPLETED')::int AS clean FROM steps WHERE run_id = ANY($1)`,
      [runIds],
    );
    expect(steps[0]).toEqual({ n: RUNS * STEPS.length, clean: RUNS * STEPS.length });
    const { rows: queue } = await db.pool.query(`SELECT count(*)::int AS n FROM queue WHERE run_id = ANY($1)`, [runIds]);
    expect(queue[0].n).toBe(0);
  });
});
