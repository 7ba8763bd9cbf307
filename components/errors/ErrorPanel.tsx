"use client";

import { useState } from "react";
import type { SerializedError } from "@/lib/api-types";
import { parseStack, splitMessage } from "@/lib/stack-trace/parse";
import { CopyButton } from "@/components/ui/CopyButton";
import { StackFrames } from "./StackFrames";

/**
 * An error as an on-call engineer needs it: name and message first and large, then the stack
 * with the application's frames emphasised and dependency frames folded; a raw view and a copy
 * button. Everything is rendered as text.
 */
export function ErrorPanel({ error, title, compact = false }: { error: SerializedError; title?: string; compact?: boolean }) {
  const [view, setView] = useState<"app" | "all" | "raw">("app");
  // Elixir errors (as in Inngest's own example) carry the formatted stack inside the message.
  const { message, embeddedStack } = splitMessage(error.message ?? "");
  const stackText = error.stack ?? embeddedStack ?? "";
  const stack = parseStack(stackText);
  // A V8 stack repeats "Name: message" as its first line: do not show it twice.
  const header = stack.header.filter((l) => l.trim() !== `${error.name}: ${error.message}`.trim() && l.trim() !== message.trim());
  const hidden = stack.frames.filter((f) => f.kind !== "app").length + stack.sections.reduce((n, s) => n + s.frames.filter((f) => f.kind !== "app").length, 0);
  const rawText = `${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ""}`;

  return (
    <section aria-label={title ?? "Error"} data-testid="error-panel"
      className="overflow-hidden rounded-lg border border-red-300 bg-white dark:border-red-900 dark:bg-zinc-900">
      <div className="border-b border-red-200 bg-red-50 px-4 py-3 dark:border-red-900 dark:bg-red-950/60">
        <div className="flex items-center gap-2 text-xs">
          {title && <span className="font-medium uppercase tracking-wide text-red-700 dark:text-red-300">{title}</span>}
          <span data-testid="error-name" className="rounded bg-red-600 px-1.5 py-0.5 font-mono font-semibold text-white">{error.name || "Error"}</span>
          {error.error && error.error !== error.name && <span className="font-mono text-red-700/80 dark:text-red-300/80">{error.error}</span>}
          <span className="ml-auto"><CopyButton text={rawText} label="Copy error" /></span>
        </div>
        <p data-testid="error-message" className={`mt-2 whitespace-pre-wrap break-words font-mono font-semibold text-red-950 dark:text-red-50 ${compact ? "text-sm" : "text-base"}`}>
          {message || "(no message)"}
        </p>
      </div>
      {stackText.trim() !== "" && (
        <div className="px-4 py-3">
          <div role="group" aria-label="Stack view" className="mb-2 flex items-center gap-1 text-xs">
            <span className="mr-2 font-medium text-zinc-500">Stack</span>
            {stack.recognised && (
              <>
                <ViewButton current={view} value="app" onClick={setView}>Application frames</ViewButton>
                <ViewButton current={view} value="all" onClick={setView}>Full trace{hidden ? ` (+${hidden})` : ""}</ViewButton>
              </>
            )}
            <ViewButton current={view} value="raw" onClick={setView}>Raw</ViewButton>
          </div>
          {view === "raw" || !stack.recognised ? (
            <pre data-testid="raw-stack" className="max-h-96 overflow-auto whitespace-pre-wrap break-words rounded bg-zinc-50 p-3 font-mono text-xs text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">{stackText}</pre>
          ) : (
            <div className="max-h-96 space-y-3 overflow-auto">
              {header.length > 0 && <p className="whitespace-pre-wrap font-mono text-xs text-zinc-600 dark:text-zinc-300">{header.join("\n")}</p>}
              <StackFrames frames={stack.frames} showAll={view === "all"} />
              {stack.sections.map((s, i) => (
                <div key={i}>
                  <p className="whitespace-pre-wrap font-mono text-xs font-semibold text-zinc-700 dark:text-zinc-200">{s.header.join("\n")}</p>
                  <StackFrames frames={s.frames} showAll={view === "all"} />
                </div>
              ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function ViewButton({ current, value, onClick, children }: { current: string; value: "app" | "all" | "raw"; onClick: (v: "app" | "all" | "raw") => void; children: React.ReactNode }) {
  const active = current === value;
  return (
    <button type="button" aria-pressed={active} onClick={() => onClick(value)}
      className={`rounded px-2 py-0.5 focus-visible:outline-2 focus-visible:outline-sky-500 ${active ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}>
      {children}
    </button>
  );
}
