import { describe, expect, it } from "vitest";
import { describeError } from "@/lib/stack-trace/describe-error";
import { SEED_MESSAGE } from "./fixtures/seed-error";

describe("describeError", () => {
  it("takes the message and stack of the seed's Elixir error apart", () => {
    const d = describeError({ name: "Error", error: "invalid status code: 500", message: SEED_MESSAGE });
    expect(d.name).toBe("Error");
    expect(d.message).toBe('** (ErlangError) Erlang error: "YOLO!!!"');
    expect(d.status).toBe("invalid status code: 500");
    expect(d.stack.header).toEqual([]);
    expect(d.stack.frames).toHaveLength(8);
    expect(d.origin).toMatchObject({ file: "test/support/cases/retriable_error.ex", line: 20, app: "inngest 0.1.9" });
    expect(d.text).toBe(`Error: ${SEED_MESSAGE}`);
  });

  it("drops the 'Name: message' line a V8 stack opens with, and copies the stack as it was", () => {
    const stack = "NonRetriableError: card declined\n    at handler (/srv/functions/pay.ts:9:11)\n    at executeRun (/srv/lib/engine/execute-run.ts:213:120)";
    const d = describeError({ name: "NonRetriableError", message: "card declined", stack, error: "NonRetriableError" });
    expect(d.message).toBe("card declined");
    expect(d.status).toBeNull();
    expect(d.stack.header).toEqual([]);
    expect(d.stack.frames.map((f) => [f.fn, f.kind])).toEqual([["handler", "app"], ["executeRun", "internal"]]);
    expect(d.origin).toMatchObject({ fn: "handler", file: "/srv/functions/pay.ts", line: 9, column: 11 });
    expect(d.text).toBe(stack);
  });

  it("drops a multi-line message from the stack's opening, whatever name the stack gave the error", () => {
    const d = describeError({ name: "ApiRequestError", message: "bad\n<b>gateway</b>", stack: "Error: bad\n<b>gateway</b>\n    at f (/a.ts:1:1)" });
    expect(d.message).toBe("bad\n<b>gateway</b>");
    expect(d.stack.header).toEqual([]);
    expect(d.stack.frames).toHaveLength(1);
  });

  it("keeps [cause] sections and finds the origin in the error's own frames first", () => {
    const d = describeError({
      name: "Error",
      message: "outer",
      stack: "Error: outer\n    at lib (/app/node_modules/x/y.js:1:1)\n    at mine (/app/src/mine.ts:4:4)\n[cause]: Error: inner\n    at deeper (/app/src/deeper.ts:2:2)",
    });
    expect(d.stack.sections[0].header).toEqual(["[cause]: Error: inner"]);
    expect(d.origin?.fn).toBe("mine");
  });

  it("copes with an empty message, no stack, and an unparseable stack", () => {
    expect(describeError({ name: "Error", message: "", stack: "Error\n    at f (/a.ts:1:1)" })).toMatchObject({ message: "", stack: { header: [], recognised: true } });
    expect(describeError({ name: "", message: "no stack" })).toMatchObject({ name: "Error", text: "Error: no stack", origin: null, stack: { recognised: false, frames: [] } });
    const garbage = describeError({ name: "Error", message: "m", stack: "something odd\nand more" });
    expect(garbage.stack.recognised).toBe(false);
    expect(garbage.text).toBe("Error: m\nsomething odd\nand more");
  });
});
