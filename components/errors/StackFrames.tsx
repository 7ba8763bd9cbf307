import type { StackFrame } from "@/lib/stack-trace/parse";

const KIND_LABEL: Record<StackFrame["kind"], string> = { app: "", dependency: "dependency", internal: "runtime" };

/**
 * Frames in order. Unless `showAll`, each run of dependency/runtime frames folds into one button,
 * so the application's own frames (where the fix usually is) stand out, as in GoodJob's
 * "Application trace".
 */
export function StackFrames({ frames, showAll, onShowAll }: { frames: StackFrame[]; showAll: boolean; onShowAll: () => void }) {
  const rows: Array<{ frame: StackFrame; index: number } | { folded: StackFrame[]; index: number }> = [];
  frames.forEach((frame, index) => {
    if (showAll || frame.kind === "app") {
      rows.push({ frame, index });
      return;
    }
    const last = rows[rows.length - 1];
    if (last && "folded" in last) last.folded.push(frame);
    else rows.push({ folded: [frame], index });
  });

  return (
    <ol className="space-y-px font-mono text-xs leading-5">
      {rows.map((row) =>
        "folded" in row ? (
          <li key={`folded-${row.index}`}>
            <button type="button" onClick={onShowAll} data-testid="show-dependency-frames"
              title={row.folded.map((f) => f.raw.trim()).join("\n")}
              className="rounded px-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100">
              <span aria-hidden className="mr-1">▸</span>Show {row.folded.length} dependency/runtime frame{row.folded.length === 1 ? "" : "s"}
            </button>
          </li>
        ) : (
          <FrameRow key={row.index} frame={row.frame} />
        ),
      )}
    </ol>
  );
}

function FrameRow({ frame }: { frame: StackFrame }) {
  const app = frame.kind === "app";
  return (
    <li data-testid="stack-frame" data-frame-kind={frame.kind} title={frame.raw.trim()}
      className={`flex flex-wrap items-baseline gap-x-2 break-all border-l-2 py-px pl-2.5 ${app ? "border-red-500 text-zinc-900 dark:border-red-400 dark:text-zinc-50" : "border-transparent text-zinc-500 dark:text-zinc-400"}`}>
      {frame.fn && <span className={app ? "font-semibold" : ""}>{frame.fn}</span>}
      {frame.file ? <FramePath frame={frame} /> : !frame.fn && <span>{frame.raw.trim()}</span>}
      {frame.app && <span className="rounded bg-zinc-100 px-1 text-[11px] text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400">{frame.app}</span>}
      {!app && <span className="text-[10px] uppercase tracking-wide text-zinc-400 dark:text-zinc-500">{KIND_LABEL[frame.kind]}</span>}
    </li>
  );
}

/** The directory dimmed and the file name plain: the name and line are what an eye looks for. */
function FramePath({ frame }: { frame: StackFrame }) {
  const file = frame.file!;
  const cut = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1;
  const position = `${frame.line !== undefined ? `:${frame.line}` : ""}${frame.column !== undefined ? `:${frame.column}` : ""}`;
  const app = frame.kind === "app";
  return (
    <span>
      <span className={app ? "text-zinc-500 dark:text-zinc-400" : ""}>{file.slice(0, cut)}</span>
      <span className={app ? "font-medium text-sky-800 dark:text-sky-300" : ""}>{file.slice(cut)}{position}</span>
    </span>
  );
}
