"use client";

import Link from "next/link";
import { use } from "react";
import { RunsTable } from "@/components/runs/RunsTable";
import { CopyButton } from "@/components/ui/CopyButton";
import { JsonView } from "@/components/ui/JsonView";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/States";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { useEvent } from "@/lib/client/events";

export default function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = use(params);
  const detail = useEvent(id, true);
  if (detail.isPending) return <Skeleton />;
  if (detail.isError) return <ErrorState error={detail.error} />;
  const { event, runs, failedRun } = detail.data;
  return (
    <div className="space-y-5">
      <nav className="text-sm text-zinc-500"><Link href="/events" className="underline">Events</Link> / <span className="font-mono">{event.id}</span></nav>
      <header className="space-y-1">
        <h1 className="font-mono text-xl font-semibold">{event.name}</h1>
        <p className="flex items-center gap-2 text-sm text-zinc-500">
          <code className="font-mono text-zinc-800 dark:text-zinc-200">{event.id}</code><CopyButton text={event.id} label="Copy id" />
          {event.externalId && <>· sender id <code className="font-mono">{event.externalId}</code></>}
          · received <RelativeTime iso={event.receivedAt} />
        </p>
      </header>
      {failedRun && (
        <Link href={`/runs/${failedRun.id}`} data-testid="failed-run-link"
          className="flex items-center gap-3 rounded-lg border border-red-300 bg-red-50 p-4 hover:bg-red-100 dark:border-red-900 dark:bg-red-950 dark:hover:bg-red-900/60">
          <StatusBadge status={failedRun.status} />
          <span className="font-medium">Failed run of {failedRun.functionName}</span>
          <span className="font-mono text-sm">{failedRun.id}</span>
          <span className="ml-auto text-sm underline">Open →</span>
        </Link>
      )}
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">Runs it started ({runs.length})</h2>
        {runs.length === 0 ? <EmptyState title="No function listens for this event" /> : <RunsTable runs={runs} />}
      </section>
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">Payload</h2>
        <JsonView value={{ id: event.externalId ?? event.id, name: event.name, data: event.data, user: event.user, ts: event.ts, ...(event.v ? { v: event.v } : {}) }} label="Event" />
      </section>
    </div>
  );
}
