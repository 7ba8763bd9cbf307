import Link from "next/link";
import type { RunSummary } from "@/lib/api-types";
import { formatDuration } from "@/lib/format";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { StatusBadge } from "@/components/ui/StatusBadge";

/** One row per run; failed rows show their error message inline, so the list alone says what broke. */
export function RunsTable({ runs }: { runs: RunSummary[] }) {
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full table-fixed text-sm">
        <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900/60">
          <tr>
            <th className="w-32 px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Function</th>
            <th className="w-52 px-3 py-2 font-medium">Trigger</th>
            <th className="w-28 px-3 py-2 font-medium">Started</th>
            <th className="w-24 px-3 py-2 text-right font-medium">Duration</th>
            <th className="w-24 px-3 py-2 text-right font-medium">Attempts</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {runs.map((run) => (
            <tr key={run.id} data-testid="run-row" data-run-id={run.id} className={`relative hover:bg-zinc-50 dark:hover:bg-zinc-800/50 ${run.status === "FAILED" ? "bg-red-50/40 dark:bg-red-950/20" : ""}`}>
              <td className="px-3 py-2 align-top"><StatusBadge status={run.status} /></td>
              <td className="px-3 py-2 align-top">
                <Link href={`/runs/${run.id}`} className="font-medium text-zinc-900 after:absolute after:inset-0 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-100">
                  {run.functionName}
                </Link>
                <div className="truncate font-mono text-xs text-zinc-400">{run.id}</div>
                {run.error && (
                  <div className="mt-0.5 truncate font-mono text-xs text-red-700 dark:text-red-300" title={`${run.error.name}: ${run.error.message}`}>
                    {run.error.name}: {run.error.message.split("\n")[0]}
                  </div>
                )}
              </td>
              <td className="truncate px-3 py-2 align-top font-mono text-xs text-zinc-600 dark:text-zinc-300" title={run.eventName}>{run.eventName}</td>
              <td className="px-3 py-2 align-top text-zinc-600 dark:text-zinc-300"><RelativeTime iso={run.startedAt ?? run.queuedAt} /></td>
              <td className="px-3 py-2 text-right align-top tabular-nums text-zinc-600 dark:text-zinc-300">{formatDuration(run.durationMs)}</td>
              <td className={`px-3 py-2 text-right align-top tabular-nums ${run.attempts > 1 ? "font-semibold text-amber-700 dark:text-amber-300" : "text-zinc-600 dark:text-zinc-300"}`}>
                {run.attempts}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
