import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RetryAfterError, StepError, createFunction } from "@/lib/engine/sdk";
import type { FunctionRegistry } from "@/lib/engine/registry";
import type { Worker } from "@/lib/engine/worker";
import { getRun, send, startWorker, waitForRun } from "../support/engine";
import { eventually, useTestDatabase } from "../support/test-database";

const db = useTestDatabase();
// Every step body (and the code between steps) counts its executions here, per run key.
const calls = new Map<string, number>();
const count = (key: string) => calls.set(key, (calls.get(key) ?? 0) + 1).get(key)!;
const times = new Map<string, number[]>();

// Step "a" succeeds first time, "b" fails once: the retry replays the code from the top, and
// "a" must come back from its stored result, not run again.
const memo = createFunction({ id: "memo", retries: 3 }, { event: "t/memo" }, async ({ event, step }) => {
  const k = event.data.k as string;
  count(`${k}:top`);
  const a = await step.run("a", () => ({ n: count(`${k}:a`), at: "first" }));
  const b = await step.run("b", () => {
    if (count(`${k}:b`) === 1) throw new Error("b fails once");
    return `b saw a=${JSON.stringify(a)}`;
  });
  return { a, b };
});

// Each step fails twice before succeeding; with retries: 2 (3 attempts) that only works if
// attempts are counted per step, as Inngest does.
const perStep = createFunction({ id: "per-step", retries: 2 }, { event: "t/per-step" }, async ({ event, step }) => {
  const a = await step.run("a", () => {
    if (count(`${event.data.k}:a`) < 3) throw new Error("a not yet");
    return "A";
  });
  const b = await step.run("b", () => {
    if (count(`${event.data.k}:b`) < 3) throw new Error("b not yet");
    return `${a}B`;
  });
  return b;
});

const caught = createFunction({ id: "caught", retries: 1 }, { event: "t/caught" }, async ({ event, step }) => {
  try {
    await step.run("charge", () => {
      count(`${event.data.k}:charge`);
      throw new TypeError("card declined");
    });
  } catch (err) {
    const e = err as StepError;
    const seen = { isStepError: err instanceof StepError, name: e.name, message: e.message, stepId: e.stepId, original: e.original.name };
    return await step.run("refund", () => ({ refunded: true, seen }));
  }
  return "unreachable";
});

// Three steps with one id, then a step that fails once: the replay must map each "item" to its
// own stored result by its ":n" suffix.
const repeated = createFunction({ id: "repeated", retries: 2 }, { event: "t/repeated" }, async ({ event, step }) => {
  const k = event.data.k as string;
  const out: string[] = [];
  for (let i = 0; i < 3; i++) out.push(await step.run("item", () => `item ${i} (run ${count(`${k}:item${i}`)})`));
  await step.run("flaky", () => {
    if (count(`${k}:flaky`) === 1) throw new Error("once");
  });
  return out;
});

const retryAfter = createFunction({ id: "retry-after", retries: 3 }, { event: "t/retry-after" }, async ({ event, step }) =>
  step.run("call-api", () => {
    const k = `${event.data.k}:api`;
    times.set(k, [...(times.get(k) ?? []), Date.now()]);
    if (count(k) === 1) throw new RetryAfterError("later", 1_000);
    return "ok";
  }),
);

const SLEEP_MS = 700;
const sleeper = createFunction({ id: "sleeper" }, { event: "t/sleeper" }, async ({ event, step }) => {
  await step.run("before", () => count(`${event.data.k}:before`));
  await step.sleep("nap", SLEEP_MS);
  return step.run("after", () => count(`${event.data.k}:after`));
});

const sender = createFunction({ id: "sender", retries: 2 }, { event: "t/sender" }, async ({ event, step }) => {
  const sent = await step.sendEvent("fan-out", [{ name: "t/child", data: { from: event.data.k, n: 1 } }, { name: "t/child", data: { from: event.data.k, n: 2 } }]);
  await step.run("flaky", () => {
    if (count(`${event.data.k}:flaky`) < 2) throw new Error("flaky");
  });
  return sent;
});
const child = createFunction({ id: "child" }, { event: "t/child" }, async ({ event }) => `child ${event.data.n} of ${event.data.from}`);

