import Link from "next/link";
import type { RunDetail } from "@/lib/api-types";
import { formatAbsolute, formatDuration } from "@/lib/format";
import { CopyButton } from "@/components/ui/CopyButton";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { RunActions } from "./RunActions";

export function RunHeader({ run }: { run: RunDetail }) {
  const fields: Array<[string, React.ReactNode]> = [
    ["Queued", <span key="q" title={formatAbsolute(run.queuedAt)}><RelativeTime iso={run.queuedAt} /></span>],
    ["Started", <RelativeTime key="s" iso={run.startedAt} />],
    ["Ended", <RelativeTime key="e" iso={run.endedAt} />],
    ["Duration", formatDuration(run.durationMs)],
    ["Attempts", `${run.attempts} (max ${run.maxAttempts} per step)`],
    ["Trigger", <Link key="t" className="font-mono underline" href={`/events/${run.eventId}`}>{run.eventName}</Link>],
  ];
  return (
    <header className="space-y-4 rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <div className="flex items-center gap-3">
            <StatusBadge status={run.status} size="lg" />
            <h1 className="text-xl font-semibold">
              <Link href={`/?function=${encodeURIComponent(run.functionId)}`} className="hover:underline">{run.functionName}</Link>
            </h1>
          </div>
          <div className="flex items-center gap-2 text-sm text-zinc-500">
            <span>Run</span>
            <code data-testid="run-id" className="font-mono text-zinc-800 dark:text-zinc-200">{run.id}</code>
            <CopyButton text={run.id} label="Copy id" />
          </div>
        </div>
        <RunActions run={run} />
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        {fields.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs uppercase tracking-wide text-zinc-500">{label}</dt>
            <dd className="mt-0.5 text-zinc-800 dark:text-zinc-200">{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
