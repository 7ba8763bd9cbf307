"use client";

import { useState } from "react";

const FOLD_OVER_LINES = 8;
const FOLD_OVER_CHARS = 1_500;

/**
 * An error message, large and wrapped with its newlines kept, as text. A very long one (a dumped
 * response body, say) starts folded so it does not push the stack off the screen.
 */
export function ErrorMessage({ message, compact }: { message: string; compact: boolean }) {
  const lines = message.split("\n");
  const long = lines.length > FOLD_OVER_LINES || message.length > FOLD_OVER_CHARS;
  const [open, setOpen] = useState(false);
  const shown = long && !open ? lines.slice(0, FOLD_OVER_LINES).join("\n").slice(0, FOLD_OVER_CHARS) : message;
  return (
    <div>
      <p data-testid="error-message"
        className={`whitespace-pre-wrap break-words font-mono font-semibold text-red-950 dark:text-red-50 ${compact ? "text-sm leading-6" : "text-lg leading-7"}`}>
        {message === "" ? <span className="font-normal italic text-red-900/60 dark:text-red-100/60">(no message)</span> : shown}
        {long && !open && <span aria-hidden className="text-red-900/50 dark:text-red-100/50">…</span>}
      </p>
      {long && (
        <button type="button" onClick={() => setOpen(!open)} className="mt-1 text-xs font-medium text-red-800 underline dark:text-red-200">
          {open ? "Fold message" : `Show the whole message (${lines.length} lines, ${message.length.toLocaleString("en-US")} characters)`}
        </button>
      )}
    </div>
  );
}
