import { describe, expect, it } from "vitest";
import { SEED_MESSAGE } from "./fixtures/seed-error";
import { allFrames, classifyFile, normaliseFile, parseFrame, parseStack, splitMessage } from "@/lib/stack-trace/parse";

const NODE_STACK = `Error: YOLO!!!
    at Object.handler (/srv/app/functions/retriable-fn.ts:16:11)
    at async executeRun (/srv/app/lib/engine/execute-run.ts:120:5)
    at new Client (/srv/app/node_modules/pg/lib/client.js:48:11)
    at Object.<anonymous> (/srv/app/scripts/seed.js:3:1)
    at file:///srv/app/functions/x.mjs:3:9
    at async Promise.all (index 0)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at Array.map (<anonymous>)`;

const frameFields = (f: { fn?: string; file?: string; line?: number; column?: number; kind: string }) => [f.fn, f.file, f.line, f.column, f.kind];

describe("parseStack: V8 / Node", () => {
  it("reads each frame's function, file, line and column, and tells app, dependency and runtime frames apart", () => {
    const s = parseStack(NODE_STACK);
    expect(s.recognised).toBe(true);
    expect(s.header).toEqual(["Error: YOLO!!!"]);
    expect(s.sections).toEqual([]);
    expect(s.frames.map(frameFields)).toEqual([
      ["Object.handler", "/srv/app/functions/retriable-fn.ts", 16, 11, "app"],
      ["executeRun", "/srv/app/lib/engine/execute-run.ts", 120, 5, "internal"],
      ["new Client", "/srv/app/node_modules/pg/lib/client.js", 48, 11, "dependency"],
      ["Object.<anonymous>", "/srv/app/scripts/seed.js", 3, 1, "app"],
      [undefined, "/srv/app/functions/x.mjs", 3, 9, "app"],
      ["Promise.all", "index 0", undefined, undefined, "internal"],
      ["process.processTicksAndRejections", "node:internal/process/task_queues", 95, 5, "internal"],
      ["Array.map", "<anonymous>", undefined, undefined, "internal"],
    ]);
    expect(s.frames[0].raw).toBe("    at Object.handler (/srv/app/functions/retriable-fn.ts:16:11)");
  });

  it("keeps a multi-line message as header lines", () => {
    const s = parseStack("Error: first line\nsecond line\n    at go (/app/go.ts:1:2)");
    expect(s.header).toEqual(["Error: first line", "second line"]);
    expect(s.frames).toHaveLength(1);
  });

  it("reads method aliases, bare node: frames, Windows paths and lines without a column", () => {
    expect(parseFrame("    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)")).toMatchObject({
      fn: "TCPConnectWrap.afterConnect [as oncomplete]", file: "node:net", line: 1555, column: 16, kind: "internal",
    });
    expect(parseFrame("    at node:internal/main/run_main_module:28:49")).toMatchObject({ file: "node:internal/main/run_main_module", line: 28, column: 49, kind: "internal" });
    expect(parseFrame("    at handler (C:\\srv\\app\\node_modules\\x\\index.js:5:7)")).toMatchObject({ file: "C:\\srv\\app\\node_modules\\x\\index.js", line: 5, kind: "dependency" });
    expect(parseFrame("    at go (/app/go.ts:12)")).toMatchObject({ file: "/app/go.ts", line: 12, column: undefined, kind: "app" });
    expect(parseFrame("    at async /srv/app/jobs/run.js:7:3")).toMatchObject({ file: "/srv/app/jobs/run.js", line: 7, column: 3, kind: "app" });
    expect(parseFrame("    at <anonymous>")).toMatchObject({ fn: "<anonymous>", kind: "internal" });
  });

  it("strips file:// and bundler prefixes so paths read as written", () => {
    expect(parseFrame("    at load (file:///srv/my%20app/a.mjs:1:2)")).toMatchObject({ file: "/srv/my app/a.mjs", line: 1, column: 2, kind: "app" });
    expect(parseFrame("    at Page (webpack-internal:///(rsc)/./app/page.tsx:12:9)")).toMatchObject({ fn: "Page", file: "app/page.tsx", line: 12, column: 9, kind: "app" });
    expect(parseFrame("    at x (webpack:///./node_modules/react/index.js:3:4)")).toMatchObject({ file: "node_modules/react/index.js", kind: "dependency" });
    expect(parseFrame("    at GET ([project]/app/api/x/route.ts [app-route] (ecmascript):8:11)")).toMatchObject({ file: "app/api/x/route.ts", line: 8, column: 11, kind: "app" });
    expect(parseFrame("    at instantiate (/srv/.next/server/chunks/[turbopack]_runtime.js:715:9)")).toMatchObject({ kind: "internal" });
  });

  it("does not take prose that starts with 'at' for a frame", () => {
    expect(parseFrame("  at the moment (see the docs)")).toBeNull();
    expect(parseFrame("  at least 3 items are required")).toBeNull();
    expect(parseStack("Error: bad\n  at least 3 items are required").recognised).toBe(false);
  });
});

