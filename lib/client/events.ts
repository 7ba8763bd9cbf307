import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EventDetail, EventListResponse, IngestResponse, RunSummary } from "@/lib/api-types";
import { apiFetch } from "./api";
import { eventKeys, functionKeys, runKeys } from "./query-keys";

export interface EventFilters {
  /** An exact event name. */
  name?: string;
  /** Our event id or the sender's. */
  q?: string;
}

/** The filters as the API's query string, in a fixed order so equal filters share a cache entry. */
export function eventListQuery(filters: EventFilters): string {
  const params = new URLSearchParams();
  if (filters.name?.trim()) params.set("name", filters.name.trim());
  if (filters.q?.trim()) params.set("q", filters.q.trim());
  return params.toString();
}

/**
 * Events, newest first, a page at a time; `fetchNextPage` loads older ones. The first page
 * refreshes every few seconds so new events appear; once older pages are loaded it stops, since
 * a refetch would reload every page.
 */
export function useEvents(filters: EventFilters) {
  const query = eventListQuery(filters);
  return useInfiniteQuery({
    queryKey: eventKeys.list(query),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(query);
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<EventListResponse>(`/api/events?${params}`);
    },
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) => ((q.state.data?.pages.length ?? 1) > 1 ? false : 5_000),
  });
}

const stillGoing = (run: RunSummary) => run.status === "QUEUED" || run.status === "RUNNING";

/** One event with the runs it started; polls while any of them is queued or running, so their statuses stay true. */
export function useEvent(id: string | null) {
  return useQuery({
    queryKey: eventKeys.detail(id ?? ""),
    queryFn: () => apiFetch<EventDetail>(`/api/events/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data?.runs.some(stillGoing) ? 1_000 : false),
  });
}

export interface EventToSend {
  name: string;
  data: Record<string, unknown>;
}

/** Sends one event; the lists it can change (events, runs, functions' counts) are refetched. */
export function useSendEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (event: EventToSend) => apiFetch<IngestResponse>("/api/events", { method: "POST", body: JSON.stringify(event) }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: eventKeys.all });
      void client.invalidateQueries({ queryKey: runKeys.lists() });
      void client.invalidateQueries({ queryKey: functionKeys.all });
    },
  });
}
