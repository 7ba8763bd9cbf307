import { describe, expect, it } from "vitest";
import { parseStack, splitMessage } from "@/lib/stack-trace/parse";

const SEED_MESSAGE =
  '** (ErlangError) Erlang error: "YOLO!!!"\n    (inngest 0.1.9) test/support/cases/retriable_error.ex:20: anonymous fn/0 in Inngest.Test.Case.RetriableError.exec/2\n    (inngest 0.1.9) lib/inngest/step_tool.ex:19:\n    (inngest 0.1.9) test/support/cases/retriable_error.ex:19: Inngest.Test.Case.RetriableError.exec/2\n    (inngest 0.1.9) lib/inngest/router/invoke.ex:90: Inngest.Router.Invoke.invoke/3\n    (inngest 0.1.9) lib/inngest/router/invoke.ex:65: Inngest.Router.Invoke.exec/2\n    (inngest 0.1.9) deps/plug/lib/plug/router.ex:246: anonymous fn/4 in Inngest.Test.PlugRouter.dispatch/2\n    (telemetry 1.2.1) /home/darwin/workspace/ex_inngest/deps/telemetry/src/telemetry.erl:321: :telemetry.span/3\n    (inngest 0.1.9) deps/plug/lib/plug/router.ex:242: Inngest.Test.PlugRouter.dispatch/2\n';

const NODE_STACK = `Error: YOLO!!!
    at Object.handler (/srv/app/functions/retriable-fn.ts:16:11)
    at async executeRun (/srv/app/lib/engine/execute-run.ts:120:5)
    at new Client (/srv/app/node_modules/pg/lib/client.js:48:11)
    at file:///srv/app/functions/x.mjs:3:9
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at Array.map (<anonymous>)`;

describe("parseStack", () => {
  it("parses V8 frames and tells app, dependency and runtime frames apart", () => {
    const s = parseStack(NODE_STACK);
    expect(s.recognised).toBe(true);
    expect(s.header).toEqual(["Error: YOLO!!!"]);
    expect(s.frames.map((f) => [f.fn, f.file, f.line, f.column, f.kind])).toEqual([
      ["Object.handler", "/srv/app/functions/retriable-fn.ts", 16, 11, "app"],
      ["executeRun", "/srv/app/lib/engine/execute-run.ts", 120, 5, "internal"],
      ["new Client", "/srv/app/node_modules/pg/lib/client.js", 48, 11, "dependency"],
      [undefined, "/srv/app/functions/x.mjs", 3, 9, "app"],
      ["process.processTicksAndRejections", "node:internal/process/task_queues", 95, 5, "internal"],
      ["Array.map", "<anonymous>", undefined, undefined, "internal"],
    ]);
  });

  it("parses the seed's Elixir frames, including one with no function", () => {
    const { message, embeddedStack } = splitMessage(SEED_MESSAGE);
    expect(message).toBe('** (ErlangError) Erlang error: "YOLO!!!"');
    const s = parseStack(embeddedStack);
    expect(s.frames).toHaveLength(8);
    expect(s.frames[0]).toMatchObject({ app: "inngest 0.1.9", file: "test/support/cases/retriable_error.ex", line: 20, fn: "anonymous fn/0 in Inngest.Test.Case.RetriableError.exec/2", kind: "app" });
    expect(s.frames[1]).toMatchObject({ file: "lib/inngest/step_tool.ex", line: 19, fn: undefined, kind: "app" });
    expect(s.frames[5]).toMatchObject({ file: "deps/plug/lib/plug/router.ex", kind: "dependency" });
    expect(s.frames[6]).toMatchObject({ app: "telemetry 1.2.1", line: 321, fn: ":telemetry.span/3", kind: "dependency" });
  });

  it("keeps [cause] chains as their own sections", () => {
    const s = parseStack(`Error: outer\n    at a (/app/a.ts:1:1)\n[cause]: Error: inner\n    at b (/app/node_modules/x/b.js:2:2)`);
    expect(s.header).toEqual(["Error: outer"]);
    expect(s.frames).toHaveLength(1);
    expect(s.sections).toEqual([{ header: ["[cause]: Error: inner"], frames: [expect.objectContaining({ fn: "b", kind: "dependency" })] }]);
  });

  it("says when text is not a stack, so it can be shown verbatim", () => {
    expect(parseStack("just a sentence\nand another").recognised).toBe(false);
    expect(parseStack("").recognised).toBe(false);
    expect(parseStack(undefined).frames).toEqual([]);
    expect(splitMessage("line one\nline two")).toEqual({ message: "line one\nline two", embeddedStack: null });
  });
});
