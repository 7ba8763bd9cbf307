"use client";

import Link from "next/link";
import { useEvent } from "@/lib/client/events";
import { CopyButton } from "@/components/ui/CopyButton";
import { StatusBadge } from "@/components/ui/StatusBadge";

/** After a send: the event's id, and the runs it started with their statuses as they change. */
export function SentEventRuns({ eventId }: { eventId: string }) {
  const sent = useEvent(eventId);
  return (
    <div data-testid="sent-event" role="status" className="rounded-md border border-emerald-200 bg-emerald-50/60 p-3 text-sm dark:border-emerald-900 dark:bg-emerald-950/40">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Sent</span>
        <Link href={`/events/${eventId}`} data-testid="sent-event-id" className="font-mono text-xs underline">{eventId}</Link>
        <CopyButton text={eventId} label="Copy id" />
      </p>
      {sent.isError && <p className="mt-1 text-red-700 dark:text-red-300">Could not load its runs: {sent.error.message}</p>}
      {sent.data && (sent.data.runs.length === 0 ? (
        // Runs are stored in the same transaction as the event, so an empty list is final.
        <p className="mt-1 text-zinc-600 dark:text-zinc-300">No function listens for <code className="font-mono">{sent.data.event.name}</code>; the event is stored.</p>
      ) : (
        <>
          <p className="mt-2 text-xs font-medium uppercase tracking-wide text-zinc-500">Started {sent.data.runs.length} run{sent.data.runs.length === 1 ? "" : "s"}</p>
          <ul className="mt-1 space-y-1.5">
            {sent.data.runs.map((run) => (
              <li key={run.id} data-testid="sent-event-run" className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                <StatusBadge status={run.status} />
                <Link href={`/runs/${run.id}`} className="font-medium underline">{run.functionName}</Link>
                <span className="font-mono text-xs text-zinc-500">{run.id}</span>
                {run.error && <span className="w-full truncate pl-1 font-mono text-xs text-red-700 dark:text-red-300">{run.error.name}: {run.error.message.split("\n")[0]}</span>}
              </li>
            ))}
          </ul>
        </>
      ))}
    </div>
  );
}
