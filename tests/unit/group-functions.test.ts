import { describe, expect, it } from "vitest";
import type { FunctionView } from "@/lib/api-types";
import { groupFunctions } from "@/components/functions/group-functions";

const fn = (id: string, extra: Partial<FunctionView> = {}): FunctionView => ({
  id, name: id, triggerEvent: `test/${id}`, retries: 4, failureHandlerId: null, handlesFunctionId: null,
  last24h: { runs: 0, completed: 0, failed: 0, failureRate: null }, ...extra,
});

describe("groupFunctions", () => {
  it("puts each failure handler under the function it belongs to", () => {
    const groups = groupFunctions([
      fn("my-func", { failureHandlerId: "my-func-failure" }),
      fn("my-func-failure", { handlesFunctionId: "my-func", triggerEvent: "inngest/function.failed" }),
      fn("sleepy-fn"),
    ]);
    expect(groups.map((g) => [g.fn.id, g.handler?.id ?? null])).toEqual([["my-func", "my-func-failure"], ["sleepy-fn", null]]);
  });

  it("finds a handler by handlesFunctionId when the parent does not name it", () => {
    const groups = groupFunctions([fn("retriable-fn-failure", { handlesFunctionId: "retriable-fn" }), fn("retriable-fn")]);
    expect(groups.map((g) => [g.fn.id, g.handler?.id ?? null])).toEqual([["retriable-fn", "retriable-fn-failure"]]);
  });

  it("keeps a handler whose function is gone as a row of its own", () => {
    const groups = groupFunctions([fn("gone-failure", { handlesFunctionId: "gone" })]);
    expect(groups.map((g) => [g.fn.id, g.handler])).toEqual([["gone-failure", null]]);
  });
});
