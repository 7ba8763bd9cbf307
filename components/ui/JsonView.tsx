"use client";

import { useState } from "react";
import { CopyButton } from "./CopyButton";

const COLLAPSE_OVER_LINES = 30;

/** Pretty JSON as plain text (never HTML), with copy; long documents start folded. */
export function JsonView({ value, label }: { value: unknown; label?: string }) {
  const text = value === undefined ? "undefined" : JSON.stringify(value, null, 2);
  const lines = text.split("\n").length;
  const [open, setOpen] = useState(lines <= COLLAPSE_OVER_LINES);
  return (
    <div className="relative rounded-md border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950">
      <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-500 dark:border-zinc-800">
        <span>{label ?? "JSON"} · {lines} line{lines === 1 ? "" : "s"}</span>
        <span className="flex gap-2">
          {lines > COLLAPSE_OVER_LINES && (
            <button type="button" onClick={() => setOpen(!open)} className="underline">{open ? "Fold" : `Show all ${lines} lines`}</button>
          )}
          <CopyButton text={text} />
        </span>
      </div>
      <pre className={`overflow-auto whitespace-pre-wrap break-words p-3 font-mono text-xs leading-5 text-zinc-800 dark:text-zinc-200 ${open ? "max-h-[32rem]" : "max-h-40"}`}>{text}</pre>
    </div>
  );
}
