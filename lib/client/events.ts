import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EventDetail, EventListResponse, IngestResponse } from "@/lib/api-types";
import { apiFetch } from "./api";
import { eventKeys, runKeys } from "./query-keys";

export function useEvents(apiQuery: string) {
  return useInfiniteQuery({
    queryKey: eventKeys.list(apiQuery),
    queryFn: ({ pageParam }) => apiFetch<EventListResponse>(`/api/events?${apiQuery}${pageParam ? `&cursor=${pageParam}` : ""}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useEvent(id: string | null, poll = false) {
  return useQuery({
    queryKey: eventKeys.detail(id ?? ""),
    queryFn: () => apiFetch<EventDetail>(`/api/events/${id}`),
    enabled: Boolean(id),
    refetchInterval: (q) => (poll && q.state.data?.runs.some((r) => r.status === "QUEUED" || r.status === "RUNNING") ? 1_000 : poll && !q.state.data ? 1_000 : false),
  });
}

export function useSendEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (event: { name: string; data: Record<string, unknown> }) =>
      apiFetch<IngestResponse>("/api/events", { method: "POST", body: JSON.stringify(event) }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: eventKeys.all });
      void client.invalidateQueries({ queryKey: runKeys.lists() });
    },
  });
}
