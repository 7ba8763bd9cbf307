// Stack traces as text -> frames. Pure: shared by the dashboard and its tests, knows nothing of React.

/** app: the user's own code, where a fix usually goes; dependency: a library; internal: the runtime or the Relay engine. */
export type FrameKind = "app" | "dependency" | "internal";

export interface StackFrame {
  /** The line as it was, for the raw view and for copying. */
  raw: string;
  fn?: string;
  file?: string;
  line?: number;
  column?: number;
  /** Elixir: the package the frame belongs to, e.g. "inngest 0.1.9". */
  app?: string;
  kind: FrameKind;
}

/** A run of header lines and the frames under them: the error itself, or one "[cause]: ..." of it. */
export interface StackSection {
  header: string[];
  frames: StackFrame[];
}

export interface ParsedStack {
  /** Lines before the first frame: "Error: message", "** (ErlangError) ...". */
  header: string[];
  frames: StackFrame[];
  /** What follows the first run of frames: usually "[cause]: Error: ..." chains, each with its frames. */
  sections: StackSection[];
  /** False when no line looked like a frame: show the text verbatim. */
  recognised: boolean;
}

// V8 with a location in parentheses: "at fn (file:line:col)", "at async fn (...)", "at new X (...)",
// "at Object.<anonymous> (...)", "at T.afterConnect [as oncomplete] (node:net:1555:16)". The fn is
// lazy so that a location which itself holds parentheses ("eval at x (file:1:2), <anonymous>:1:1") stays whole.
const V8_WITH_FN = /^\s*at\s+(?:async\s+)?(.+?)\s+\((.+)\)\s*(?:\{\s*)?$/;
// V8 without a function: "at file:line:col", "at async file:///x.mjs:3:9", "at node:internal/main/run_main_module:28:49".
const V8_BARE = /^\s*at\s+(?:async\s+)?(\S.*?):(\d+):(\d+)\s*(?:\{\s*)?$/;
// A location in parentheses: "file:line:col", "file:line", or something with no position ("native", "<anonymous>", "index 0").
const LOCATION = /^(.+?)(?::(\d+))?(?::(\d+))?$/;
const NO_POSITION = /^(?:native|<anonymous>|index \d+|unknown location)$/;
// Node's inspect output elides frames a cause shares with its parent: "... 4 lines matching cause stack trace ...".
const ELIDED = /^\s*\.\.\. \d+ lines? matching cause stack trace \.\.\.\s*$/;
// Elixir: "(inngest 0.1.9) lib/inngest/step_tool.ex:19: Mod.fun/2", "(telemetry 1.2.1) /abs/telemetry.erl:321: :telemetry.span/3",
// "(inngest 0.1.9) lib/inngest/step_tool.ex:19:" (no function), "(stdlib 5.1) gen_server.erl:1077: :gen_server.try_dispatch/4".
// The line number is required: without it, message text such as "(node) warning: x" would pass for a frame.
const ELIXIR = /^\s*\(([\w.-]+)(?:\s+([^\s)]+))?\)\s+((?:[A-Za-z]:)?[^\s:][^:]*?):(\d+):(?:\s+(.*?))?\s*$/;
// Elixir frames outside a Mix project carry no package: "    lib/my_app.ex:10: MyApp.run/0".
const ELIXIR_NO_APP = /^\s+(\S+\.(?:ex|exs|erl|hrl)):(\d+):(?:\s+(.*?))?\s*$/;

// The packages that ship with Elixir and Erlang/OTP: their frames are the runtime's.
const BEAM_RUNTIME_PACKAGES = new Set(["elixir", "stdlib", "kernel", "erts", "compiler", "logger", "mix", "iex", "eex", "ex_unit"]);

// Bundler prefixes name the same source file as the plain path: strip them so the file reads as the user wrote it.
const BUNDLER_PREFIX = /^(?:webpack-internal:\/\/\/(?:\([^)]*\)\/)?|webpack:\/\/(?:[^/]*\/)?|(?:turbopack:\/\/\/)?\[project\]\/|turbopack:\/\/\/)(?:\.\/)?/;

/** Drops the scheme and bundler prefixes a runtime adds, keeping the path a person would look for. */
export function normaliseFile(file: string): string {
  let out = file.trim();
  if (out.startsWith("file://")) {
    out = out.slice("file://".length);
    try {
      out = decodeURI(out);
    } catch {
      // A path with a stray "%" is shown as it came.
    }
  }
  return out.replace(BUNDLER_PREFIX, "").replace(/\s+\[[\w-]+\]\s+\(\w+\)$/, "");
}

