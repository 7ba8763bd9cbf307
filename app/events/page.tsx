"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useState } from "react";
import { SendEventForm } from "@/components/events/SendEventForm";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/States";
import { useEvents } from "@/lib/client/events";

function EventsPage() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const name = params.get("name") ?? "";
  const q = params.get("q") ?? "";
  const [nameInput, setNameInput] = useState(name);
  const [qInput, setQInput] = useState(q);
  const apiQuery = new URLSearchParams({ ...(name && { name }), ...(q && { q }) }).toString();
  const events = useEvents(apiQuery);
  const all = events.data?.pages.flatMap((p) => p.events) ?? [];
  const input = "rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <h1 className="text-xl font-semibold">Events</h1>
        <form className="flex flex-wrap gap-2" onSubmit={(e) => {
          e.preventDefault();
          const p = new URLSearchParams({ ...(nameInput.trim() && { name: nameInput.trim() }), ...(qInput.trim() && { q: qInput.trim() }) });
          router.replace(`${pathname}${p.size ? `?${p}` : ""}`);
        }}>
          <label className="sr-only" htmlFor="events-name">Event name</label>
          <input id="events-name" className={`${input} w-60 font-mono`} placeholder="Exact name, e.g. job/foobar" value={nameInput} onChange={(e) => setNameInput(e.target.value)} />
          <label className="sr-only" htmlFor="events-q">Event id</label>
          <input id="events-q" className={`${input} w-72 font-mono`} placeholder="Event id (ours or the sender's)" value={qInput} onChange={(e) => setQInput(e.target.value)} />
          <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">Filter</button>
        </form>
        {events.isPending ? <Skeleton /> : events.isError ? <ErrorState error={events.error} /> : all.length === 0 ? (
          <EmptyState title={name || q ? "No events match" : "No events yet"}>Send one with the form, or <code className="font-mono">POST /api/events</code>.</EmptyState>
        ) : (
          <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
            <table className="w-full table-fixed text-sm">
              <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900/60">
                <tr><th className="px-3 py-2 font-medium">Name</th><th className="w-64 px-3 py-2 font-medium">Id</th><th className="w-28 px-3 py-2 font-medium">Received</th><th className="w-16 px-3 py-2 text-right font-medium">Runs</th></tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {all.map((e) => (
                  <tr key={e.id} data-testid="event-row" className="relative hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                    <td className="truncate px-3 py-2"><Link href={`/events/${e.id}`} className={`font-mono after:absolute after:inset-0 hover:underline ${e.name === "inngest/function.failed" ? "text-red-700 dark:text-red-300" : ""}`}>{e.name}</Link></td>
                    <td className="truncate px-3 py-2 font-mono text-xs text-zinc-500">{e.externalId ?? e.id}</td>
                    <td className="px-3 py-2 text-zinc-600 dark:text-zinc-300"><RelativeTime iso={e.receivedAt} /></td>
                    <td className="px-3 py-2 text-right tabular-nums">{e.runCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {events.hasNextPage && (
          <button type="button" onClick={() => void events.fetchNextPage()} className="w-full rounded-md border border-zinc-300 py-2 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">Load older events</button>
        )}
      </div>
      <div><SendEventForm /></div>
    </div>
  );
}

export default function Page() {
  return <Suspense fallback={<Skeleton />}><EventsPage /></Suspense>;
}
