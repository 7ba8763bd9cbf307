import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/engine/limits";
import { validateEvents } from "@/lib/engine/validate-events";

const now = Date.UTC(2026, 10, 25);
const error = (body: unknown) => {
  const r = validateEvents(body, now);
  return r.ok ? null : `${r.status} ${r.error}`;
};

describe("validateEvents", () => {
  it("accepts one event or an array, filling defaults and dropping data._inngest", () => {
    const r = validateEvents({ name: "a/b", data: { x: 1, _inngest: { fn_id: "spoof" } } }, now);
    expect(r).toEqual({ ok: true, events: [{ name: "a/b", data: { x: 1 }, user: {}, externalId: null, ts: now, v: null }] });
    const many = validateEvents([{ name: "a", id: "k1", ts: 1701318974082, v: "2024-01-01.1", user: { id: 7 } }, { name: "b" }], now);
    expect(many.ok && many.events.map((e) => [e.name, e.externalId, e.ts, e.v])).toEqual([["a", "k1", 1701318974082, "2024-01-01.1"], ["b", null, now, null]]);
  });

  it("names the field and the index of the first problem", () => {
    expect(error(null)).toBe("400 body: must be an event object or an array of event objects");
    expect(error("text")).toBe("400 body: must be an event object or an array of event objects");
    expect(error([])).toBe("400 body: the array holds no events");
    expect(error({})).toBe("400 name: is required");
    expect(error({ name: 7 })).toBe("400 name: must be a string");
    expect(error({ name: "  " })).toBe("400 name: must not be empty");
    expect(error([{ name: "ok" }, { name: "x".repeat(257) }])).toBe("400 events[1].name: 257 characters is over the limit of 256");
    expect(error({ name: "Inngest/function.failed" })).toMatch(/^400 name: "Inngest\/function.failed" is reserved/);
    expect(error({ name: "a", data: "s" })).toBe("400 data: must be an object");
    expect(error({ name: "a", user: [] })).toBe("400 user: must be an object");
    expect(error({ name: "a", id: 5 })).toBe("400 id: must be a string");
    expect(error({ name: "a", ts: 1.5 })).toBe("400 ts: must be a whole number of milliseconds since the epoch");
    expect(error({ name: "a", ts: 0 })).toBe("400 ts: timestamp is before Jan 1, 1980");
    expect(error({ name: "a", ts: Date.UTC(2101, 0, 1) })).toBe("400 ts: timestamp is after Jan 1, 2100");
    expect(error([{ name: "a" }, 3])).toBe("400 events[1]: must be an object");
  });

  it("enforces the batch, size and depth limits", () => {
    expect(error(Array.from({ length: LIMITS.maxEventsPerRequest + 1 }, () => ({ name: "a" })))).toBe("400 body: 5001 events is over the limit of 5000 per request");
    expect(error({ name: "a", data: { blob: "x".repeat(LIMITS.maxEventBytes) } })).toMatch(/^413 event: over the max size: max 3145728 bytes/);
    let deep: unknown = {};
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(error({ name: "a", data: deep })).toBe("400 event: nested more than 64 levels deep");
  });
});

describe("text PostgreSQL cannot store", () => {
  it("is refused with the path to it", () => {
    expect(error({ name: "a\u0000b" })).toBe("400 name: contains a NUL character or an unpaired surrogate, which cannot be stored");
    expect(error({ name: "a", data: { list: ["ok", "bad\u0000"] } })).toBe("400 data.list[1]: contains a NUL character or an unpaired surrogate, which cannot be stored");
    expect(error([{ name: "a" }, { name: "a", data: { s: "\uD800 lone" } }])).toBe("400 events[1].data.s: contains a NUL character or an unpaired surrogate, which cannot be stored");
    expect(error({ name: "a", data: { "k\u0000": 1 } })).toBe("400 data: has a key with a NUL character or an unpaired surrogate");
    expect(error({ name: "emoji 😀 and 中文 are fine", data: { s: "😀" } })).toBeNull();
  });
});
