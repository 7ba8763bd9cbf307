// Every query key, in one place, so a mutation can invalidate exactly what it changed.
export const runKeys = {
  all: ["runs"] as const,
  lists: () => [...runKeys.all, "list"] as const,
  list: (apiQuery: string) => [...runKeys.lists(), apiQuery] as const,
  newer: (apiQuery: string, after: string) => [...runKeys.all, "newer", apiQuery, after] as const,
  details: () => [...runKeys.all, "detail"] as const,
  detail: (id: string) => [...runKeys.details(), id] as const,
};

export const eventKeys = {
  all: ["events"] as const,
  list: (apiQuery: string) => [...eventKeys.all, "list", apiQuery] as const,
  detail: (id: string) => [...eventKeys.all, "detail", id] as const,
};

export const functionKeys = {
  all: ["functions"] as const,
};
