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

describe("field types and ranges", () => {
  it("refuses a wrong type for each field, naming it", () => {
    expect(error({ name: null })).toBe("400 name: is required");
    for (const name of [1, true, {}, []]) expect(error({ name })).toBe("400 name: must be a string");
    for (const data of ["x", 1, true, [], [{}]]) expect(error({ name: "a", data })).toBe("400 data: must be an object");
    for (const user of ["x", 1, false, []]) expect(error({ name: "a", user })).toBe("400 user: must be an object");
    for (const id of [1, true, {}, []]) expect(error({ name: "a", id })).toBe("400 id: must be a string");
    for (const ts of ["1701318974082", 1.5, true, {}]) expect(error({ name: "a", ts })).toBe("400 ts: must be a whole number of milliseconds since the epoch");
    for (const v of [1, true, {}, []]) expect(error({ name: "a", v })).toBe("400 v: must be a string");
    expect(error({ name: "a", id: "" })).toBe("400 id: must not be empty");
    expect(error({ name: "a", id: "x".repeat(LIMITS.maxEventIdLength + 1) })).toBe(`400 id: ${LIMITS.maxEventIdLength + 1} characters is over the limit of ${LIMITS.maxEventIdLength}`);
    expect(error({ name: "a", v: "x".repeat(LIMITS.maxVersionLength + 1) })).toBe(`400 v: over the limit of ${LIMITS.maxVersionLength} characters`);
  });

  it("treats null or missing optional fields as absent", () => {
    const r = validateEvents({ name: "a", data: null, user: null, id: null, ts: null, v: null }, now);
    expect(r).toEqual({ ok: true, events: [{ name: "a", data: {}, user: {}, externalId: null, ts: now, v: null }] });
  });

  it("accepts timestamps from 1980-01-01 up to, not including, 2100-01-01", () => {
    expect(error({ name: "a", ts: LIMITS.minTs })).toBeNull();
    expect(error({ name: "a", ts: LIMITS.minTs - 1 })).toBe("400 ts: timestamp is before Jan 1, 1980");
    expect(error({ name: "a", ts: LIMITS.maxTs - 1 })).toBeNull();
    expect(error({ name: "a", ts: LIMITS.maxTs })).toBe("400 ts: timestamp is after Jan 1, 2100");
    expect(error({ name: "a", ts: -1 })).toBe("400 ts: timestamp is before Jan 1, 1980");
    expect(error({ name: "a", ts: 1e20 })).toBe("400 ts: timestamp is after Jan 1, 2100");
  });

  it("reports the first problem of a batch, by index", () => {
    expect(error([{ name: "a" }, { name: "a", ts: 1 }, { name: 5 }])).toBe("400 events[1].ts: timestamp is before Jan 1, 1980");
    expect(error([{ name: "a" }, { name: "a" }, { name: "inngest/function.failed" }])).toMatch(/^400 events\[2\]\.name: "inngest\/function\.failed" is reserved/);
  });
});

describe("limits at their edges", () => {
  const nested = (depth: number): unknown => (depth <= 1 ? {} : { d: nested(depth - 1) });

  it("JSON depth: the event itself counts as the first level", () => {
    expect(error({ name: "a", data: nested(LIMITS.maxJsonDepth - 1) })).toBeNull();
    expect(error({ name: "a", data: nested(LIMITS.maxJsonDepth) })).toBe(`400 event: nested more than ${LIMITS.maxJsonDepth} levels deep`);
    expect(error([{ name: "a" }, { name: "a", user: nested(LIMITS.maxJsonDepth) }])).toBe(`400 events[1]: nested more than ${LIMITS.maxJsonDepth} levels deep`);
    // Arrays nest too, and a hostile depth far past the limit is refused without overflowing the stack.
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(error({ name: "a", data: { deep } })).toBe(`400 event: nested more than ${LIMITS.maxJsonDepth} levels deep`);
  });

  it("event size: exactly the limit is accepted, one byte more is 413, naming the event", () => {
    const overhead = JSON.stringify({ name: "a", data: { blob: "" } }).length;
    const sized = (bytes: number) => ({ name: "a", data: { blob: "x".repeat(bytes - overhead) } });
    expect(error(sized(LIMITS.maxEventBytes))).toBeNull();
    expect(error(sized(LIMITS.maxEventBytes + 1))).toBe(`413 event: over the max size: max ${LIMITS.maxEventBytes} bytes / size ${LIMITS.maxEventBytes + 1} bytes`);
    expect(error([{ name: "a" }, sized(LIMITS.maxEventBytes + 1)])).toMatch(/^413 events\[1\]: over the max size/);
    // Bytes, not characters: "é" is two bytes in UTF-8.
    const multiByte = { name: "a", data: { blob: "é".repeat(Math.ceil((LIMITS.maxEventBytes - overhead) / 2) + 1) } };
    expect(error(multiByte)).toMatch(/^413 event: over the max size/);
  });

  it(`batch size: ${LIMITS.maxEventsPerRequest} events are accepted`, () => {
    const r = validateEvents(Array.from({ length: LIMITS.maxEventsPerRequest }, (_, i) => ({ name: "a", id: `k${i}` })), now);
    expect(r.ok && r.events.length).toBe(LIMITS.maxEventsPerRequest);
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
