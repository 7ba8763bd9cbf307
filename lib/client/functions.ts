import { useQuery } from "@tanstack/react-query";
import type { FunctionListResponse } from "@/lib/api-types";
import { apiFetch } from "./api";
import { functionKeys } from "./query-keys";

export function useFunctions() {
  return useQuery({
    queryKey: functionKeys.all,
    queryFn: () => apiFetch<FunctionListResponse>("/api/functions"),
    refetchInterval: 15_000,
  });
}
