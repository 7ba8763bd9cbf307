import { describe, expect, it } from "vitest";
import { ingestEvents } from "@/lib/engine/ingest";
import { FunctionRegistry } from "@/lib/engine/registry";
import { createFunction } from "@/lib/engine/sdk";
import { validateEvents } from "@/lib/engine/validate-events";
import { send } from "../support/engine";
import { useTestDatabase } from "../support/test-database";

// Deduplication happens when events are stored, so no worker runs here: the runs stay queued
// and can be counted exactly.
const db = useTestDatabase();
const a = createFunction({ id: "fn-a" }, { event: "order/placed" }, async () => "a");
const b = createFunction({ id: "fn-b" }, { event: "order/placed" }, async () => "b");
const c = createFunction({ id: "fn-c" }, { event: "invoice/sent" }, async () => "c");
const registry = new FunctionRegistry([a, b, c]);

/** Events stored with this sender id, and the runs they started per function. */
async function byId(externalId: string) {
  const { rows: events } = await db.pool.query(`SELECT id FROM events WHERE external_id = $1 ORDER BY id`, [externalId]);
  const { rows: runs } = await db.pool.query(
    `SELECT r.id, r.function_id, r.event_id FROM runs r JOIN events e ON e.id = r.event_id WHERE e.external_id = $1 ORDER BY r.function_id, r.id`,
    [externalId],
  );
  const perFunction: Record<string, number> = {};
  for (const r of runs) perFunction[r.function_id] = (perFunction[r.function_id] ?? 0) + 1;
  return { eventIds: events.map((e) => e.id as string), runs, perFunction };
}

