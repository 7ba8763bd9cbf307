"use client";

import { useMemo, useState } from "react";
import type { SerializedError } from "@/lib/api-types";
import { describeError } from "@/lib/stack-trace/describe-error";
import { allFrames } from "@/lib/stack-trace/parse";
import { CopyButton } from "@/components/ui/CopyButton";
import { ErrorMessage } from "./ErrorMessage";
import { FrameLocation } from "./FrameLocation";
import { StackFrames } from "./StackFrames";

type StackView = "app" | "all" | "raw";

export interface ErrorPanelProps {
  error: SerializedError;
  /** What failed, above the error: "Run failed", "Step failed". */
  title?: string;
  /** Whether the stack trace is open at first (default true). Closed, the panel is the name, message and where it was thrown. */
  defaultExpanded?: boolean;
  /** Smaller type and spacing, for errors nested in a timeline. */
  compact?: boolean;
}

/**
 * An error as an on-call engineer needs it: name and message first and large, where it was
 * thrown, then the stack with the application's frames emphasised and dependency frames folded
 * (GoodJob's application/full trace), a raw view and a copy button. Everything is rendered as text.
 */
export function ErrorPanel({ error, title, defaultExpanded = true, compact = false }: ErrorPanelProps) {
  // Pages poll: parse once per distinct error, not on every refetch.
  const d = useMemo(() => describeError(error), [error.name, error.message, error.stack, error.error]);
  const frames = allFrames(d.stack);
  const appFrames = frames.filter((f) => f.kind === "app").length;
  const otherFrames = frames.length - appFrames;
  const hasStack = d.stack.recognised || d.stack.header.length > 0;
  // With no frame of the user's own, folding would leave nothing to read.
  const [view, setView] = useState<StackView>(!d.stack.recognised ? "raw" : appFrames === 0 ? "all" : "app");
  const [expanded, setExpanded] = useState(defaultExpanded);

  return (
    <section aria-label={title ?? "Error"} data-testid="error-panel"
      className="overflow-hidden rounded-lg border border-red-300 bg-white dark:border-red-900 dark:bg-zinc-900">
      <div className={`border-b border-red-200 bg-red-50 dark:border-red-900 dark:bg-red-950/60 ${compact ? "px-3 py-2.5" : "px-4 py-3"}`}>
        <div className="flex flex-wrap items-center gap-2 text-xs">
          {title && <span className="font-semibold uppercase tracking-wide text-red-800 dark:text-red-300">{title}</span>}
          <span data-testid="error-name" className="rounded bg-red-700 px-1.5 py-0.5 font-mono font-semibold text-white dark:bg-red-600">{d.name}</span>
          {d.status && <span data-testid="error-status" className="font-mono text-red-800/80 dark:text-red-200/80">{d.status}</span>}
          <span className="ml-auto"><CopyButton text={d.text} label="Copy error" /></span>
        </div>
        <div className="mt-2"><ErrorMessage message={d.message} compact={compact} /></div>
        {d.origin && (
          <p data-testid="error-origin" className="mt-1.5 text-xs text-red-900/80 dark:text-red-100/80">
            <span className="mr-1.5">Thrown at</span><FrameLocation frame={d.origin} />
          </p>
        )}
      </div>

      {hasStack && !expanded && (
        <button type="button" onClick={() => setExpanded(true)} aria-expanded={false}
          className="w-full px-4 py-2 text-left text-xs text-zinc-600 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-300 dark:hover:bg-zinc-800">
          <span aria-hidden className="mr-1">▸</span>Show stack trace{frames.length > 0 && ` (${frames.length} frame${frames.length === 1 ? "" : "s"})`}
        </button>
      )}

      {hasStack && expanded && (
        <div className={compact ? "px-3 py-2.5" : "px-4 py-3"}>
          <div role="group" aria-label="Stack trace view" className="mb-2 flex flex-wrap items-center gap-1 text-xs">
            <span className="mr-2 font-semibold text-zinc-600 dark:text-zinc-300">Stack trace</span>
            {d.stack.recognised && (
              <>
                <ViewButton current={view} value="app" onSelect={setView}>Application frames · {appFrames}</ViewButton>
                <ViewButton current={view} value="all" onSelect={setView}>Full trace · {frames.length}</ViewButton>
              </>
            )}
            <ViewButton current={view} value="raw" onSelect={setView}>Raw</ViewButton>
            {!defaultExpanded && (
              <button type="button" onClick={() => setExpanded(false)} aria-expanded className="ml-auto text-zinc-500 underline hover:text-zinc-800 dark:hover:text-zinc-200">Hide</button>
            )}
          </div>

          {view === "raw" ? (
            <pre data-testid="raw-stack" className="max-h-[28rem] overflow-auto whitespace-pre-wrap break-words rounded bg-zinc-50 p-3 font-mono text-xs leading-5 text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">{d.text}</pre>
          ) : (
            <div data-testid="stack-frames" className="max-h-[28rem] space-y-3 overflow-auto">
              {d.stack.header.length > 0 && <p className="whitespace-pre-wrap break-words font-mono text-xs text-zinc-600 dark:text-zinc-300">{d.stack.header.join("\n")}</p>}
              <StackFrames frames={d.stack.frames} showAll={view === "all"} onShowAll={() => setView("all")} />
              {d.stack.sections.map((section, i) => <StackSectionView key={i} header={section.header} frames={section.frames} showAll={view === "all"} onShowAll={() => setView("all")} />)}
              {view === "all" && otherFrames > 0 && appFrames > 0 && (
                <button type="button" onClick={() => setView("app")} className="text-xs text-zinc-500 underline hover:text-zinc-800 dark:hover:text-zinc-200">
                  Hide {otherFrames} dependency/runtime frame{otherFrames === 1 ? "" : "s"}
                </button>
              )}
            </div>
          )}
        </div>
      )}

      {!hasStack && !compact && <p className="px-4 py-2 text-xs text-zinc-500 dark:text-zinc-400">No stack trace was recorded with this error.</p>}
    </section>
  );
}

/** A "[cause]: ..." (or other text after the frames) with its own frames. */
function StackSectionView({ header, frames, showAll, onShowAll }: { header: string[]; frames: Parameters<typeof StackFrames>[0]["frames"]; showAll: boolean; onShowAll: () => void }) {
  const cause = /^\s*\[cause\]:\s*/.exec(header[0] ?? "");
  const text = cause ? [header[0].slice(cause[0].length), ...header.slice(1)].join("\n") : header.join("\n");
  return (
    <div data-testid="stack-cause" className="border-t border-dashed border-zinc-200 pt-2 dark:border-zinc-700">
      <p className="whitespace-pre-wrap break-words font-mono text-xs text-zinc-800 dark:text-zinc-100">
        {cause && <span className="mr-2 font-sans font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Caused by</span>}
        <span className="font-semibold">{text}</span>
      </p>
      {frames.length > 0 && <div className="mt-1"><StackFrames frames={frames} showAll={showAll} onShowAll={onShowAll} /></div>}
    </div>
  );
}

function ViewButton({ current, value, onSelect, children }: { current: StackView; value: StackView; onSelect: (v: StackView) => void; children: React.ReactNode }) {
  const active = current === value;
  return (
    <button type="button" aria-pressed={active} onClick={() => onSelect(value)}
      className={`rounded px-2 py-0.5 focus-visible:outline-2 focus-visible:outline-sky-500 ${active ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}>
      {children}
    </button>
  );
}
