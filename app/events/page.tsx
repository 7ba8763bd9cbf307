"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { EventFilters } from "@/components/events/EventFilters";
import { EventsTable } from "@/components/events/EventsTable";
import { FAILURE_EVENT_NAME } from "@/components/events/failure-event";
import { SendEventForm } from "@/components/events/SendEventForm";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/States";
import { eventListQuery, useEvents, type EventFilters as Filters } from "@/lib/client/events";
import { useFunctions } from "@/lib/client/functions";

function EventsPage() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters: Filters = { name: params.get("name") ?? "", q: params.get("q") ?? "" };
  const events = useEvents(filters);
  const functions = useFunctions();
  const all = events.data?.pages.flatMap((p) => p.events) ?? [];
  const names = [...new Set([FAILURE_EVENT_NAME, ...(functions.data?.functions ?? []).map((f) => f.triggerEvent)])].sort();

  function applyFilters(next: Filters) {
    const query = eventListQuery(next);
    router.replace(`${pathname}${query ? `?${query}` : ""}`);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-4 lg:col-span-2">
        <div className="flex items-baseline gap-3">
          <h1 className="text-xl font-semibold">Events</h1>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">Newest first{all.length > 0 && ` · ${all.length} shown`}</p>
        </div>
        <EventFilters value={filters} names={names} onChange={applyFilters} />
        {events.isPending ? <Skeleton /> : events.isError ? <ErrorState error={events.error} onRetry={() => void events.refetch()} /> : all.length === 0 ? (
          filters.name || filters.q
            ? <EmptyState title="No events match">Names match exactly; ids match our event id or the sender&apos;s.</EmptyState>
            : <EmptyState title="No events yet">Send one with the form, or <code className="font-mono">POST /api/events</code>.</EmptyState>
        ) : (
          <EventsTable events={all} />
        )}
        {events.hasNextPage && (
          <button type="button" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}
            className="w-full rounded-md border border-zinc-300 py-2 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
            {events.isFetchingNextPage ? "Loading…" : "Load older events"}
          </button>
        )}
        {!events.hasNextPage && all.length > 0 && events.data && events.data.pages.length > 1 && (
          <p className="text-center text-xs text-zinc-500">That is the oldest event.</p>
        )}
      </div>
      <div>
        <SendEventForm initialName={params.get("send") ?? ""} />
      </div>
    </div>
  );
}

export default function Page() {
  return <Suspense fallback={<Skeleton />}><EventsPage /></Suspense>;
}
