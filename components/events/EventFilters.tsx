"use client";

import { useEffect, useState } from "react";
import type { EventFilters as Filters } from "@/lib/client/events";
import { FAILURE_EVENT_NAME } from "./failure-event";

const INPUT = "rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 font-mono text-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900";

/** Exact name and id search; applied on submit so each keystroke is not a query. */
export function EventFilters({ value, names, onChange }: { value: Filters; names: string[]; onChange: (next: Filters) => void }) {
  const [name, setName] = useState(value.name ?? "");
  const [q, setQ] = useState(value.q ?? "");
  // Back/forward and links change the URL's filters: follow them.
  useEffect(() => { setName(value.name ?? ""); setQ(value.q ?? ""); }, [value.name, value.q]);
  const active = Boolean(value.name || value.q);
  const onlyFailures = value.name === FAILURE_EVENT_NAME;

  return (
    <form role="search" aria-label="Filter events" className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => { e.preventDefault(); onChange({ name: name.trim(), q: q.trim() }); }}>
      <label className="sr-only" htmlFor="events-name">Event name</label>
      <input id="events-name" className={`${INPUT} w-52`} placeholder="Exact name, e.g. job/foobar" list="events-name-suggestions"
        autoComplete="off" spellCheck={false} value={name} onChange={(e) => setName(e.target.value)} />
      <datalist id="events-name-suggestions">{names.map((n) => <option key={n} value={n} />)}</datalist>
      <label className="sr-only" htmlFor="events-q">Event id</label>
      <input id="events-q" className={`${INPUT} w-64`} placeholder="Event id or sender's id" autoComplete="off" spellCheck={false}
        value={q} onChange={(e) => setQ(e.target.value)} />
      <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">Filter</button>
      <button type="button" aria-pressed={onlyFailures} onClick={() => onChange({ name: onlyFailures ? "" : FAILURE_EVENT_NAME, q: "" })}
        className={`rounded-full border px-3 py-1 text-xs font-medium ${onlyFailures ? "border-red-400 bg-red-50 text-red-800 dark:border-red-700 dark:bg-red-950 dark:text-red-200" : "border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}>
        Failure events only
      </button>
      {active && <button type="button" onClick={() => onChange({})} className="text-sm text-zinc-500 underline hover:text-zinc-800 dark:hover:text-zinc-200">Clear filters</button>}
    </form>
  );
}