/** Where a frame's code comes from, judged by its path alone. */
export function classifyFile(path: string): FrameKind {
  const file = path.replace(/\\/g, "/");
  if (/^node:|^internal\/|node:internal|^<anonymous>$|^native$|^index \d+$/.test(file)) return "internal";
  // Bundler and Next.js runtime chunks, not the user's modules.
  if (/\[turbopack\]_runtime|\/\.next\/server\/(?:webpack-runtime|chunks\/\[turbopack\])|^next\/dist\//.test(file)) return "internal";
  // The Relay engine runs every function: its frames sit under every user's code and are never the user's bug.
  if (/(?:^|\/)lib\/engine\//.test(file)) return "internal";
  if (/(?:^|\/)node_modules\/|(?:^|\/)deps\/|^\/usr\/(?:local\/)?lib\/|^\/opt\/homebrew\/|\/_build\/[^/]+\/lib\//.test(file)) return "dependency";
  return "app";
}

function v8Frame(raw: string): StackFrame | null {
  if (!/^\s*at\s/.test(raw)) return null;
  const bare = raw.match(V8_BARE);
  if (bare) {
    const file = normaliseFile(bare[1]);
    return { raw, file, line: Number(bare[2]), column: Number(bare[3]), kind: classifyFile(file) };
  }
  const withFn = raw.match(V8_WITH_FN);
  const location = withFn?.[2].match(LOCATION);
  // A position, or one of the places V8 names instead of one: prose such as "at the moment (see docs)" is not a frame.
  if (withFn && location && (location[2] || NO_POSITION.test(location[1]))) {
    const file = normaliseFile(location[1]);
    return {
      raw,
      fn: withFn[1],
      file,
      line: location[2] ? Number(location[2]) : undefined,
      column: location[3] ? Number(location[3]) : undefined,
      kind: classifyFile(file),
    };
  }
  if (/^\s*at\s+(?:async\s+)?<anonymous>\s*$/.test(raw)) return { raw, fn: "<anonymous>", kind: "internal" };
  return null;
}

function elixirFrame(raw: string): StackFrame | null {
  const m = raw.match(ELIXIR);
  if (m) {
    const [, pkg, version, path, line, fn] = m;
    const file = normaliseFile(path);
    const kind = BEAM_RUNTIME_PACKAGES.has(pkg) ? "internal" : classifyFile(file);
    return { raw, app: version ? `${pkg} ${version}` : pkg, file, line: Number(line), fn: fn || undefined, kind };
  }
  const bare = raw.match(ELIXIR_NO_APP);
  if (bare) {
    const file = normaliseFile(bare[1]);
    return { raw, file, line: Number(bare[2]), fn: bare[3] || undefined, kind: classifyFile(file) };
  }
  return null;
}

/** One line as a frame, or null when it is not one. */
export function parseFrame(line: string): StackFrame | null {
  if (ELIDED.test(line)) return { raw: line, fn: line.trim(), kind: "internal" };
  return v8Frame(line) ?? elixirFrame(line);
}

/**
 * Splits an error's stack text into header lines and frames (V8/Node and Elixir), marking each
 * frame as the application's own, a dependency's, or the runtime's. Text after the first frames
 * ("[cause]: Error: ...") starts a new section.
 */
export function parseStack(text: string | undefined | null): ParsedStack {
  const lines = (text ?? "").replace(/\r\n?/g, "\n").split("\n");
  const sections: StackSection[] = [];
  let current: StackSection = { header: [], frames: [] };
  let recognised = false;
  for (const line of lines) {
    const frame = parseFrame(line);
    if (frame) {
      current.frames.push(frame);
      recognised = true;
      continue;
    }
    // Blank lines and the closing brace of Node's inspect output ("Error: x\n  at ... {\n  [cause]: ...\n}") carry nothing.
    if (line.trim() === "" || line.trim() === "}") continue;
    if (current.frames.length > 0) {
      sections.push(current);
      current = { header: [], frames: [] };
    }
    current.header.push(line);
  }
  sections.push(current);
  const [first, ...rest] = sections;
  return { header: first.header, frames: first.frames, sections: rest, recognised };
}

/** The frames of every section, in order. */
export function allFrames(stack: ParsedStack): StackFrame[] {
  return [...stack.frames, ...stack.sections.flatMap((s) => s.frames)];
}

/**
 * When an error's message itself holds a formatted stack (Elixir errors reported as in the
 * seed), the lines before the first frame are the message and the rest is the stack. The first
 * line always stays in the message, even if it happens to look like a frame.
 */
export function splitMessage(message: string): { message: string; embeddedStack: string | null } {
  const lines = message.replace(/\r\n?/g, "\n").split("\n");
  const firstFrame = lines.findIndex((line, i) => i > 0 && parseFrame(line) !== null);
  if (firstFrame < 0) return { message, embeddedStack: null };
  return { message: lines.slice(0, firstFrame).join("\n").trimEnd(), embeddedStack: lines.slice(firstFrame).join("\n") };
}
