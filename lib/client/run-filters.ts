import { RUN_STATUSES, type RunStatus } from "@/lib/api-types";

/** The runs list's filters, as kept in the URL so a view can be shared. */
export interface RunFilters {
  statuses: RunStatus[];
  functionId: string;
  eventName: string;
  /** A preset ("1h", "24h", "7d") or "" for all time. */
  range: string;
  q: string;
}

export const TIME_RANGES: Record<string, { label: string; ms: number }> = {
  "15m": { label: "Last 15 minutes", ms: 15 * 60_000 },
  "1h": { label: "Last hour", ms: 3_600_000 },
  "24h": { label: "Last 24 hours", ms: 86_400_000 },
  "7d": { label: "Last 7 days", ms: 7 * 86_400_000 },
};

export function parseRunFilters(params: URLSearchParams): RunFilters {
  const statuses = params
    .getAll("status")
    .flatMap((s) => s.split(","))
    .map((s) => s.toUpperCase())
    .filter((s): s is RunStatus => (RUN_STATUSES as readonly string[]).includes(s));
  const range = params.get("range") ?? "";
  return {
    statuses: [...new Set(statuses)],
    functionId: params.get("function") ?? "",
    eventName: params.get("event") ?? "",
    range: range in TIME_RANGES ? range : "",
    q: params.get("q") ?? "",
  };
}

/** The page URL's query string for these filters (empty values left out). */
export function runFiltersToSearch(f: RunFilters): string {
  const p = new URLSearchParams();
  for (const s of f.statuses) p.append("status", s);
  if (f.functionId) p.set("function", f.functionId);
  if (f.eventName) p.set("event", f.eventName);
  if (f.range) p.set("range", f.range);
  if (f.q.trim()) p.set("q", f.q.trim());
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The API's query parameters for these filters: the range becomes `from`, relative to `now`. */
export function runFiltersToApi(f: RunFilters, now = Date.now(), extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const s of f.statuses) p.append("status", s);
  if (f.functionId) p.set("function", f.functionId);
  if (f.eventName) p.set("event", f.eventName);
  if (f.range) p.set("from", new Date(now - TIME_RANGES[f.range].ms).toISOString());
  if (f.q.trim()) p.set("q", f.q.trim());
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}
