// Failure handlers are functions of their own in the API, but belong to the function whose
// failures they handle: group them under it.
import type { FunctionView } from "@/lib/api-types";

export interface FunctionGroup {
  fn: FunctionView;
  /** The failure handler that belongs to `fn`, if it has one. */
  handler: FunctionView | null;
}

export function groupFunctions(all: FunctionView[]): FunctionGroup[] {
  const byId = new Map(all.map((f) => [f.id, f]));
  const placed = new Set<string>();
  const groups: FunctionGroup[] = [];
  for (const fn of all) {
    if (fn.handlesFunctionId && byId.has(fn.handlesFunctionId)) continue;
    const handler = (fn.failureHandlerId ? byId.get(fn.failureHandlerId) : undefined) ?? all.find((h) => h.handlesFunctionId === fn.id) ?? null;
    if (handler) placed.add(handler.id);
    groups.push({ fn, handler });
  }
  // A handler whose parent is gone, or listed twice, still shows: as its own row, never silently dropped.
  return groups.filter((g) => !(g.fn.handlesFunctionId && placed.has(g.fn.id)));
}
