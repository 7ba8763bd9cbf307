import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelRun, handleFailure, retryRun } from "@/lib/engine/actions";
import { ingestEvents } from "@/lib/engine/ingest";
import type { FunctionRegistry } from "@/lib/engine/registry";
import { createFunction } from "@/lib/engine/sdk";
import { validateEvents } from "@/lib/engine/validate-events";
import type { Worker } from "@/lib/engine/worker";
import { getRun, send, startWorker, waitForRun } from "../support/engine";
import { eventually, useTestDatabase } from "../support/test-database";

const db = useTestDatabase();
const calls = new Map<string, number>();
const count = (key: string) => calls.set(key, (calls.get(key) ?? 0) + 1).get(key)!;

/** A step body that blocks until the test opens its gate; `entered` resolves once it is blocked. */
const gates = new Map<string, { entered: Promise<void>; enter: () => void; open: () => void; opened: Promise<void> }>();
function gate(k: string) {
  let g = gates.get(k);
  if (!g) {
    let enter!: () => void;
    let open!: () => void;
    const entered = new Promise<void>((r) => (enter = r));
    const opened = new Promise<void>((r) => (open = r));
    gates.set(k, (g = { entered, enter, open, opened }));
  }
  return g;
}
const passGate = async (k: string) => {
  const g = gate(k);
  g.enter();
  await g.opened;
};

const HOUR = 3_600_000;

const counted = createFunction({ id: "counted", retries: 0 }, { event: "t/counted" }, async ({ event, step }) =>
  step.run("work", () => `run ${count(`${event.data.k}:work`)} of ${event.data.k}`),
);
const failing = createFunction(
  { id: "failing", retries: 0, onFailure: async ({ event, error, step }) => step.run("report", () => `handled "${error.message}" of run ${event.data.run_id}`) },
  { event: "t/failing" },
  async ({ event }) => {
    count(`${event.data.k}:failing`);
    throw new Error(`boom ${event.data.k}`);
  },
);
const bare = createFunction({ id: "bare", retries: 0 }, { event: "t/bare" }, async () => {
  throw new Error("no handler for this");
});
// The step in flight waits for the test; the next step shows whether the run went on.
const gated = createFunction({ id: "gated", retries: 0 }, { event: "t/gated" }, async ({ event, step }) => {
  const k = event.data.k as string;
  await step.run("wait", () => passGate(k).then(() => "waited"));
  await step.run("next", () => count(`${k}:next`));
  return "finished";
});
const gatedThenSleep = createFunction({ id: "gated-sleep", retries: 0 }, { event: "t/gated-sleep" }, async ({ event, step }) => {
  const k = event.data.k as string;
  await step.run("wait", () => passGate(k).then(() => "waited"));
  await step.sleep("nap", "1h");
  await step.run("after", () => count(`${k}:after`));
});
const gatedThenFail = createFunction({ id: "gated-fail", retries: 3, backoff: () => HOUR }, { event: "t/gated-fail" }, async ({ event, step }) => {
  const k = event.data.k as string;
  await step.run("wait", async () => {
    count(`${k}:wait`);
    await passGate(k);
    throw new Error("fails after the cancel");
  });
});
const sleepy = createFunction({ id: "sleepy" }, { event: "t/sleepy" }, async ({ event, step }) => {
  await step.run("before", () => count(`${event.data.k}:before`));
  await step.sleep("nap", "1h");
  await step.run("after", () => count(`${event.data.k}:after`));
});
const slowRetry = createFunction({ id: "slow-retry", retries: 3, backoff: () => HOUR }, { event: "t/slow-retry" }, async ({ event, step }) => {
  await step.run("flaky", () => {
    count(`${event.data.k}:flaky`);
    throw new Error("try again in an hour");
  });
});

let worker: Worker;
let registry: FunctionRegistry;
beforeAll(async () => {
  ({ worker, registry } = await startWorker(db, [counted, failing, bare, gated, gatedThenSleep, gatedThenFail, sleepy, slowRetry]));
});
afterAll(async () => {
  for (const g of gates.values()) g.open();
  await worker?.stop(1_000);
});

/** Stores an event whose runs stay QUEUED (due in an hour): the queue entry is pushed back in the same commit. */
async function sendQueued(event: unknown): Promise<string> {
  const checked = validateEvents(event);
  if (!checked.ok) throw new Error(checked.error);
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const { runIds } = await ingestEvents(client, registry, checked.events);
    await client.query(`UPDATE queue SET run_at = now() + interval '1 hour' WHERE run_id = ANY($1)`, [runIds]);
    await client.query("COMMIT");
    return runIds[0];
  } finally {
    client.release();
  }
}

