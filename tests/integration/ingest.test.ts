import { describe, expect, it } from "vitest";
import { ingestEvents } from "@/lib/engine/ingest";
import { LIMITS } from "@/lib/engine/limits";
import { FunctionRegistry } from "@/lib/engine/registry";
import { createFunction } from "@/lib/engine/sdk";
import { validateEvents } from "@/lib/engine/validate-events";
import { useTestDatabase } from "../support/test-database";

// Ingest as the events endpoint does it (lib/server/ingest-request.ts): validate the whole body,
// then store it with ingestEvents. No worker runs, so runs stay queued and can be counted.
const db = useTestDatabase();
const a = createFunction({ id: "fn-a" }, { event: "order/placed" }, async () => "a");
const b = createFunction({ id: "fn-b" }, { event: "order/placed" }, async () => "b");
const c = createFunction({ id: "fn-c" }, { event: "invoice/sent" }, async () => "c");
const registry = new FunctionRegistry([a, b, c]);
const RUNS_PER_EVENT: Record<string, number> = { "order/placed": 2, "invoice/sent": 1, "nobody/listens": 0 };

async function ingest(body: unknown) {
  const checked = validateEvents(body);
  if (!checked.ok) return { ok: false as const, status: checked.status, error: checked.error };
  return { ok: true as const, ...(await ingestEvents(db.pool, registry, checked.events)) };
}

async function counts() {
  const { rows } = await db.pool.query(
    `SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM runs)::int AS runs,
            (SELECT count(*) FROM queue)::int AS queued, (SELECT count(*) FROM run_keys)::int AS keys`,
  );
  return rows[0] as { events: number; runs: number; queued: number; keys: number };
}