describe("parseStack: Elixir", () => {
  it("parses the seed's frames, including one with no function after the colon", () => {
    const { message, embeddedStack } = splitMessage(SEED_MESSAGE);
    expect(message).toBe('** (ErlangError) Erlang error: "YOLO!!!"');
    const s = parseStack(embeddedStack);
    expect(s.recognised).toBe(true);
    expect(s.header).toEqual([]);
    expect(s.frames.map((f) => [f.app, f.file, f.line, f.fn, f.kind])).toEqual([
      ["inngest 0.1.9", "test/support/cases/retriable_error.ex", 20, "anonymous fn/0 in Inngest.Test.Case.RetriableError.exec/2", "app"],
      ["inngest 0.1.9", "lib/inngest/step_tool.ex", 19, undefined, "app"],
      ["inngest 0.1.9", "test/support/cases/retriable_error.ex", 19, "Inngest.Test.Case.RetriableError.exec/2", "app"],
      ["inngest 0.1.9", "lib/inngest/router/invoke.ex", 90, "Inngest.Router.Invoke.invoke/3", "app"],
      ["inngest 0.1.9", "lib/inngest/router/invoke.ex", 65, "Inngest.Router.Invoke.exec/2", "app"],
      ["inngest 0.1.9", "deps/plug/lib/plug/router.ex", 246, "anonymous fn/4 in Inngest.Test.PlugRouter.dispatch/2", "dependency"],
      ["telemetry 1.2.1", "/home/darwin/workspace/ex_inngest/deps/telemetry/src/telemetry.erl", 321, ":telemetry.span/3", "dependency"],
      ["inngest 0.1.9", "deps/plug/lib/plug/router.ex", 242, "Inngest.Test.PlugRouter.dispatch/2", "dependency"],
    ]);
    expect(s.frames.every((f) => f.column === undefined)).toBe(true);
    expect(s.frames[1].raw).toBe("    (inngest 0.1.9) lib/inngest/step_tool.ex:19:");
  });

  it("treats Elixir's and Erlang's own packages as the runtime", () => {
    const s = parseStack(
      "** (RuntimeError) boom\n    (my_app 0.1.0) lib/my_app/worker.ex:10: MyApp.Worker.run/1\n    (elixir 1.15.7) lib/enum.ex:1693: Enum.map/2\n    (stdlib 5.1) gen_server.erl:1077: :gen_server.try_dispatch/4\n    (kernel 9.1) global.erl:12: :global.x/0\n    lib/script.exs:3: (file)",
    );
    expect(s.header).toEqual(["** (RuntimeError) boom"]);
    expect(s.frames.map((f) => [f.app, f.file, f.line, f.kind])).toEqual([
      ["my_app 0.1.0", "lib/my_app/worker.ex", 10, "app"],
      ["elixir 1.15.7", "lib/enum.ex", 1693, "internal"],
      ["stdlib 5.1", "gen_server.erl", 1077, "internal"],
      ["kernel 9.1", "global.erl", 12, "internal"],
      [undefined, "lib/script.exs", 3, "app"],
    ]);
  });
});