async function startOne(event: unknown): Promise<string> {
  const { runIds } = await send(db.pool, registry, event);
  expect(runIds).toHaveLength(1);
  return runIds[0];
}

async function queueRows(runId: string) {
  const { rows } = await db.pool.query(`SELECT run_id FROM queue WHERE run_id = $1`, [runId]);
  return rows;
}

async function attemptStatuses(runId: string) {
  const { rows } = await db.pool.query(`SELECT status FROM attempts WHERE run_id = $1 ORDER BY number`, [runId]);
  return rows.map((r) => r.status as string);
}

const UNKNOWN = "01J00000000000000000000000";

describe("retryRun", () => {
  it("starts a new run from the same event, linked to the original, even though the event's id was deduplicated", async () => {
    const original = await waitForRun(db.pool, await startOne({ name: "t/counted", id: "evt-retry-1", data: { k: "r1" } }));
    expect(original).toMatchObject({ status: "COMPLETED", output: "run 1 of r1" });
    // The event id is still within its dedupe window: sending it again starts nothing.
    expect((await send(db.pool, registry, { name: "t/counted", id: "evt-retry-1", data: { k: "r1" } })).runIds).toEqual([]);

    const result = await retryRun(db.pool, registry, original.id);
    if (!result.ok) throw new Error(result.error);
    expect(result.runId).not.toBe(original.id);
    const rerun = await waitForRun(db.pool, result.runId);
    expect(rerun).toMatchObject({ function_id: "counted", event_id: original.event_id, rerun_of_id: original.id, status: "COMPLETED" });
    // A fresh execution: the step ran again instead of coming back from the original's results.
    expect(rerun.output).toBe("run 2 of r1");
    expect(calls.get("r1:work")).toBe(2);

    const again = await retryRun(db.pool, registry, original.id);
    expect(again.ok && (await waitForRun(db.pool, again.runId))).toMatchObject({ rerun_of_id: original.id, output: "run 3 of r1" });
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE external_id = 'evt-retry-1'`);
    expect(rows[0].n).toBe(2); // the two sends; retries store no event
    expect(await getRun(db.pool, original.id)).toMatchObject({ status: "COMPLETED", output: "run 1 of r1" }); // untouched
  });

  it("retries a failed run", async () => {
    const original = await waitForRun(db.pool, await startOne({ name: "t/bare" }));
    expect(original.status).toBe("FAILED");
    const result = await retryRun(db.pool, registry, original.id);
    const rerun = result.ok ? await waitForRun(db.pool, result.runId) : null;
    expect(rerun).toMatchObject({ status: "FAILED", rerun_of_id: original.id, event_id: original.event_id });
  });

  it("refuses a queued or running run (409) and an unknown id (404)", async () => {
    const queued = await sendQueued({ name: "t/counted", data: { k: "r-queued" } });
    expect(await retryRun(db.pool, registry, queued)).toMatchObject({ ok: false, status: 409, error: expect.stringContaining("queued") });

    const running = await startOne({ name: "t/gated", data: { k: "r-running" } });
    await gate("r-running").entered;
    expect(await retryRun(db.pool, registry, running)).toMatchObject({ ok: false, status: 409, error: expect.stringContaining("running") });
    gate("r-running").open();
    expect((await waitForRun(db.pool, running)).status).toBe("COMPLETED");

    expect(await retryRun(db.pool, registry, UNKNOWN)).toMatchObject({ ok: false, status: 404 });
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM runs WHERE rerun_of_id = ANY($1)`, [[queued, running]]);
    expect(rows[0].n).toBe(0);
  });
});

