export type FrameKind = "app" | "dependency" | "internal";

export interface StackFrame {
  raw: string;
  fn?: string;
  file?: string;
  line?: number;
  column?: number;
  /** Elixir: the package the frame belongs to, e.g. "inngest 0.1.9". */
  app?: string;
  kind: FrameKind;
}

export interface ParsedStack {
  /** Lines before the first frame: "Error: message", "** (ErlangError) ...". */
  header: string[];
  frames: StackFrame[];
  /** Lines after frames that are not frames ("[cause]: ..." chains start a new header). */
  sections: Array<{ header: string[]; frames: StackFrame[] }>;
  /** False when no line looked like a frame: show the text verbatim. */
  recognised: boolean;
}

// V8: "    at fn (file:line:col)", "    at file:line:col", "    at async fn (...)", "at new X (...)".
const V8_WITH_FN = /^\s*at\s+(?:async\s+)?(.+?)\s+\((.+?)(?::(\d+))?(?::(\d+))?\)\s*$/;
const V8_BARE = /^\s*at\s+(?:async\s+)?(.+?):(\d+):(\d+)\s*$/;
const V8_NATIVE = /^\s*at\s+(?:async\s+)?(.+?)\s+\((native|<anonymous>|index \d+)\)\s*$/;
// Elixir: "    (inngest 0.1.9) lib/inngest/step_tool.ex:19: Mod.fun/2" or "... file.erl:321: :telemetry.span/3" or no fn.
const ELIXIR = /^\s*\(([\w.-]+(?:\s+[\w.+-]+)?)\)\s+([^\s:][^:]*?):(\d+):\s*(.*)$/;

const ELIXIR_STDLIB = new Set(["elixir", "stdlib", "kernel", "erts", "logger", "mix", "iex"]);

function classifyPath(file: string): FrameKind {
  if (/^node:|^internal\/|\(internal\/|node:internal/.test(file)) return "internal";
  // Relay's own engine runs every function: its frames are never where a run's bug is.
  if (/(^|\/)lib\/engine\//.test(file)) return "internal";
  if (/node_modules|\/deps\/|^deps\/|\/usr\/lib\/|\/usr\/local\/lib\/|<anonymous>|^native$/.test(file)) return "dependency";
  return "app";
}

function parseLine(line: string): StackFrame | null {
  let m = line.match(V8_NATIVE);
  if (m) return { raw: line, fn: m[1], file: m[2], kind: "internal" };
  m = line.match(V8_WITH_FN);
  if (m) {
    const file = m[2].replace(/^file:\/\//, "");
    return { raw: line, fn: m[1], file, line: m[3] ? Number(m[3]) : undefined, column: m[4] ? Number(m[4]) : undefined, kind: classifyPath(file) };
  }
  m = line.match(V8_BARE);
  if (m) {
    const file = m[1].replace(/^file:\/\//, "");
    return { raw: line, file, line: Number(m[2]), column: Number(m[3]), kind: classifyPath(file) };
  }
  m = line.match(ELIXIR);
  if (m) {
    const app = m[1];
    const pkg = app.split(/\s+/)[0];
    const file = m[2];
    let kind = classifyPath(file);
    if (ELIXIR_STDLIB.has(pkg)) kind = "internal";
    return { raw: line, app, file, line: Number(m[3]), fn: m[4] || undefined, kind };
  }
  return null;
}

/**
 * Splits an error's stack text into header lines and frames (V8/Node and Elixir), marking each
 * frame as the application's own, a dependency's, or the runtime's.
 */
export function parseStack(text: string | undefined | null): ParsedStack {
  const lines = (text ?? "").replace(/\r\n/g, "\n").split("\n");
  const sections: ParsedStack["sections"] = [];
  let current = { header: [] as string[], frames: [] as StackFrame[] };
  let anyFrame = false;
  for (const line of lines) {
    const frame = parseLine(line);
    if (frame) {
      current.frames.push(frame);
      anyFrame = true;
      continue;
    }
    if (line.trim() === "") continue;
    if (current.frames.length > 0) {
      sections.push(current);
      current = { header: [], frames: [] };
    }
    current.header.push(line);
  }
  sections.push(current);
  const [first, ...rest] = sections;
  return { header: first.header, frames: first.frames, sections: rest, recognised: anyFrame };
}

/**
 * When an error's message itself holds a formatted stack (Elixir errors reported as in the
 * seed), the first line is the message and the rest is the stack.
 */
export function splitMessage(message: string): { message: string; embeddedStack: string | null } {
  const nl = message.indexOf("\n");
  if (nl < 0) return { message, embeddedStack: null };
  const rest = message.slice(nl + 1);
  return parseStack(rest).recognised ? { message: message.slice(0, nl), embeddedStack: rest } : { message, embeddedStack: null };
}
