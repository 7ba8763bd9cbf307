type Tone = "primary" | "danger" | "neutral";

const TONES: Record<Tone, string> = {
  primary: "bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white",
  danger: "border border-red-300 text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950",
  neutral: "border border-zinc-300 text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800",
};

/**
 * A button that, when disabled, still says why: the reason is its tooltip and is read out by
 * screen readers (a disabled button cannot be focused, so the reason sits on a wrapper).
 */
export function Button({ tone = "neutral", disabledReason, busy, children, ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: Tone; disabledReason?: string; busy?: boolean }) {
  const disabled = Boolean(disabledReason) || busy || props.disabled;
  const button = (
    <button type="button" {...props} disabled={disabled} aria-disabled={disabled}
      className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:cursor-not-allowed disabled:opacity-45 ${TONES[tone]} ${props.className ?? ""}`}>
      {busy ? "Working…" : children}
    </button>
  );
  if (!disabledReason) return button;
  return (
    <span title={disabledReason} tabIndex={0} aria-label={`${typeof children === "string" ? children : ""} unavailable: ${disabledReason}`} className="inline-block rounded-md focus-visible:outline-2 focus-visible:outline-sky-500">
      {button}
    </span>
  );
}
