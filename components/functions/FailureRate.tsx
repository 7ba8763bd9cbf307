import { formatPercent } from "@/lib/format";

/** The share of finished runs that failed, as a number and a bar; red once it is worth a look. */
export function FailureRate({ rate }: { rate: number | null }) {
  if (rate === null) return <span className="text-zinc-400" title="No finished runs in the last 24 h">—</span>;
  const alarming = rate >= 0.1;
  return (
    <span className="inline-flex items-center justify-end gap-2">
      <span aria-hidden className="h-1.5 w-16 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700">
        <span className={`block h-full rounded-full ${alarming ? "bg-red-500" : rate > 0 ? "bg-amber-500" : ""}`} style={{ width: `${Math.min(100, Math.max(rate > 0 ? 4 : 0, rate * 100))}%` }} />
      </span>
      <span className={`w-12 tabular-nums ${alarming ? "font-semibold text-red-700 dark:text-red-300" : ""}`}>{formatPercent(rate)}</span>
    </span>
  );
}
