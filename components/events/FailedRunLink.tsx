import Link from "next/link";
import type { RunSummary } from "@/lib/api-types";
import { StatusBadge } from "@/components/ui/StatusBadge";

/** On an inngest/function.failed event: the way back to the run that failed. */
export function FailedRunLink({ run, runId, functionId }: { run: RunSummary | null; runId: string | null; functionId: string | null }) {
  if (!run) {
    if (!runId) return null;
    return (
      <p data-testid="failed-run-missing" className="rounded-lg border border-zinc-300 p-4 text-sm dark:border-zinc-700">
        Failed run <span className="font-mono">{runId}</span>{functionId && <> of <span className="font-mono">{functionId}</span></>} is not in the database (deleted, or recorded by another server).
      </p>
    );
  }
  return (
    <Link href={`/runs/${run.id}`} data-testid="failed-run-link"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-red-300 bg-red-50 px-4 py-3 hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-red-900 dark:bg-red-950/60 dark:hover:bg-red-900/50">
      <StatusBadge status={run.status} />
      <span className="font-semibold">Failed run: <span className="font-mono">{run.id}</span> of {run.functionName}</span>
      <span className="ml-auto text-sm font-medium underline">Open the run →</span>
    </Link>
  );
}
