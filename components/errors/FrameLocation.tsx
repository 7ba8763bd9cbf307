import type { StackFrame } from "@/lib/stack-trace/parse";

/** "Object.handler · functions/retriable-fn.ts:16:11": the one frame to open first, on one line. */
export function FrameLocation({ frame }: { frame: StackFrame }) {
  const position = `${frame.line !== undefined ? `:${frame.line}` : ""}${frame.column !== undefined ? `:${frame.column}` : ""}`;
  return (
    <span className="font-mono break-all">
      {frame.file && <span className="font-semibold">{frame.file}{position}</span>}
      {frame.fn && <span>{frame.file ? " in " : ""}{frame.fn}</span>}
      {frame.app && <span className="opacity-70"> ({frame.app})</span>}
    </span>
  );
}