describe("parseStack: mixed and chained", () => {
  it("reads V8 and Elixir frames in one text", () => {
    const s = parseStack(`Error: remote failed\n    at call (/srv/app/client.ts:4:2)\n    (inngest 0.1.9) lib/inngest/step_tool.ex:19:\n    at Socket.emit (node:events:519:28)`);
    expect(s.frames.map((f) => [f.file, f.kind])).toEqual([
      ["/srv/app/client.ts", "app"],
      ["lib/inngest/step_tool.ex", "app"],
      ["node:events", "internal"],
    ]);
  });

  it("keeps each [cause] as its own section with its frames", () => {
    const s = parseStack(`Error: outer\n    at a (/app/a.ts:1:1)\n[cause]: Error: inner\n    at b (/app/node_modules/x/b.js:2:2)\n[cause]: TypeError: innermost\n    at c (/app/c.ts:3:3)`);
    expect(s.header).toEqual(["Error: outer"]);
    expect(s.frames.map(frameFields)).toEqual([["a", "/app/a.ts", 1, 1, "app"]]);
    expect(s.sections.map((x) => x.header)).toEqual([["[cause]: Error: inner"], ["[cause]: TypeError: innermost"]]);
    expect(s.sections[0].frames.map(frameFields)).toEqual([["b", "/app/node_modules/x/b.js", 2, 2, "dependency"]]);
    expect(s.sections[1].frames.map(frameFields)).toEqual([["c", "/app/c.ts", 3, 3, "app"]]);
    expect(allFrames(s).map((f) => f.fn)).toEqual(["a", "b", "c"]);
  });

  it("reads Node's inspect format: trailing braces, indented causes and elided lines", () => {
    const s = parseStack(
      "Error: outer\n    at a (/app/a.ts:1:1) {\n  [cause]: Error: inner\n      at b (/app/b.ts:2:2)\n      ... 4 lines matching cause stack trace ...\n}",
    );
    expect(s.frames.map((f) => f.fn)).toEqual(["a"]);
    expect(s.sections).toHaveLength(1);
    expect(s.sections[0].header).toEqual(["  [cause]: Error: inner"]);
    expect(s.sections[0].frames.map((f) => [f.fn, f.kind])).toEqual([
      ["b", "app"],
      ["... 4 lines matching cause stack trace ...", "internal"],
    ]);
  });
});

describe("parseStack: not a stack", () => {
  it("says so, so the text is shown verbatim", () => {
    expect(parseStack("just a sentence\nand another")).toEqual({ header: ["just a sentence", "and another"], frames: [], sections: [], recognised: false });
    expect(parseStack("")).toEqual({ header: [], frames: [], sections: [], recognised: false });
    expect(parseStack(undefined)).toEqual({ header: [], frames: [], sections: [], recognised: false });
    expect(parseStack("{\"weird\": [1, 2]}\n\u0000\u2028 ::: (x) y:z").recognised).toBe(false);
  });
});

describe("splitMessage", () => {
  it("leaves messages without a stack alone", () => {
    expect(splitMessage("payment failed")).toEqual({ message: "payment failed", embeddedStack: null });
    expect(splitMessage("line one\nline two")).toEqual({ message: "line one\nline two", embeddedStack: null });
  });

  it("keeps every line before the first frame in the message", () => {
    expect(splitMessage("** (RuntimeError) bad input\nexpected a map\n    lib/x.ex:3: X.y/1")).toEqual({
      message: "** (RuntimeError) bad input\nexpected a map",
      embeddedStack: "    lib/x.ex:3: X.y/1",
    });
  });
});

describe("classifyFile and normaliseFile", () => {
  it("follows the path rules", () => {
    expect(classifyFile("/usr/lib/node_modules/npm/x.js")).toBe("dependency");
    expect(classifyFile("/usr/local/lib/thing.js")).toBe("dependency");
    expect(classifyFile("internal/modules/cjs/loader.js")).toBe("internal");
    expect(classifyFile("node:fs")).toBe("internal");
    expect(classifyFile("/srv/app/deps/plug/lib/plug.ex")).toBe("dependency");
    expect(classifyFile("/srv/app/src/index.ts")).toBe("app");
    expect(normaliseFile("turbopack:///[project]/functions/a.ts")).toBe("functions/a.ts");
  });
});