describe("handleFailure", () => {
  it("runs the failure handler again with the failure event the run stored", async () => {
    const failed = await waitForRun(db.pool, await startOne({ name: "t/failing", data: { k: "h1" } }));
    expect(failed.status).toBe("FAILED");
    expect(failed.failure_event_id).not.toBeNull();
    // The handler already ran once on its own when the run failed.
    const automatic = await eventually(async () => {
      const { rows } = await db.pool.query(`SELECT id FROM runs WHERE failed_run_id = $1`, [failed.id]);
      return rows.length === 1 ? rows[0].id : undefined;
    });
    await waitForRun(db.pool, automatic);

    const result = await handleFailure(db.pool, registry, failed.id);
    if (!result.ok) throw new Error(result.error);
    expect(result.runId).not.toBe(automatic);
    const handled = await waitForRun(db.pool, result.runId);
    expect(handled).toMatchObject({
      function_id: "failing-failure",
      event_id: failed.failure_event_id,
      failed_run_id: failed.id,
      status: "COMPLETED",
      output: `handled "boom h1" of run ${failed.id}`,
    });
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM runs WHERE failed_run_id = $1`, [failed.id]);
    expect(rows[0].n).toBe(2);
    expect(calls.get("h1:failing")).toBe(1); // the failed run itself was not run again
  });

  it("refuses a run that did not fail, a failed run whose function has no handler (409), and an unknown id (404)", async () => {
    const completed = await waitForRun(db.pool, await startOne({ name: "t/counted", data: { k: "h-ok" } }));
    expect(await handleFailure(db.pool, registry, completed.id)).toMatchObject({ ok: false, status: 409, error: expect.stringContaining("COMPLETED") });

    const failedBare = await waitForRun(db.pool, await startOne({ name: "t/bare" }));
    expect(failedBare.status).toBe("FAILED");
    expect(await handleFailure(db.pool, registry, failedBare.id)).toMatchObject({ ok: false, status: 409, error: expect.stringContaining("no failure handler") });

    expect(await handleFailure(db.pool, registry, UNKNOWN)).toMatchObject({ ok: false, status: 404 });
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM runs WHERE failed_run_id = ANY($1)`, [[completed.id, failedBare.id]]);
    expect(rows[0].n).toBe(0);
  });
});

