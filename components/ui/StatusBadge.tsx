// The one place status colours are decided, so FAILED looks the same on every page.
const STYLES: Record<string, string> = {
  QUEUED: "bg-zinc-100 text-zinc-700 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-600",
  RUNNING: "bg-sky-50 text-sky-800 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-700",
  SLEEPING: "bg-violet-50 text-violet-800 ring-violet-300 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-700",
  COMPLETED: "bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-700",
  FAILED: "bg-red-50 text-red-800 ring-red-400 dark:bg-red-950 dark:text-red-200 dark:ring-red-700",
  RELEASED: "bg-zinc-100 text-zinc-700 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-600",
  LOST: "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700",
  CANCELLED: "bg-zinc-100 text-zinc-500 ring-zinc-300 line-through decoration-1 dark:bg-zinc-900 dark:text-zinc-400 dark:ring-zinc-700",
};

const DOT: Record<string, string> = {
  QUEUED: "bg-zinc-400",
  RUNNING: "bg-sky-500 animate-pulse",
  SLEEPING: "bg-violet-500",
  COMPLETED: "bg-emerald-500",
  FAILED: "bg-red-600",
  LOST: "bg-amber-500",
  RELEASED: "bg-zinc-400",
  CANCELLED: "bg-zinc-400",
};

export function StatusBadge({ status, size = "sm" }: { status: string; size?: "sm" | "lg" }) {
  return (
    <span data-status={status}
      className={`inline-flex items-center gap-1.5 rounded-full font-semibold tracking-wide ring-1 ring-inset ${size === "lg" ? "px-3 py-1 text-sm" : "px-2 py-0.5 text-[11px]"} ${STYLES[status] ?? STYLES.QUEUED}`}>
      <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${DOT[status] ?? DOT.QUEUED}`} />
      {status}
    </span>
  );
}
