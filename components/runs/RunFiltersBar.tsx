"use client";

import { useState } from "react";
import { RUN_STATUSES, type RunStatus } from "@/lib/api-types";
import { type RunFilters, TIME_RANGES } from "@/lib/client/run-filters";
import { useFunctions } from "@/lib/client/functions";
import { formatCount } from "@/lib/format";

const CHIP_ACTIVE: Record<RunStatus, string> = {
  QUEUED: "bg-zinc-700 text-white ring-zinc-700",
  RUNNING: "bg-sky-700 text-white ring-sky-700",
  COMPLETED: "bg-emerald-700 text-white ring-emerald-700",
  FAILED: "bg-red-700 text-white ring-red-700",
  CANCELLED: "bg-zinc-500 text-white ring-zinc-500",
};

/** Status chips with counts, function, event name, time range and an id search. */
export function RunFiltersBar({ filters, counts, countCap, onChange }: {
  filters: RunFilters;
  counts: Record<RunStatus, number> | undefined;
  countCap: number;
  onChange: (f: RunFilters) => void;
}) {
  const functions = useFunctions();
  const [q, setQ] = useState(filters.q);
  const [eventName, setEventName] = useState(filters.eventName);
  const toggle = (s: RunStatus) =>
    onChange({ ...filters, statuses: filters.statuses.includes(s) ? filters.statuses.filter((x) => x !== s) : [...filters.statuses, s] });
  const input = "rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

  return (
    <div className="space-y-3">
      <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-2">
        {RUN_STATUSES.map((s) => {
          const on = filters.statuses.includes(s);
          return (
            <button key={s} type="button" aria-pressed={on} onClick={() => toggle(s)} data-testid={`status-chip-${s}`}
              className={`rounded-full px-3 py-1 text-xs font-semibold ring-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 ${on ? CHIP_ACTIVE[s] : "bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-100 dark:bg-zinc-900 dark:text-zinc-200 dark:ring-zinc-700 dark:hover:bg-zinc-800"} ${s === "FAILED" && !on && counts?.FAILED ? "text-red-700 ring-red-300 dark:text-red-300 dark:ring-red-800" : ""}`}>
              {s} <span className="ml-1 tabular-nums opacity-80">{counts ? formatCount(counts[s], countCap) : "…"}</span>
            </button>
          );
        })}
        {filters.statuses.length > 0 && (
          <button type="button" onClick={() => onChange({ ...filters, statuses: [] })} className="text-xs text-zinc-500 underline">all statuses</button>
        )}
      </div>
      <form className="flex flex-wrap items-center gap-2" onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...filters, q, eventName });
      }}>
        <label className="sr-only" htmlFor="filter-function">Function</label>
        <select id="filter-function" className={input} value={filters.functionId} onChange={(e) => onChange({ ...filters, functionId: e.target.value })}>
          <option value="">All functions</option>
          {functions.data?.functions.map((f) => <option key={f.id} value={f.id}>{f.name} ({f.id})</option>)}
        </select>
        <label className="sr-only" htmlFor="filter-range">Time range</label>
        <select id="filter-range" className={input} value={filters.range} onChange={(e) => onChange({ ...filters, range: e.target.value })}>
          <option value="">All time</option>
          {Object.entries(TIME_RANGES).map(([k, v]) => <option key={k} value={k}>{v.label}</option>)}
        </select>
        <label className="sr-only" htmlFor="filter-event">Event name</label>
        <input id="filter-event" className={`${input} w-52`} placeholder="Event name, e.g. job/foobar" value={eventName} onChange={(e) => setEventName(e.target.value)} />
        <label className="sr-only" htmlFor="filter-q">Run or event id</label>
        <input id="filter-q" className={`${input} w-72 font-mono`} placeholder="Find a run or event by id" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">Apply</button>
        {(filters.functionId || filters.eventName || filters.range || filters.q) && (
          <button type="button" className="text-xs text-zinc-500 underline" onClick={() => {
            setQ("");
            setEventName("");
            onChange({ statuses: filters.statuses, functionId: "", eventName: "", range: "", q: "" });
          }}>clear filters</button>
        )}
      </form>
    </div>
  );
}
