import Link from "next/link";
import type { EventSummary } from "@/lib/api-types";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { FAILURE_EVENT_NAME, summariseEvent } from "./failure-event";

/** One row per event: what it was, what it carried, when it came, and how many runs it started. */
export function EventsTable({ events }: { events: EventSummary[] }) {
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full table-fixed text-sm">
        <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900/60">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Event</th>
            <th scope="col" className="w-64 px-3 py-2 font-medium">Id</th>
            <th scope="col" className="w-28 px-3 py-2 font-medium">Received</th>
            <th scope="col" className="w-16 px-3 py-2 text-right font-medium">Runs</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {events.map((event) => <EventRow key={event.id} event={event} />)}
        </tbody>
      </table>
    </div>
  );
}

function EventRow({ event }: { event: EventSummary }) {
  const failure = event.name === FAILURE_EVENT_NAME;
  const summary = summariseEvent(event);
  return (
    <tr data-testid="event-row" data-event-id={event.id} className="relative hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
      <td className="px-3 py-2 align-top">
        <Link href={`/events/${event.id}`}
          className={`block truncate font-mono font-medium after:absolute after:inset-0 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 ${failure ? "text-red-700 dark:text-red-300" : "text-zinc-900 dark:text-zinc-100"}`}>
          {event.name}
        </Link>
        {summary && <div className={`truncate font-mono text-xs ${failure ? "text-red-700/80 dark:text-red-300/80" : "text-zinc-500 dark:text-zinc-400"}`} title={summary}>{summary}</div>}
      </td>
      <td className="px-3 py-2 align-top font-mono text-xs">
        <div className="truncate text-zinc-700 dark:text-zinc-300">{event.id}</div>
        {event.externalId && <div className="truncate text-zinc-400" title={`The sender's id: ${event.externalId}`}>sender: {event.externalId}</div>}
      </td>
      <td className="px-3 py-2 align-top text-zinc-600 dark:text-zinc-300"><RelativeTime iso={event.receivedAt} /></td>
      <td className={`px-3 py-2 text-right align-top tabular-nums ${event.runCount === 0 ? "text-zinc-400" : ""}`}>{event.runCount}</td>
    </tr>
  );
}