describe("ingest", () => {
  it("stores an event with one queued run per function it triggers", async () => {
    const before = await counts();
    const result = await ingest({ name: "order/placed", data: { n: 1 }, user: { email: "a@b.c" }, id: "first", ts: 1701318974082, v: "2024-01-01.1" });
    expect(result.ok && [result.eventIds.length, result.runIds.length]).toEqual([1, 2]);
    expect(await counts()).toEqual({ events: before.events + 1, runs: before.runs + 2, queued: before.queued + 2, keys: before.keys + 2 });
    const { rows } = await db.pool.query(`SELECT external_id, name, data, "user", ts, v FROM events WHERE id = $1`, [result.ok && result.eventIds[0]]);
    expect(rows[0]).toEqual({ external_id: "first", name: "order/placed", data: { n: 1 }, user: { email: "a@b.c" }, ts: new Date(1701318974082), v: "2024-01-01.1" });
    const { rows: runs } = await db.pool.query(`SELECT function_id, status, event_name FROM runs WHERE id = ANY($1) ORDER BY function_id`, [result.ok && result.runIds]);
    expect(runs).toEqual([
      { function_id: "fn-a", status: "QUEUED", event_name: "order/placed" },
      { function_id: "fn-b", status: "QUEUED", event_name: "order/placed" },
    ]);
  });

  it.each([
    { at: 0, bad: { name: "order/placed", data: [1, 2] }, error: "events[0].data: must be an object" },
    { at: 3, bad: { name: 42 }, error: "events[3].name: must be a string" },
    { at: 7, bad: { name: "order/placed", user: "me" }, error: "events[7].user: must be an object" },
    { at: 9, bad: { name: "order/placed", id: 123 }, error: "events[9].id: must be a string" },
    { at: 9, bad: { name: "order/placed", ts: 12 }, error: "events[9].ts: timestamp is before Jan 1, 1980" },
    { at: 5, bad: { name: "order/placed", v: 2 }, error: "events[5].v: must be a string" },
    { at: 4, bad: { data: {} }, error: "events[4].name: is required" },
  ])("an invalid event at index $at is named in the error ($error) and nothing of the batch is stored", async ({ at, bad, error }) => {
    const tag = Math.random().toString(36).slice(2);
    const batch: unknown[] = Array.from({ length: 10 }, (_, i) => ({ name: "order/placed", id: `batch-${tag}-${i}`, data: { i } }));
    batch[at] = bad;
    const before = await counts();
    expect(await ingest(batch)).toEqual({ ok: false, status: 400, error });
    expect(await counts()).toEqual(before);
    // The valid events' ids were not used up: the same events, fixed, all start runs.
    batch[at] = { name: "order/placed" };
    const fixed = await ingest(batch);
    expect(fixed.ok && fixed.runIds.length).toBe(20);
  });

  it.each(["inngest/function.failed", "Inngest/function.finished", "INNGEST/anything"])("refuses the reserved name %s and stores nothing", async (name) => {
    const before = await counts();
    const result = await ingest([{ name: "order/placed" }, { name, data: { function_id: "fn-a", run_id: "x" } }]);
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(!result.ok && result.error).toBe(`events[1].name: "${name}" is reserved for internal use (names starting with "inngest/")`);
    expect(await counts()).toEqual(before);
  });

  it("names that merely contain inngest/ are ordinary", async () => {
    const result = await ingest([{ name: "my-inngest/thing" }, { name: "app/inngest/x" }]);
    expect(result.ok && result.eventIds).toHaveLength(2);
  });

  it("strips data._inngest from what it stores and keeps the rest", async () => {
    const result = await ingest({ name: "invoice/sent", data: { amount: 5, _inngest: { fn_id: "fn-a", source_fn_id: "spoof" }, nested: { _inngest: "kept" } } });
    if (!result.ok) throw new Error(result.error);
    const { rows } = await db.pool.query(`SELECT data FROM events WHERE id = $1`, [result.eventIds[0]]);
    expect(rows[0].data).toEqual({ amount: 5, nested: { _inngest: "kept" } });
  });

  it(`takes up to ${LIMITS.maxEventsPerRequest} events per request and refuses one more, storing nothing`, async () => {
    const events = (n: number) => Array.from({ length: n }, (_, i) => ({ name: "nobody/listens", data: { i } }));
    const before = await counts();
    expect(await ingest(events(LIMITS.maxEventsPerRequest + 1))).toEqual({
      ok: false,
      status: 400,
      error: `body: ${LIMITS.maxEventsPerRequest + 1} events is over the limit of ${LIMITS.maxEventsPerRequest} per request`,
    });
    expect(await counts()).toEqual(before);
    const ok = await ingest(events(LIMITS.maxEventsPerRequest));
    expect(ok.ok && ok.eventIds).toHaveLength(LIMITS.maxEventsPerRequest);
    expect((await counts()).events).toBe(before.events + LIMITS.maxEventsPerRequest);
  });

  it("a valid batch of 1,000 stores 1,000 events, in order, with the runs each one triggers", async () => {
    const names = Object.keys(RUNS_PER_EVENT);
    const batch = Array.from({ length: 1_000 }, (_, i) => ({ name: names[(i * 7) % names.length], data: { i } }));
    const expectedRuns = batch.reduce((n, e) => n + RUNS_PER_EVENT[e.name], 0);
    const before = await counts();
    const result = await ingest(batch);
    if (!result.ok) throw new Error(result.error);
    expect(result.eventIds).toHaveLength(1_000);
    expect(result.runIds).toHaveLength(expectedRuns);
    expect(await counts()).toEqual({ ...before, events: before.events + 1_000, runs: before.runs + expectedRuns, queued: before.queued + expectedRuns });
    // The returned ids are in input order.
    const { rows } = await db.pool.query(`SELECT id, (data->>'i')::int AS i FROM events WHERE id = ANY($1)`, [result.eventIds]);
    const indexOf = new Map(rows.map((r) => [r.id, r.i]));
    expect(result.eventIds.map((id) => indexOf.get(id))).toEqual(batch.map((e) => e.data.i));
    // Each event has exactly the runs its name triggers.
    const { rows: perEvent } = await db.pool.query(
      `SELECT e.name, count(r.id)::int AS runs FROM events e LEFT JOIN runs r ON r.event_id = e.id WHERE e.id = ANY($1) GROUP BY e.id, e.name`,
      [result.eventIds],
    );
    expect(perEvent.filter((p) => p.runs !== RUNS_PER_EVENT[p.name])).toEqual([]);
  });

  it("is atomic: when the database refuses the batch's last event, none of its events, runs or dedupe keys remain", async () => {
    await db.pool.query(`
      CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.data ? 'boom' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_boom BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse_boom();`);
    try {
      const batch: Array<{ name: string; id: string; data: Record<string, unknown> }> = Array.from({ length: 1_000 }, (_, i) => ({ name: "order/placed", id: `atomic-${i}`, data: { i } }));
      batch[999].data.boom = true;
      const before = await counts();
      await expect(ingest(batch)).rejects.toThrow("refused by test trigger");
      expect(await counts()).toEqual(before);

      delete batch[999].data.boom;
      const retried = await ingest(batch);
      expect(retried.ok && retried.runIds).toHaveLength(2_000);
    } finally {
      await db.pool.query(`DROP TRIGGER refuse_boom ON events; DROP FUNCTION refuse_boom();`);
    }
  });
});