describe("event id deduplication", () => {
  it("the same id sent twice within 24 h: both events stored, one run per function", async () => {
    const first = await send(db.pool, registry, { name: "order/placed", id: "order-42", data: { n: 1 } });
    const again = await send(db.pool, registry, { name: "order/placed", id: "order-42", data: { n: 2 } });
    expect(first.runIds).toHaveLength(2);
    expect(again.runIds).toEqual([]);
    expect(again.eventIds).toHaveLength(1);

    const stored = await byId("order-42");
    expect(stored.eventIds).toEqual([first.eventIds[0], again.eventIds[0]]);
    expect(stored.perFunction).toEqual({ "fn-a": 1, "fn-b": 1 });
    expect(stored.runs.every((r) => r.event_id === first.eventIds[0])).toBe(true); // the runs are the first event's
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM queue WHERE run_id = ANY($1)`, [stored.runs.map((r) => r.id)]);
    expect(rows[0].n).toBe(2);
  });

  it("the same id twice in one batch: both events stored, one run per function, for the first", async () => {
    const result = await send(db.pool, registry, [
      { name: "order/placed", id: "order-43", data: { n: 1 } },
      { name: "order/placed", id: "order-43", data: { n: 2 } },
    ]);
    expect(result.eventIds).toHaveLength(2);
    expect(result.runIds).toHaveLength(2);
    const stored = await byId("order-43");
    expect(stored.eventIds).toEqual(result.eventIds);
    expect(stored.perFunction).toEqual({ "fn-a": 1, "fn-b": 1 });
    expect(stored.runs.map((r) => r.event_id)).toEqual([result.eventIds[0], result.eventIds[0]]);
  });

  it("different ids start runs of their own, and events without an id are never deduplicated", async () => {
    const one = await send(db.pool, registry, { name: "order/placed", id: "order-44" });
    const two = await send(db.pool, registry, { name: "order/placed", id: "order-45" });
    expect(one.runIds).toHaveLength(2);
    expect(two.runIds).toHaveLength(2);
    expect((await byId("order-44")).perFunction).toEqual({ "fn-a": 1, "fn-b": 1 });
    expect((await byId("order-45")).perFunction).toEqual({ "fn-a": 1, "fn-b": 1 });

    const anonymous = await send(db.pool, registry, [{ name: "order/placed", data: { same: true } }, { name: "order/placed", data: { same: true } }]);
    const again = await send(db.pool, registry, { name: "order/placed", data: { same: true } });
    expect(anonymous.runIds).toHaveLength(4);
    expect(again.runIds).toHaveLength(2);
  });

  it("is per function: an id one function has seen still starts another function", async () => {
    const invoice = await send(db.pool, registry, { name: "invoice/sent", id: "shared-1" });
    const order = await send(db.pool, registry, { name: "order/placed", id: "shared-1" });
    expect(invoice.runIds).toHaveLength(1);
    expect(order.runIds).toHaveLength(2);
    expect((await byId("shared-1")).perFunction).toEqual({ "fn-a": 1, "fn-b": 1, "fn-c": 1 });
    const repeat = await send(db.pool, registry, [{ name: "invoice/sent", id: "shared-1" }, { name: "order/placed", id: "shared-1" }]);
    expect(repeat.runIds).toEqual([]);
  });

  it("the window is 24 hours: a key 25 h old lets the id start new runs, one 23 h old does not", async () => {
    const first = await send(db.pool, registry, { name: "order/placed", id: "order-old" });
    await db.pool.query(`UPDATE run_keys SET created_at = now() - interval '23 hours' WHERE key = 'order-old'`);
    const within = await send(db.pool, registry, { name: "order/placed", id: "order-old" });
    expect(within.runIds).toEqual([]);

    await db.pool.query(`UPDATE run_keys SET created_at = now() - interval '25 hours' WHERE key = 'order-old'`);
    const later = await send(db.pool, registry, { name: "order/placed", id: "order-old" });
    expect(later.runIds).toHaveLength(2);
    expect(later.runIds).not.toEqual(expect.arrayContaining(first.runIds));
    // The key now belongs to the new runs, and a new 24 h window starts from them.
    const { rows: keys } = await db.pool.query(`SELECT run_id, created_at > now() - interval '1 minute' AS fresh FROM run_keys WHERE key = 'order-old' ORDER BY run_id`);
    expect(keys).toEqual([...later.runIds].sort().map((run_id) => ({ run_id, fresh: true })));
    const afterThat = await send(db.pool, registry, { name: "order/placed", id: "order-old" });
    expect(afterThat.runIds).toEqual([]);
    expect((await byId("order-old")).perFunction).toEqual({ "fn-a": 2, "fn-b": 2 });
  });

  it("the same id sent concurrently on many connections still starts one run per function", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => send(db.pool, registry, { name: "order/placed", id: "race-1", data: { i } })));
    expect(results.flatMap((r) => r.runIds)).toHaveLength(2);
    const stored = await byId("race-1");
    expect(stored.eventIds).toHaveLength(20);
    expect(stored.perFunction).toEqual({ "fn-a": 1, "fn-b": 1 });
  });

  it("10,000 events in batches of 1,000 with every id sent twice give exactly one run per function and id", async () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ({ name: "order/placed", id: `dup-${i % 5_000}` }));
    let started = 0;
    for (let i = 0; i < events.length; i += 1_000) {
      const checked = validateEvents(events.slice(i, i + 1_000));
      if (!checked.ok) throw new Error(checked.error);
      started += (await ingestEvents(db.pool, registry, checked.events)).runIds.length;
    }
    expect(started).toBe(10_000); // 5,000 ids x 2 functions
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS events, count(DISTINCT e.external_id)::int AS ids,
              (SELECT count(*)::int FROM runs r JOIN events e2 ON e2.id = r.event_id WHERE e2.external_id LIKE 'dup-%') AS runs,
              (SELECT count(DISTINCT (r.function_id, e2.external_id))::int FROM runs r JOIN events e2 ON e2.id = r.event_id WHERE e2.external_id LIKE 'dup-%') AS keys
       FROM events e WHERE e.external_id LIKE 'dup-%'`,
    );
    expect(rows[0]).toEqual({ events: 10_000, ids: 5_000, runs: 10_000, keys: 10_000 });
  });
});
