import { describe, expect, it } from "vitest";
import { readFailureEvent, summariseEvent } from "@/components/events/failure-event";
import { SEED_MESSAGE } from "./fixtures/seed-error";

// The seed's inngest/function.failed event data.
const SEED_DATA = {
  error: { error: "invalid status code: 500", message: SEED_MESSAGE, name: "Error" },
  event: { data: {}, id: "01HGF86PM2CGFPZWF22HSCQFNE", name: "test/plug.retriable", ts: 1701318974082, user: {} },
  function_id: "retriable-fn",
  run_id: "01HGF86PM90KRQQP27VJZK4BXP",
};

describe("readFailureEvent", () => {
  it("reads the seed's failure event", () => {
    expect(readFailureEvent({ name: "inngest/function.failed", data: SEED_DATA })).toEqual({
      error: { name: "Error", message: SEED_MESSAGE, error: "invalid status code: 500" },
      functionId: "retriable-fn",
      runId: "01HGF86PM90KRQQP27VJZK4BXP",
    });
  });

  it("ignores other events and tolerates missing or mistyped fields", () => {
    expect(readFailureEvent({ name: "job/foobar", data: SEED_DATA })).toBeNull();
    expect(readFailureEvent({ name: "inngest/function.failed", data: [] })).toBeNull();
    expect(readFailureEvent({ name: "inngest/function.failed", data: { error: "boom", run_id: 7 } })).toEqual({ error: null, functionId: null, runId: null });
    expect(readFailureEvent({ name: "inngest/function.failed", data: { error: { message: "m", stack: 3 } } })?.error).toEqual({ name: "Error", message: "m" });
  });
});

describe("summariseEvent", () => {
  it("names the failed function and the first line of its error", () => {
    expect(summariseEvent({ name: "inngest/function.failed", data: SEED_DATA })).toBe('retriable-fn · Error: ** (ErlangError) Erlang error: "YOLO!!!"');
  });

  it("shows the start of other events' data as JSON, and nothing for no data", () => {
    expect(summariseEvent({ name: "job/foobar", data: { fail: true } })).toBe('{"fail":true}');
    expect(summariseEvent({ name: "job/foobar", data: {} })).toBe("");
    const long = summariseEvent({ name: "job/foobar", data: { text: "x".repeat(500) } });
    expect(long).toHaveLength(140);
    expect(long.endsWith("…")).toBe(true);
  });
});
