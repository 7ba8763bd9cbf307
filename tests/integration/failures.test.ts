import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NonRetriableError, createFunction } from "@/lib/engine/sdk";
import type { Worker } from "@/lib/engine/worker";
import type { FunctionRegistry } from "@/lib/engine/registry";
import { getRun, send, startWorker, waitForRun } from "../support/engine";
import { eventually, useTestDatabase } from "../support/test-database";

const db = useTestDatabase();
const calls = { loadInput: 0, body: 0 };

const retriable = createFunction(
  { id: "retriable-fn", retries: 2, onFailure: async ({ step, error }) => step.run("handle-failure", () => `error handled: ${error.message}`) },
  { event: "test/plug.retriable" },
  async ({ step }) => {
    await step.run("load-input", () => {
      calls.loadInput++;
      return { loaded: true };
    });
    calls.body++;
    throw new Error("YOLO!!!");
  },
);
const nonRetriable = createFunction(
  { id: "non-retriable-fn", retries: 4, onFailure: async () => "handled" },
  { event: "test/non-retriable" },
  async () => {
    throw new NonRetriableError("card declined");
  },
);
const failingHandler = createFunction(
  { id: "bad-handler-fn", retries: 0, onFailure: async () => { throw new Error("handler broke too"); } },
  { event: "test/bad-handler" },
  async () => { throw new Error("first failure"); },
);

let worker: Worker;
let registry: FunctionRegistry;
beforeAll(async () => {
  ({ worker, registry } = await startWorker(db, [retriable, nonRetriable, failingHandler]));
});
afterAll(async () => worker?.stop(1_000));

async function failureEvent(runId: string) {
  const run = await getRun(db.pool, runId);
  const { rows } = await db.pool.query(`SELECT id, name, data, ts FROM events WHERE id = $1`, [run.failure_event_id]);
  return rows[0];
}

describe("a run that fails for good", () => {
  it("after its retries: is FAILED, emits the seed-shaped failure event, and runs the failure handler with its step", async () => {
    const { eventIds, runIds } = await send(db.pool, registry, { name: "test/plug.retriable", data: { order: 7 }, id: "evt-seed-1", ts: 1701318974082 });
    const run = await waitForRun(db.pool, runIds[0]);

    expect(run.status).toBe("FAILED");
    expect(run.attempts).toBe(3);
    expect(run.error).toMatchObject({ name: "Error", message: "YOLO!!!" });
    expect(run.error?.stack).toContain("failures.test.ts");
    expect(calls.loadInput).toBe(1); // memoised: the step ran once across three attempts
    expect(calls.body).toBe(3);

    const ev = await failureEvent(run.id);
    expect(ev.name).toBe("inngest/function.failed");
    expect(Object.keys(ev.data).sort()).toEqual(["error", "event", "function_id", "run_id"]);
    expect(ev.data.function_id).toBe("retriable-fn");
    expect(ev.data.run_id).toBe(run.id);
    expect(ev.data.error).toMatchObject({ error: "invalid status code: 500", name: "Error", message: "YOLO!!!" });
    expect(ev.data.error.stack).toContain("YOLO!!!");
    expect(ev.data.event).toEqual({ data: { order: 7 }, id: "evt-seed-1", name: "test/plug.retriable", ts: 1701318974082, user: {} });
    expect(ev.id).not.toBe(eventIds[0]);

    const handlerRun = await eventually(async () => {
      const { rows } = await db.pool.query(`SELECT id FROM runs WHERE failed_run_id = $1`, [run.id]);
      return rows[0];
    });
    const handled = await waitForRun(db.pool, handlerRun.id);
    expect(handled).toMatchObject({ function_id: "retriable-fn-failure", status: "COMPLETED", output: "error handled: YOLO!!!", event_id: ev.id });
    const { rows: steps } = await db.pool.query(`SELECT id, status, output FROM steps WHERE run_id = $1`, [handled.id]);
    expect(steps).toEqual([{ id: "handle-failure", status: "COMPLETED", output: "error handled: YOLO!!!" }]);
  });

  it("with NonRetriableError: fails on the first attempt and says so in the failure event", async () => {
    const { runIds } = await send(db.pool, registry, { name: "test/non-retriable" });
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(run.error).toMatchObject({ name: "NonRetriableError", message: "card declined" });
    const ev = await failureEvent(run.id);
    expect(ev.data.error).toMatchObject({ error: "NonRetriableError", name: "NonRetriableError", message: "card declined" });
    const { rows: attempts } = await db.pool.query(`SELECT status, retry_at FROM attempts WHERE run_id = $1`, [run.id]);
    expect(attempts).toEqual([{ status: "FAILED", retry_at: null }]);
  });

  it("records every attempt with its error and when the retry was due", async () => {
    const { runIds } = await send(db.pool, registry, { name: "test/plug.retriable" });
    const run = await waitForRun(db.pool, runIds[0]);
    const { rows } = await db.pool.query(
      `SELECT number, attempt, status, error->>'message' AS message, retry_at IS NOT NULL AS retried FROM attempts WHERE run_id = $1 ORDER BY number`,
      [run.id],
    );
    expect(rows).toEqual([
      { number: 0, attempt: 0, status: "FAILED", message: "YOLO!!!", retried: true },
      { number: 1, attempt: 1, status: "FAILED", message: "YOLO!!!", retried: true },
      { number: 2, attempt: 2, status: "FAILED", message: "YOLO!!!", retried: false },
    ]);
  });

  it("a failing failure handler emits no further failure event (no loops)", async () => {
    const { runIds } = await send(db.pool, registry, { name: "test/bad-handler" });
    const run = await waitForRun(db.pool, runIds[0]);
    const handler = await eventually(async () => {
      const { rows } = await db.pool.query(`SELECT id FROM runs WHERE failed_run_id = $1`, [run.id]);
      return rows[0];
    });
    const handlerRun = await waitForRun(db.pool, handler.id);
    expect(handlerRun.status).toBe("FAILED");
    expect(handlerRun.attempts).toBe(2); // failure handlers get one retry, as in Inngest's TS SDK
    expect(handlerRun.failure_event_id).toBeNull();
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM runs WHERE failed_run_id = $1`, [handlerRun.id]);
    expect(rows[0].n).toBe(0);
  });
});
