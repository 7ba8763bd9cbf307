"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useMemo, useState } from "react";
import { RunFiltersBar } from "@/components/runs/RunFiltersBar";
import { RunsTable } from "@/components/runs/RunsTable";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/States";
import { type RunFilters, parseRunFilters, runFiltersToApi, runFiltersToSearch } from "@/lib/client/run-filters";
import { useNewerRuns, useRuns } from "@/lib/client/runs";

// The API caps status counts (lib/queries/runs.ts COUNT_CAP): show "10k+" past it.
const COUNT_CAP = 10_000;

function RunsPage() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => parseRunFilters(new URLSearchParams(params.toString())), [params]);
  // The time range is fixed when the filters change, so polling does not shift the window under the reader.
  const [anchor, setAnchor] = useState(() => Date.now());
  const apiQuery = useMemo(() => runFiltersToApi(filters, anchor), [filters, anchor]);
  const runs = useRuns(apiQuery);
  const all = runs.data?.pages.flatMap((p) => p.runs) ?? [];
  const newest = all[0]?.id;
  const newer = useNewerRuns(apiQuery, newest);
  const newCount = newer.data?.runs.length ?? 0;

  const setFilters = (f: RunFilters) => {
    setAnchor(Date.now());
    router.replace(`${pathname}${runFiltersToSearch(f)}`, { scroll: false });
  };

  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Runs</h1>
        <p className="text-sm text-zinc-500">Newest first · all functions</p>
      </div>
      <RunFiltersBar filters={filters} counts={runs.data?.pages[0]?.counts} countCap={COUNT_CAP} onChange={setFilters} />
      {newCount > 0 && (
        <button type="button" data-testid="new-runs" onClick={() => { setAnchor(Date.now()); void runs.refetch(); }}
          className="w-full rounded-md border border-sky-300 bg-sky-50 py-2 text-sm font-medium text-sky-900 hover:bg-sky-100 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
          {newCount >= 200 ? "200+" : newCount} new run{newCount === 1 ? "" : "s"} — show
        </button>
      )}
      {runs.isPending ? (
        <Skeleton rows={8} />
      ) : runs.isError ? (
        <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
      ) : all.length === 0 ? (
        <EmptyState title={filters.statuses.length || filters.functionId || filters.q || filters.eventName || filters.range ? "No runs match these filters" : "No runs yet"}>
          Send an event (Events → Send event, or <code className="font-mono">POST /api/events</code>) to start one.
        </EmptyState>
      ) : (
        <>
          <RunsTable runs={all} />
          {runs.hasNextPage && (
            <button type="button" onClick={() => void runs.fetchNextPage()} disabled={runs.isFetchingNextPage}
              className="w-full rounded-md border border-zinc-300 py-2 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
              {runs.isFetchingNextPage ? "Loading…" : "Load older runs"}
            </button>
          )}
        </>
      )}
    </div>
  );
}

export default function Page() {
  return (
    <Suspense fallback={<Skeleton rows={8} />}>
      <RunsPage />
    </Suspense>
  );
}