let worker: Worker;
let registry: FunctionRegistry;
beforeAll(async () => {
  ({ worker, registry } = await startWorker(db, [memo, perStep, caught, repeated, retryAfter, sleeper, sender, child]));
});
afterAll(async () => worker?.stop(1_000));

async function steps(runId: string) {
  const { rows } = await db.pool.query(`SELECT id, name, op, status, output, error, attempts FROM steps WHERE run_id = $1 ORDER BY position`, [runId]);
  return rows;
}

async function attempts(runId: string) {
  const { rows } = await db.pool.query(
    `SELECT number, attempt, step_id, status, error->>'message' AS message, started_at, ended_at, retry_at FROM attempts WHERE run_id = $1 ORDER BY number`,
    [runId],
  );
  return rows;
}

describe("steps", () => {
  it("a step that succeeded is not run again when a later step fails and the run is retried", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/memo", data: { k: "m1" } });
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run.status).toBe("COMPLETED");
    expect(calls.get("m1:top")).toBe(2); // the code was replayed from the top on the retry...
    expect(calls.get("m1:a")).toBe(1); // ...but "a" came from its stored result
    expect(calls.get("m1:b")).toBe(2);
    // The replay handed the stored value of "a" to the code after it.
    expect(run.output).toEqual({ a: { n: 1, at: "first" }, b: `b saw a=${JSON.stringify({ n: 1, at: "first" })}` });
    expect((await attempts(run.id)).map((a) => [a.status, a.step_id, a.message])).toEqual([
      ["FAILED", "b", "b fails once"],
      ["COMPLETED", null, null],
    ]);
  });

  it("retries are counted per step: two steps that each fail twice both fit in retries: 2", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/per-step", data: { k: "p1" } });
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run).toMatchObject({ status: "COMPLETED", output: "AB", attempts: 5 });
    expect(calls.get("p1:a")).toBe(3);
    expect(calls.get("p1:b")).toBe(3); // step a was not run again while b retried
    expect(await steps(run.id)).toEqual([
      { id: "a", name: "a", op: "RUN", status: "COMPLETED", output: "A", error: null, attempts: 3 },
      { id: "b", name: "b", op: "RUN", status: "COMPLETED", output: "AB", error: null, attempts: 3 },
    ]);
    // The attempt counter restarts at 0 for step b.
    const rows = await attempts(run.id);
    expect(rows.map((a) => a.status)).toEqual(["FAILED", "FAILED", "FAILED", "FAILED", "COMPLETED"]);
    expect(rows.slice(0, 4).map((a) => [a.step_id, a.attempt])).toEqual([
      ["a", 0],
      ["a", 1],
      ["b", 0],
      ["b", 1],
    ]);
  });

  it("a step that fails for good throws a StepError the function can catch, and the run carries on", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/caught", data: { k: "c1" } });
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run.status).toBe("COMPLETED");
    expect(run.error).toBeNull();
    expect(run.output).toEqual({
      refunded: true,
      seen: { isStepError: true, name: "StepError", message: "card declined", stepId: "charge", original: "TypeError" },
    });
    expect(calls.get("c1:charge")).toBe(2); // retries: 1 -> two attempts, then the failure is final
    const [charge, refund] = await steps(run.id);
    expect(charge).toMatchObject({ id: "charge", status: "FAILED", attempts: 2, output: null, error: { name: "TypeError", message: "card declined" } });
    expect(charge.error.stack).toContain("steps.test.ts");
    expect(refund).toMatchObject({ id: "refund", status: "COMPLETED", attempts: 1 });
  });

  it("repeated step ids get :1, :2 suffixes, and a replay maps each to its own result", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/repeated", data: { k: "r1" } });
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toEqual(["item 0 (run 1)", "item 1 (run 1)", "item 2 (run 1)"]);
    expect([0, 1, 2].map((i) => calls.get(`r1:item${i}`))).toEqual([1, 1, 1]);
    expect(calls.get("r1:flaky")).toBe(2); // the replay did happen
    expect((await steps(run.id)).map((s) => [s.id, s.name, s.output])).toEqual([
      ["item", "item", "item 0 (run 1)"],
      ["item:1", "item", "item 1 (run 1)"],
      ["item:2", "item", "item 2 (run 1)"],
      ["flaky", "flaky", null],
    ]);
  });

  it("RetryAfterError: the retry is due at least the asked time after the failure, and does not start earlier", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/retry-after", data: { k: "ra1" } });
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run.status).toBe("COMPLETED");
    const [failed, completed] = await attempts(run.id);
    expect([failed.status, failed.step_id, failed.message, completed.status]).toEqual(["FAILED", "call-api", "later", "COMPLETED"]);
    const [thrownAt, retriedAt] = times.get("ra1:api")!;
    // The worker's backoff is 0 ms: only RetryAfterError can push the retry this far out.
    expect(failed.retry_at.getTime()).toBeGreaterThanOrEqual(thrownAt + 1_000);
    expect(completed.started_at.getTime()).toBeGreaterThanOrEqual(failed.retry_at.getTime());
    expect(retriedAt - thrownAt).toBeGreaterThanOrEqual(1_000);
  });

  it("step.sleep ends the attempt (SLEEPING, run still RUNNING, no worker held) and resumes after the sleep", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/sleeper", data: { k: "s1" } });
    const runId = runIds[0];
    const sleeping = await eventually(async () => {
      const rows = await attempts(runId);
      return rows.some((r) => r.status === "SLEEPING") ? rows : undefined;
    });
    expect(sleeping.map((a) => [a.status, a.step_id])).toEqual([["SLEEPING", "nap"]]);
    expect((await getRun(db.pool, runId)).status).toBe("RUNNING");
    // No lease on the run while it sleeps: it is only a queue row, due when the sleep ends.
    const { rows: nap } = await db.pool.query(`SELECT op, started_at, ended_at FROM steps WHERE run_id = $1 AND id = 'nap'`, [runId]);
    expect(nap[0].op).toBe("SLEEP");
    expect(nap[0].ended_at.getTime() - nap[0].started_at.getTime()).toBe(SLEEP_MS);
    const { rows: queue } = await db.pool.query(`SELECT run_at, lease_id, locked_by FROM queue WHERE run_id = $1`, [runId]);
    expect(queue).toEqual([{ run_at: nap[0].ended_at, lease_id: null, locked_by: null }]);
    expect(worker.busy).toBe(0);
    expect(calls.get("s1:after")).toBeUndefined();

    const run = await waitForRun(db.pool, runId);
    expect(run).toMatchObject({ status: "COMPLETED", output: 1 });
    expect(calls.get("s1:before")).toBe(1);
    expect(calls.get("s1:after")).toBe(1);
    expect((await steps(run.id))[1]).toMatchObject({ id: "nap", op: "SLEEP", status: "COMPLETED" });
    const [, resumed, ...more] = await attempts(run.id);
    expect(more).toEqual([]);
    expect(resumed.status).toBe("COMPLETED");
    expect(resumed.started_at.getTime()).toBeGreaterThanOrEqual(nap[0].ended_at.getTime()); // not woken early
  });

  it("step.sendEvent stores its events once and starts their runs, even when a later step retries", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/sender", data: { k: "e1" } });
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run.status).toBe("COMPLETED");
    expect(calls.get("e1:flaky")).toBe(2); // the run was retried after the events were sent
    expect(run.attempts).toBe(2);
    const ids = (run.output as { ids: string[] }).ids;
    expect(ids).toHaveLength(2);
    const { rows: events } = await db.pool.query(`SELECT id, data FROM events WHERE name = 't/child' AND data->>'from' = 'e1' ORDER BY id`);
    expect(events.map((e) => e.id)).toEqual([...ids].sort());
    expect(events.map((e) => e.data.n)).toEqual([1, 2]);
    const [fanOut] = await steps(run.id);
    expect(fanOut).toMatchObject({ id: "fan-out", op: "SEND_EVENT", status: "COMPLETED", attempts: 1, output: { ids } });
    const children = await Promise.all(
      ids.map(async (id) => {
        const { rows } = await db.pool.query(`SELECT id FROM runs WHERE event_id = $1`, [id]);
        expect(rows).toHaveLength(1);
        return waitForRun(db.pool, rows[0].id);
      }),
    );
    expect(children.map((c) => [c.function_id, c.status, c.output])).toEqual([
      ["child", "COMPLETED", "child 1 of e1"],
      ["child", "COMPLETED", "child 2 of e1"],
    ]);
  });
});
