import Link from "next/link";
import type { AuditEntry } from "@/lib/api-types";
import { RelativeTime } from "@/components/ui/RelativeTime";

const ACTIONS: Record<AuditEntry["action"], string> = {
  retry: "retried the run",
  "handle-failure": "ran the failure handler",
  cancel: "cancelled the run",
  "send-event": "sent an event",
};

export function AuditLog({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section aria-label="Actions taken" className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="border-b border-zinc-200 px-4 py-2.5 text-sm font-semibold dark:border-zinc-800">Actions taken on this run</h2>
      <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
        {entries.map((e, i) => (
          <li key={i} className="flex items-center gap-2 px-4 py-2">
            <span className="font-medium">{e.actor}</span>
            <span>{ACTIONS[e.action] ?? e.action}</span>
            {e.resultRunId && <Link className="font-mono text-xs underline" href={`/runs/${e.resultRunId}`}>→ {e.resultRunId}</Link>}
            <span className="ml-auto text-xs text-zinc-500"><RelativeTime iso={e.at} /></span>
          </li>
        ))}
      </ul>
    </section>
  );
}
