import { beforeAll, describe, expect, it } from "vitest";
import { ingestEvents } from "@/lib/engine/ingest";
import { FunctionRegistry } from "@/lib/engine/registry";
import { createFunction } from "@/lib/engine/sdk";
import { validateEvents } from "@/lib/engine/validate-events";
import { send } from "../support/engine";
import { useTestDatabase } from "../support/test-database";

const db = useTestDatabase();
const a = createFunction({ id: "fn-a" }, { event: "order/placed" }, async () => "a");
const b = createFunction({ id: "fn-b" }, { event: "order/placed" }, async () => "b");
const registry = new FunctionRegistry([a, b]);

async function counts() {
  const { rows } = await db.pool.query(`SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM runs)::int AS runs, (SELECT count(*) FROM queue)::int AS queued`);
  return rows[0];
}

beforeAll(async () => {
  await db.pool.query("SELECT 1");
});

describe("ingest", () => {
  it("stores an event with one run per function it triggers, all queued", async () => {
    const before = await counts();
    const { eventIds, runIds } = await send(db.pool, registry, { name: "order/placed", data: { n: 1 } });
    expect(eventIds).toHaveLength(1);
    expect(runIds).toHaveLength(2);
    const after = await counts();
    expect(after).toEqual({ events: before.events + 1, runs: before.runs + 2, queued: before.queued + 2 });
  });

  it("the same event id within 24 h is stored again but starts no second run per function", async () => {
    const first = await send(db.pool, registry, { name: "order/placed", id: "order-42" });
    const again = await send(db.pool, registry, { name: "order/placed", id: "order-42" });
    const inBatch = await send(db.pool, registry, [{ name: "order/placed", id: "order-43" }, { name: "order/placed", id: "order-43" }]);
    expect(first.runIds).toHaveLength(2);
    expect(again.runIds).toHaveLength(0);
    expect(again.eventIds).toHaveLength(1);
    expect(inBatch.runIds).toHaveLength(2);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE external_id = 'order-42'`);
    expect(rows[0].n).toBe(2);
  });

  it("after 24 hours the same id starts runs again", async () => {
    await send(db.pool, registry, { name: "order/placed", id: "order-old" });
    await db.pool.query(`UPDATE run_keys SET created_at = now() - interval '25 hours' WHERE key = 'order-old'`);
    const later = await send(db.pool, registry, { name: "order/placed", id: "order-old" });
    expect(later.runIds).toHaveLength(2);
  });

  it("10,000 events with half the ids repeated give exactly one run per function and id", async () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ({ name: "order/placed", id: `dup-${i % 5_000}` }));
    for (let i = 0; i < events.length; i += 1_000) {
      const checked = validateEvents(events.slice(i, i + 1_000));
      if (!checked.ok) throw new Error(checked.error);
      await ingestEvents(db.pool, registry, checked.events);
    }
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS runs, count(DISTINCT (r.function_id, e.external_id))::int AS distinct_keys
       FROM runs r JOIN events e ON e.id = r.event_id WHERE e.external_id LIKE 'dup-%'`,
    );
    expect(rows[0]).toEqual({ runs: 10_000, distinct_keys: 10_000 });
  });

  it("a batch with one invalid event is rejected whole, naming the event and field, and stores nothing", () => {
    const result = validateEvents([{ name: "order/placed" }, { name: "order/placed", data: [1, 2] }]);
    expect(result).toEqual({ ok: false, status: 400, error: "events[1].data: must be an object" });
  });
});