describe("cancelRun", () => {
  it("cancels a queued run at once; it never executes", async () => {
    const runId = await sendQueued({ name: "t/counted", data: { k: "c-queued" } });
    expect(await cancelRun(db.pool, runId)).toEqual({ ok: true, runId });
    const run = await getRun(db.pool, runId);
    expect(run).toMatchObject({ status: "CANCELLED" });
    expect((run as unknown as { ended_at: Date }).ended_at).toBeInstanceOf(Date);
    expect(await queueRows(runId)).toEqual([]);
    expect(await attemptStatuses(runId)).toEqual([]);
  });

  it("cancels a sleeping run at once, and it does not wake", async () => {
    const runId = await startOne({ name: "t/sleepy", data: { k: "c-sleep" } });
    await eventually(async () => ((await attemptStatuses(runId)).includes("SLEEPING") ? true : undefined));
    expect((await getRun(db.pool, runId)).status).toBe("RUNNING");
    expect(await cancelRun(db.pool, runId)).toEqual({ ok: true, runId });
    expect((await getRun(db.pool, runId)).status).toBe("CANCELLED");
    expect(await queueRows(runId)).toEqual([]);
    expect(calls.get("c-sleep:before")).toBe(1);
    expect(calls.get("c-sleep:after")).toBeUndefined();
  });

  it("cancels a run waiting for its next attempt at once", async () => {
    const runId = await startOne({ name: "t/slow-retry", data: { k: "c-retry" } });
    await eventually(async () => ((await attemptStatuses(runId)).includes("FAILED") ? true : undefined));
    expect(await cancelRun(db.pool, runId)).toEqual({ ok: true, runId });
    expect((await getRun(db.pool, runId)).status).toBe("CANCELLED");
    expect(await queueRows(runId)).toEqual([]);
    expect(calls.get("c-retry:flaky")).toBe(1);
  });

  it("lets the step in flight of a running run finish, then stops it before the next step", async () => {
    const runId = await startOne({ name: "t/gated", data: { k: "c-run" } });
    await gate("c-run").entered;
    expect(await cancelRun(db.pool, runId)).toEqual({ ok: true, runId });
    // The step in flight is not interrupted: the run is still running, with the request noted.
    const { rows } = await db.pool.query(`SELECT status, cancel_requested FROM runs WHERE id = $1`, [runId]);
    expect(rows[0]).toEqual({ status: "RUNNING", cancel_requested: true });

    gate("c-run").open();
    const run = await waitForRun(db.pool, runId, undefined, 5_000);
    expect(run.status).toBe("CANCELLED");
    expect(run.output).toBeNull();
    expect(calls.get("c-run:next")).toBeUndefined();
    const { rows: steps } = await db.pool.query(`SELECT id, status, output FROM steps WHERE run_id = $1`, [runId]);
    expect(steps).toEqual([{ id: "wait", status: "COMPLETED", output: "waited" }]); // it finished, and was kept
    expect(await attemptStatuses(runId)).toEqual(["CANCELLED"]);
    expect(await queueRows(runId)).toEqual([]);
  });

  it("stops a running run whose step in flight is followed by a sleep, instead of letting it sleep first", async () => {
    const runId = await startOne({ name: "t/gated-sleep", data: { k: "c-run-sleep" } });
    await gate("c-run-sleep").entered;
    expect(await cancelRun(db.pool, runId)).toEqual({ ok: true, runId });
    gate("c-run-sleep").open();
    const run = await waitForRun(db.pool, runId, undefined, 5_000);
    expect(run.status).toBe("CANCELLED");
    expect(await queueRows(runId)).toEqual([]);
    expect(calls.get("c-run-sleep:after")).toBeUndefined();
    expect(await attemptStatuses(runId)).toEqual(["CANCELLED"]);
  });

  it("stops a running run whose step in flight fails, instead of scheduling its retry", async () => {
    const runId = await startOne({ name: "t/gated-fail", data: { k: "c-run-fail" } });
    await gate("c-run-fail").entered;
    expect(await cancelRun(db.pool, runId)).toEqual({ ok: true, runId });
    gate("c-run-fail").open();
    const run = await waitForRun(db.pool, runId, undefined, 5_000);
    expect(run.status).toBe("CANCELLED");
    expect(await queueRows(runId)).toEqual([]);
    expect(calls.get("c-run-fail:wait")).toBe(1);
    const { rows } = await db.pool.query(`SELECT status, retry_at FROM attempts WHERE run_id = $1`, [runId]);
    expect(rows).toEqual([{ status: "FAILED", retry_at: null }]);
  });

  it("does not deadlock with a worker claiming the run at the same moment", async () => {
    // A claim (claimRuns) locks the queue row, then the run. Replay that order by hand around a
    // cancel: a cancel that locked the run first and then waited for the queue row would
    // deadlock with it, and PostgreSQL would abort one of the two.
    const runId = await sendQueued({ name: "t/counted", data: { k: "c-race" } });
    const claimer = await db.pool.connect();
    try {
      await claimer.query("BEGIN");
      await claimer.query(`SELECT run_id FROM queue WHERE run_id = $1 FOR UPDATE`, [runId]);
      const cancelling = cancelRun(db.pool, runId);
      cancelling.catch(() => {});
      // Wait until the cancel is blocked on a lock the claimer holds.
      await eventually(async () => {
        const { rows } = await db.pool.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%queue%'`,
        );
        return rows[0].n > 0 ? true : undefined;
      });
      await claimer.query(`UPDATE queue SET lease_id = 'claimed-by-test', locked_by = 'test', locked_until = now() + interval '1 minute' WHERE run_id = $1`, [runId]);
      await claimer.query(`UPDATE runs SET status = 'RUNNING' WHERE id = $1`, [runId]);
      await claimer.query("COMMIT");
      // The claim won: the run is held by a live "worker", so it is asked to cancel, not ended here.
      expect(await cancelling).toEqual({ ok: true, runId });
      const { rows } = await db.pool.query(`SELECT status, cancel_requested FROM runs WHERE id = $1`, [runId]);
      expect(rows[0]).toEqual({ status: "RUNNING", cancel_requested: true });
    } finally {
      await claimer.query("ROLLBACK").catch(() => {});
      claimer.release();
      await db.pool.query(`DELETE FROM queue WHERE run_id = $1`, [runId]);
    }
  });

  it("refuses a run that has ended (409) and an unknown id (404)", async () => {
    const completed = await waitForRun(db.pool, await startOne({ name: "t/counted", data: { k: "c-ended" } }));
    const failed = await waitForRun(db.pool, await startOne({ name: "t/bare" }));
    const cancelled = await sendQueued({ name: "t/counted", data: { k: "c-twice" } });
    expect((await cancelRun(db.pool, cancelled)).ok).toBe(true);
    for (const [runId, status] of [[completed.id, "COMPLETED"], [failed.id, "FAILED"], [cancelled, "CANCELLED"]]) {
      expect(await cancelRun(db.pool, runId)).toMatchObject({ ok: false, status: 409, error: expect.stringContaining(status) });
      expect((await getRun(db.pool, runId)).status).toBe(status);
    }
    expect(await cancelRun(db.pool, UNKNOWN)).toMatchObject({ ok: false, status: 404 });
  });
});
