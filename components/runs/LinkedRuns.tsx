import Link from "next/link";
import type { RunDetail, RunSummary } from "@/lib/api-types";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { StatusBadge } from "@/components/ui/StatusBadge";

/** Runs connected to this one: its failure-handler runs, its retries, what it retries or handles. */
export function LinkedRuns({ run }: { run: RunDetail }) {
  const groups: Array<[string, RunSummary[], string]> = [
    ["Handles the failure of", run.handledRun ? [run.handledRun] : [], "handled-run"],
    ["Retry of", run.rerunOf ? [run.rerunOf] : [], "rerun-of"],
    ["Failure-handler runs", run.failureHandlerRuns, "failure-handler-runs"],
    ["Retries", run.reruns, "reruns"],
  ];
  const shown = groups.filter(([, runs]) => runs.length > 0);
  if (shown.length === 0) return null;
  return (
    <section aria-label="Linked runs" className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="border-b border-zinc-200 px-4 py-2.5 text-sm font-semibold dark:border-zinc-800">Linked runs</h2>
      <div className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {shown.map(([label, runs, testId]) => (
          <div key={label} data-testid={testId} className="px-4 py-3">
            <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</p>
            <ul className="mt-1.5 space-y-1">
              {runs.map((r) => (
                <li key={r.id} className="flex items-center gap-3 text-sm">
                  <StatusBadge status={r.status} />
                  <Link href={`/runs/${r.id}`} className="font-mono text-xs underline">{r.id}</Link>
                  <span className="text-zinc-500">{r.functionName}</span>
                  <span className="ml-auto text-xs text-zinc-500"><RelativeTime iso={r.queuedAt} /></span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
