import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FunctionRegistry } from "@/lib/engine/registry";
import { syncFunctions } from "@/lib/engine/sql/sync-functions";
import { send, startWorker, waitForRun } from "../support/engine";
import { fixtureFunctions } from "../support/processes/fixture-functions";
import { spawnWorker, waitForExit } from "../support/processes/spawn-worker";
import { eventually, useTestDatabase } from "../support/test-database";

// Workers in other processes (tests/support/processes/worker-main.ts, leases of 1 s) that are
// killed or stopped mid-step; an in-process worker with the same functions carries on after them.
const db = useTestDatabase();
let registry: FunctionRegistry;
const children: ChildProcess[] = [];
const LEASE_MS = 1_000;

beforeAll(async () => {
  await db.pool.query(`CREATE TABLE side_effects (run_id text, step text, pid int, at timestamptz DEFAULT clock_timestamp())`);
  registry = new FunctionRegistry(fixtureFunctions(db.pool));
  await syncFunctions(db.pool, registry.all());
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

async function sideEffects(runId: string) {
  const { rows } = await db.pool.query(`SELECT step, pid FROM side_effects WHERE run_id = $1 ORDER BY at`, [runId]);
  return rows as Array<{ step: string; pid: number }>;
}

async function attempts(runId: string) {
  const { rows } = await db.pool.query(
    `SELECT status, worker_id, error->>'name' AS error, started_at, ended_at FROM attempts WHERE run_id = $1 ORDER BY number`,
    [runId],
  );
  return rows;
}

describe("a worker process killed with SIGKILL", () => {
  it("mid-step: the run completes on another worker once the lease has expired, and the stored step is not run again", async () => {
    const doomed = await spawnWorker(db.url, "doomed", { WORKER_LEASE_MS: String(LEASE_MS) });
    children.push(doomed);
    const { runIds } = await send(db.pool, registry, { name: "t/hangs-once" });
    const runId = runIds[0];
    // Step "two" is executing in the child (its side effect happened; it hangs for a minute).
    await eventually(async () => ((await sideEffects(runId)).some((e) => e.step === "two") ? true : undefined));
    doomed.kill("SIGKILL");
    await waitForExit(doomed);
    // The lease as the dead worker last renewed it: nobody may take the run before this.
    const { rows: lease } = await db.pool.query(`SELECT locked_by, locked_until FROM queue WHERE run_id = $1`, [runId]);
    expect(lease[0].locked_by).toBe("doomed");
    const leaseExpiry: Date = lease[0].locked_until;

    const rescuer = await startWorker(db, fixtureFunctions(db.pool), { workerId: "rescuer", leaseMs: LEASE_MS });
    try {
      const run = await waitForRun(db.pool, runId, undefined, 10_000);
      expect(run).toMatchObject({ status: "COMPLETED", output: ["one", "two"], attempts: 2 });

      const [lost, completed, ...more] = await attempts(runId);
      expect(more).toEqual([]);
      expect(lost).toMatchObject({ status: "LOST", worker_id: "doomed", error: "WorkerLostError" });
      expect(completed).toMatchObject({ status: "COMPLETED", worker_id: "rescuer", error: null });
      // Taken over only after the dead worker's lease ran out.
      expect(lost.ended_at.getTime()).toBeGreaterThanOrEqual(leaseExpiry.getTime());
      expect(completed.started_at.getTime()).toBeGreaterThanOrEqual(leaseExpiry.getTime());

      // Step "one" was stored before "two" began: it ran once, in the dead worker. "two" ran
      // again in the rescuer, because its first execution died before it could be stored.
      const effects = await sideEffects(runId);
      expect(effects).toEqual([
        { step: "one", pid: doomed.pid },
        { step: "two", pid: doomed.pid },
        { step: "two", pid: process.pid },
      ]);
      const { rows: steps } = await db.pool.query(`SELECT id, status, attempts FROM steps WHERE run_id = $1 ORDER BY position`, [runId]);
      expect(steps).toEqual([
        { id: "one", status: "COMPLETED", attempts: 1 },
        { id: "two", status: "COMPLETED", attempts: 2 }, // the lost attempt counts
      ]);
    } finally {
      await rescuer.worker.stop(1_000);
    }
  });

  it("inside a step that was never stored: that step runs again elsewhere, the later ones once", async () => {
    const doomed = await spawnWorker(db.url, "doomed-early", { STEP_PAUSE_MS: "60000", WORKER_LEASE_MS: String(LEASE_MS) });
    children.push(doomed);
    const { runIds } = await send(db.pool, registry, { name: "t/three-steps" });
    const runId = runIds[0];
    await eventually(async () => ((await sideEffects(runId)).length > 0 ? true : undefined));
    doomed.kill("SIGKILL");
    await waitForExit(doomed);

    const rescuer = await startWorker(db, fixtureFunctions(db.pool), { workerId: "rescuer-2", leaseMs: LEASE_MS });
    try {
      const run = await waitForRun(db.pool, runId, undefined, 10_000);
      expect(run).toMatchObject({ status: "COMPLETED", output: ["one", "two", "three"] });
      expect((await attempts(runId)).map((a) => [a.status, a.worker_id, a.error])).toEqual([
        ["LOST", "doomed-early", "WorkerLostError"],
        ["COMPLETED", "rescuer-2", null],
      ]);
      expect((await sideEffects(runId)).map((e) => `${e.step}@${e.pid === doomed.pid ? "doomed" : e.pid === process.pid ? "rescuer" : e.pid}`)).toEqual([
        "one@doomed",
        "one@rescuer",
        "two@rescuer",
        "three@rescuer",
      ]);
    } finally {
      await rescuer.worker.stop(1_000);
    }
  });
});

describe("a worker process stopped with SIGTERM", () => {
  it("lets the step in flight finish, hands the run back at once, and another worker carries on", async () => {
    const graceful = await spawnWorker(db.url, "graceful", { STEP_PAUSE_MS: "700", SHUTDOWN_GRACE_MS: "5000" });
    children.push(graceful);
    const { runIds } = await send(db.pool, registry, { name: "t/three-steps" });
    const runId = runIds[0];
    await eventually(async () => ((await sideEffects(runId)).length > 0 ? true : undefined));
    graceful.kill("SIGTERM");
    expect(await waitForExit(graceful)).toBe(0);

    // The step in flight was stored; the run is unlocked and due, not left to a lease to expire.
    const { rows: stored } = await db.pool.query(`SELECT id FROM steps WHERE run_id = $1`, [runId]);
    expect(stored.map((s) => s.id)).toEqual(["one"]);
    const { rows: queue } = await db.pool.query(`SELECT locked_by, run_at <= now() AS due FROM queue WHERE run_id = $1`, [runId]);
    expect(queue).toEqual([{ locked_by: null, due: true }]);
    expect((await attempts(runId)).map((a) => [a.status, a.worker_id])).toEqual([["RELEASED", "graceful"]]);

    const next = await startWorker(db, fixtureFunctions(db.pool), { workerId: "next" });
    try {
      const run = await waitForRun(db.pool, runId, undefined, 10_000);
      expect(run.status).toBe("COMPLETED");
      expect((await sideEffects(runId)).map((e) => e.step)).toEqual(["one", "two", "three"]);
      expect((await attempts(runId)).map((a) => [a.status, a.worker_id])).toEqual([
        ["RELEASED", "graceful"],
        ["COMPLETED", "next"],
      ]);
    } finally {
      await next.worker.stop(1_000);
    }
  });
});
