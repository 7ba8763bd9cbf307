import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ActionResponse, RunDetail, RunListResponse } from "@/lib/api-types";
import { apiFetch } from "./api";
import { runKeys } from "./query-keys";

/** The runs list, page by page (keyset cursors). Not polled: new runs are announced by useNewerRuns. */
export function useRuns(apiQuery: string) {
  return useInfiniteQuery({
    queryKey: runKeys.list(apiQuery),
    queryFn: ({ pageParam }) => apiFetch<RunListResponse>(`/api/runs?${apiQuery}${pageParam ? `&cursor=${pageParam}` : ""}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Runs newer than the newest one shown, polled so the list can offer them without jumping. */
export function useNewerRuns(apiQuery: string, after: string | undefined) {
  return useQuery({
    queryKey: runKeys.newer(apiQuery, after ?? ""),
    queryFn: () => apiFetch<RunListResponse>(`/api/runs?${apiQuery}&after=${after}&limit=200`),
    enabled: Boolean(after),
    refetchInterval: 3_000,
  });
}

const LIVE = new Set(["QUEUED", "RUNNING"]);

export function useRun(id: string) {
  return useQuery({
    queryKey: runKeys.detail(id),
    queryFn: () => apiFetch<RunDetail>(`/api/runs/${id}`),
    // Poll while the run (or a failure-handler run or retry it started) is still going.
    refetchInterval: (q) => {
      const run = q.state.data;
      if (!run) return false;
      const live = LIVE.has(run.status) || [...run.failureHandlerRuns, ...run.reruns].some((r) => LIVE.has(r.status));
      return live ? 1_500 : false;
    },
  });
}

function useRunAction(action: "retry" | "handle-failure" | "cancel") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<ActionResponse>(`/api/runs/${id}/${action}`, { method: "POST" }),
    onSuccess: (_data, id) => {
      void client.invalidateQueries({ queryKey: runKeys.detail(id) });
      void client.invalidateQueries({ queryKey: runKeys.lists() });
    },
  });
}

export const useRetryRun = () => useRunAction("retry");
export const useHandleFailure = () => useRunAction("handle-failure");
export const useCancelRun = () => useRunAction("cancel");
