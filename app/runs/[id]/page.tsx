"use client";

import Link from "next/link";
import { use } from "react";
import { ErrorPanel } from "@/components/errors/ErrorPanel";
import { AuditLog } from "@/components/runs/AuditLog";
import { LinkedRuns } from "@/components/runs/LinkedRuns";
import { RunHeader } from "@/components/runs/RunHeader";
import { Timeline } from "@/components/runs/Timeline";
import { JsonView } from "@/components/ui/JsonView";
import { ErrorState, Skeleton } from "@/components/ui/States";
import { useRun } from "@/lib/client/runs";

export default function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = use(params);
  const run = useRun(id);
  if (run.isPending) return <Skeleton rows={10} />;
  if (run.isError) return <ErrorState error={run.error} onRetry={() => void run.refetch()} />;
  const r = run.data;
  return (
    <div className="space-y-5">
      <nav className="text-sm text-zinc-500"><Link href="/" className="underline">Runs</Link> / <span className="font-mono">{r.id}</span></nav>
      <RunHeader run={r} />
      {r.status === "FAILED" && r.error && <ErrorPanel error={r.error} title="Run failed" />}
      <LinkedRuns run={r} />
      <div className="grid gap-5 lg:grid-cols-5">
        <div className="space-y-5 lg:col-span-3">
          <Timeline run={r} />
        </div>
        <div className="space-y-5 lg:col-span-2">
          {r.status === "COMPLETED" && (
            <section aria-label="Output" className="space-y-2">
              <h2 className="text-sm font-semibold">Output</h2>
              <JsonView value={r.output} label="Return value" />
            </section>
          )}
          <section aria-label="Trigger" className="space-y-2">
            <h2 className="text-sm font-semibold">Triggering event · <Link className="font-mono underline" href={`/events/${r.event.id}`}>{r.event.name}</Link></h2>
            <JsonView value={{ id: r.event.externalId ?? r.event.id, name: r.event.name, data: r.event.data, user: r.event.user, ts: r.event.ts }} label="Event" />
          </section>
          {r.failureEvent && (
            <section aria-label="Failure event" data-testid="failure-event" className="space-y-2">
              <h2 className="text-sm font-semibold">Emitted <Link className="font-mono underline" href={`/events/${r.failureEvent.id}`}>inngest/function.failed</Link></h2>
              <JsonView value={{ name: r.failureEvent.name, id: r.failureEvent.id, ts: r.failureEvent.ts, data: r.failureEvent.data }} label="Failure event" />
            </section>
          )}
          <AuditLog entries={r.audit} />
        </div>
      </div>
    </div>
  );
}
