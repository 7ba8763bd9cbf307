import type { StackFrame } from "@/lib/stack-trace/parse";

/**
 * Frames in order; runs of dependency/runtime frames fold into one line unless `showAll`, so the
 * application's own frames (where the fix usually is) stand out.
 */
export function StackFrames({ frames, showAll }: { frames: StackFrame[]; showAll: boolean }) {
  const rows: Array<{ frame: StackFrame } | { folded: number; key: number }> = [];
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i];
    if (showAll || frame.kind === "app") {
      rows.push({ frame });
      continue;
    }
    const last = rows[rows.length - 1];
    if (last && "folded" in last) last.folded++;
    else rows.push({ folded: 1, key: i });
  }
  return (
    <ol className="space-y-0.5 font-mono text-xs leading-5">
      {rows.map((row, i) =>
        "folded" in row ? (
          <li key={`f${row.key}`} className="pl-4 text-zinc-400 italic dark:text-zinc-500">
            … {row.folded} dependency/runtime frame{row.folded === 1 ? "" : "s"}
          </li>
        ) : (
          <li key={i} data-frame-kind={row.frame.kind}
            className={row.frame.kind === "app" ? "border-l-2 border-red-400 pl-3.5 text-zinc-900 dark:border-red-500 dark:text-zinc-100" : "pl-4 text-zinc-400 dark:text-zinc-500"}>
            {row.frame.fn && <span className={row.frame.kind === "app" ? "font-semibold" : ""}>{row.frame.fn}</span>}
            {row.frame.fn && " "}
            {row.frame.file && (
              <span className={row.frame.kind === "app" ? "text-sky-800 dark:text-sky-300" : ""}>
                {row.frame.file}
                {row.frame.line !== undefined && `:${row.frame.line}`}
                {row.frame.column !== undefined && `:${row.frame.column}`}
              </span>
            )}
            {row.frame.app && <span className="ml-2 text-zinc-400">({row.frame.app})</span>}
          </li>
        ),
      )}
    </ol>
  );
}
