import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RetryAfterError, createFunction } from "@/lib/engine/sdk";
import type { FunctionRegistry } from "@/lib/engine/registry";
import type { Worker } from "@/lib/engine/worker";
import { send, startWorker, waitForRun } from "../support/engine";
import { eventually, useTestDatabase } from "../support/test-database";

const db = useTestDatabase();
const calls = new Map<string, number>();
const count = (key: string) => calls.set(key, (calls.get(key) ?? 0) + 1).get(key)!;

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

const caught = createFunction({ id: "caught", retries: 1 }, { event: "t/caught" }, async ({ step }) => {
  try {
    await step.run("charge", () => {
      throw new Error("card declined");
    });
  } catch (err) {
    return await step.run("refund", () => `rolled back after ${(err as Error).name}: ${(err as Error).message}`);
  }
  return "unreachable";
});

const repeated = createFunction({ id: "repeated" }, { event: "t/repeated" }, async ({ step }) => {
  const out: number[] = [];
  for (let i = 0; i < 3; i++) out.push(await step.run("item", () => i));
  return out;
});

const retryAfter = createFunction({ id: "retry-after", retries: 3 }, { event: "t/retry-after" }, async ({ event, step }) =>
  step.run("call-api", () => {
    if (count(`${event.data.k}:api`) === 1) throw new RetryAfterError("rate limited", 1_200);
    return "ok";
  }),
);

const sleeper = createFunction({ id: "sleeper" }, { event: "t/sleeper" }, async ({ event, step }) => {
  await step.run("before", () => count(`${event.data.k}:before`));
  await step.sleep("nap", "600ms");
  return step.run("after", () => count(`${event.data.k}:after`));
});

const sender = createFunction({ id: "sender", retries: 2 }, { event: "t/sender" }, async ({ event, step }) => {
  const sent = await step.sendEvent("fan-out", [{ name: "t/child", data: { from: event.data.k } }, { name: "t/child", data: { from: event.data.k } }]);
  await step.run("flaky", () => {
    if (count(`${event.data.k}:flaky`) < 2) throw new Error("flaky");
  });
  return sent;
});
const child = createFunction({ id: "child" }, { event: "t/child" }, async ({ event }) => `child of ${event.data.from}`);

let worker: Worker;
let registry: FunctionRegistry;
beforeAll(async () => {
  ({ worker, registry } = await startWorker(db, [perStep, caught, repeated, retryAfter, sleeper, sender, child]));
});
afterAll(async () => worker?.stop(1_000));

async function steps(runId: string) {
  const { rows } = await db.pool.query(`SELECT id, status, output, error, attempts FROM steps WHERE run_id = $1 ORDER BY position`, [runId]);
  return rows;
}

describe("steps", () => {
  it("count retries per step, and never re-run a step that succeeded", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/per-step", data: { k: "p1" } });
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run).toMatchObject({ status: "COMPLETED", output: "AB", attempts: 5 });
    expect(calls.get("p1:a")).toBe(3);
    expect(calls.get("p1:b")).toBe(3); // step a was not run again while b retried
    expect(await steps(run.id)).toEqual([
      { id: "a", status: "COMPLETED", output: "A", error: null, attempts: 3 },
      { id: "b", status: "COMPLETED", output: "AB", error: null, attempts: 3 },
    ]);
  });

  it("a step that failed for good throws into the function, which may catch it and go on", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/caught" });
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run).toMatchObject({ status: "COMPLETED", output: "rolled back after StepError: card declined" });
    const [charge, refund] = await steps(run.id);
    expect(charge).toMatchObject({ id: "charge", status: "FAILED", attempts: 2, error: { name: "Error", message: "card declined" } });
    expect(refund).toMatchObject({ id: "refund", status: "COMPLETED" });
  });

  it("repeated step ids get :1, :2 suffixes", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/repeated" });
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run.output).toEqual([0, 1, 2]);
    expect((await steps(run.id)).map((s) => s.id)).toEqual(["item", "item:1", "item:2"]);
  });

  it("RetryAfterError delays the next attempt until the time it asks for", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/retry-after", data: { k: "r1" } });
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run.status).toBe("COMPLETED");
    const { rows } = await db.pool.query(`SELECT status, ended_at, retry_at, started_at FROM attempts WHERE run_id = $1 ORDER BY number`, [run.id]);
    expect(rows.map((r) => r.status)).toEqual(["FAILED", "COMPLETED"]);
    const asked = rows[0].retry_at.getTime() - rows[0].ended_at.getTime();
    expect(asked).toBeGreaterThanOrEqual(1_000); // 1.2 s asked; the fixed 0 ms backoff was overridden
    expect(rows[1].started_at.getTime()).toBeGreaterThanOrEqual(rows[0].retry_at.getTime());
  });

  it("step.sleep suspends the run without a worker, then resumes after the sleep", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/sleeper", data: { k: "s1" } });
    const sleeping = await eventually(async () => {
      const { rows } = await db.pool.query(`SELECT status FROM attempts WHERE run_id = $1`, [runIds[0]]);
      return rows.some((r) => r.status === "SLEEPING") ? rows : undefined;
    });
    expect(sleeping).toHaveLength(1);
    expect(worker.busy).toBe(0); // no worker slot is held while the run sleeps
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run.status).toBe("COMPLETED");
    expect(calls.get("s1:before")).toBe(1);
    expect(calls.get("s1:after")).toBe(1);
    const nap = (await steps(run.id))[1];
    expect(nap).toMatchObject({ id: "nap", status: "COMPLETED" });
  });

  it("step.sendEvent stores its events once and starts their runs, even when a later step retries", async () => {
    const { runIds } = await send(db.pool, registry, { name: "t/sender", data: { k: "e1" } });
    const run = await waitForRun(db.pool, runIds[0]);
    expect(run.status).toBe("COMPLETED");
    const ids = (run.output as { ids: string[] }).ids;
    expect(ids).toHaveLength(2);
    const { rows: events } = await db.pool.query(`SELECT id FROM events WHERE name = 't/child' AND data->>'from' = 'e1'`);
    expect(events.map((e) => e.id).sort()).toEqual([...ids].sort());
    const children = await Promise.all(ids.map(async (id) => {
      const { rows } = await db.pool.query(`SELECT id FROM runs WHERE event_id = $1`, [id]);
      return waitForRun(db.pool, rows[0].id);
    }));
    expect(children.map((c) => c.output)).toEqual(["child of e1", "child of e1"]);
  });
});
