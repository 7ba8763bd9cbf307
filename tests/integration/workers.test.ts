import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { FunctionRegistry } from "@/lib/engine/registry";
import { syncFunctions } from "@/lib/engine/sql/sync-functions";
import { send, startWorker, waitForRun } from "../support/engine";
import { fixtureFunctions } from "../support/processes/fixture-functions";
import { spawnWorker, waitForExit } from "../support/processes/spawn-worker";
import { eventually, useTestDatabase } from "../support/test-database";

const db = useTestDatabase();
let registry: FunctionRegistry;
const children: ChildProcess[] = [];

beforeAll(async () => {
  await db.pool.query(`CREATE TABLE side_effects (run_id text, step text, pid int, at timestamptz DEFAULT clock_timestamp())`);
  registry = new FunctionRegistry(fixtureFunctions(db.pool));
  await syncFunctions(db.pool, registry.all());
});
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
});

async function sideEffects(runIds: string[]) {
  const { rows } = await db.pool.query(`SELECT run_id, step, count(*)::int AS n FROM side_effects WHERE run_id = ANY($1) GROUP BY 1, 2`, [runIds]);
  return rows as Array<{ run_id: string; step: string; n: number }>;
}

describe("workers", () => {
  it("two workers on one database never run the same step twice", async () => {
    const a = await startWorker(db, fixtureFunctions(db.pool), { workerId: "worker-a" });
    const b = await startWorker(db, fixtureFunctions(db.pool), { workerId: "worker-b" });
    try {
      const { runIds } = await send(db.pool, registry, Array.from({ length: 300 }, (_, i) => ({ name: "t/three-steps", data: { i } })));
      const runs = await Promise.all(runIds.map((id) => waitForRun(db.pool, id, undefined, 30_000)));
      expect(runs.every((r) => r.status === "COMPLETED")).toBe(true);
      const effects = await sideEffects(runIds);
      expect(effects).toHaveLength(900);
      expect(effects.filter((e) => e.n !== 1)).toEqual([]);
      const { rows } = await db.pool.query(`SELECT worker_id, count(*)::int AS n FROM attempts WHERE run_id = ANY($1) AND status = 'COMPLETED' GROUP BY 1`, [runIds]);
      expect(rows.reduce((n, r) => n + r.n, 0)).toBe(300);
      expect(rows.map((r) => r.worker_id).sort()).toEqual(["worker-a", "worker-b"]); // both took part
    } finally {
      await Promise.all([a.worker.stop(1_000), b.worker.stop(1_000)]);
    }
  });

  it("a run whose worker is killed mid-step completes elsewhere after its lease expires, without repeating stored steps", async () => {
    const doomed = await spawnWorker(db.url, "doomed", { STEP_PAUSE_MS: "60000" });
    children.push(doomed);
    const { runIds } = await send(db.pool, registry, { name: "t/three-steps" });
    const runId = runIds[0];
    // Step "one" is executing (its side effect happened, its result is not stored yet): kill now.
    await eventually(async () => ((await sideEffects([runId])).length > 0 ? true : undefined));
    doomed.kill("SIGKILL");
    await waitForExit(doomed);

    const rescuer = await startWorker(db, fixtureFunctions(db.pool), { workerId: "rescuer", leaseMs: 1_000 });
    try {
      const run = await waitForRun(db.pool, runId, undefined, 15_000);
      expect(run.status).toBe("COMPLETED");
      expect(run.output).toEqual(["one", "two", "three"]);
      const { rows: attempts } = await db.pool.query(`SELECT status, worker_id, error->>'name' AS error FROM attempts WHERE run_id = $1 ORDER BY number`, [runId]);
      expect(attempts).toEqual([
        { status: "LOST", worker_id: "doomed", error: "WorkerLostError" },
        { status: "COMPLETED", worker_id: "rescuer", error: null },
      ]);
      // "one" ran twice: its first run was never stored (the worker died inside it). "two" and "three" ran once.
      const effects = Object.fromEntries((await sideEffects([runId])).map((e) => [e.step, e.n]));
      expect(effects).toEqual({ one: 2, two: 1, three: 1 });
    } finally {
      await rescuer.worker.stop(1_000);
    }
  });

  it("SIGTERM lets the step in flight finish, hands back the rest, and another worker carries on", async () => {
    const graceful = await spawnWorker(db.url, "graceful", { STEP_PAUSE_MS: "700", SHUTDOWN_GRACE_MS: "5000" });
    children.push(graceful);
    const { runIds } = await send(db.pool, registry, { name: "t/three-steps" });
    const runId = runIds[0];
    await eventually(async () => ((await sideEffects([runId])).length > 0 ? true : undefined));
    graceful.kill("SIGTERM");
    expect(await waitForExit(graceful)).toBe(0);

    // The step in flight was stored; the run is unlocked and due, not left to a lease to expire.
    const { rows: stored } = await db.pool.query(`SELECT id FROM steps WHERE run_id = $1`, [runId]);
    expect(stored.map((s) => s.id)).toContain("one");
    const { rows: queue } = await db.pool.query(`SELECT locked_by FROM queue WHERE run_id = $1`, [runId]);
    expect(queue).toEqual([{ locked_by: null }]);

    const next = await startWorker(db, fixtureFunctions(db.pool), { workerId: "next" });
    try {
      const run = await waitForRun(db.pool, runId, undefined, 10_000);
      expect(run.status).toBe("COMPLETED");
      const effects = Object.fromEntries((await sideEffects([runId])).map((e) => [e.step, e.n]));
      expect(effects).toEqual({ one: 1, two: 1, three: 1 });
    } finally {
      await next.worker.stop(1_000);
    }
  });
});
