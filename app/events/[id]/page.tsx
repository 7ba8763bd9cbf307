"use client";

import Link from "next/link";
import { use } from "react";
import { ErrorPanel } from "@/components/errors/ErrorPanel";
import { FailedRunLink } from "@/components/events/FailedRunLink";
import { readFailureEvent } from "@/components/events/failure-event";
import { RunsTable } from "@/components/runs/RunsTable";
import { CopyButton } from "@/components/ui/CopyButton";
import { JsonView } from "@/components/ui/JsonView";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/States";
import { useEvent } from "@/lib/client/events";
import { formatAbsolute } from "@/lib/format";

export default function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = use(params);
  const detail = useEvent(id);
  if (detail.isPending) return <Skeleton />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { event, runs, failedRun } = detail.data;
  const failure = readFailureEvent(event);
  const sentAt = new Date(event.ts).toISOString();

  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500"><Link href="/events" className="underline">Events</Link> / <span className="font-mono">{event.id}</span></nav>
      <header className="space-y-1.5">
        <h1 className="break-all font-mono text-xl font-semibold">{event.name}</h1>
        <dl className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm text-zinc-600 dark:text-zinc-300">
          <div className="flex items-center gap-1.5"><dt className="text-zinc-500">Id</dt><dd className="flex items-center gap-1.5"><code className="font-mono text-zinc-900 dark:text-zinc-100">{event.id}</code><CopyButton text={event.id} label="Copy id" /></dd></div>
          {event.externalId && <div className="flex items-center gap-1.5"><dt className="text-zinc-500">Sender&apos;s id</dt><dd><code className="font-mono">{event.externalId}</code></dd></div>}
          <div className="flex items-center gap-1.5"><dt className="text-zinc-500">Received</dt><dd><RelativeTime iso={event.receivedAt} /></dd></div>
          <div className="flex items-center gap-1.5"><dt className="text-zinc-500">ts</dt><dd className="font-mono text-xs" title={`${event.ts} ms since the epoch`}>{formatAbsolute(sentAt)}</dd></div>
        </dl>
      </header>

      {failure && (
        <section aria-label="The failure" className="space-y-3">
          <FailedRunLink run={failedRun} runId={failure.runId} functionId={failure.functionId} />
          {failure.error && <ErrorPanel error={failure.error} title="Error carried by this event" />}
        </section>
      )}

      <section className="space-y-2">
        <h2 className="text-sm font-semibold">{failure ? "Failure-handler runs it started" : "Runs it started"} ({runs.length})</h2>
        {runs.length === 0
          ? <EmptyState title={failure ? "No failure-handler run was started by this event" : "No function listens for this event"}>{failure ? "A failure handler runs for this event only when the failed function defines one." : <>The event is stored; functions that start listening for <code className="font-mono">{event.name}</code> later do not pick it up.</>}</EmptyState>
          : <RunsTable runs={runs} />}
      </section>

      <section className="space-y-2">
        <h2 className="text-sm font-semibold">Payload</h2>
        <JsonView label="Event" value={{ id: event.id, externalId: event.externalId, name: event.name, data: event.data, user: event.user, ts: event.ts, ...(event.v ? { v: event.v } : {}) }} />
      </section>
    </div>
  );
}
