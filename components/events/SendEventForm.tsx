"use client";

import Link from "next/link";
import { useState } from "react";
import { useEvent, useSendEvent } from "@/lib/client/events";
import { StatusBadge } from "@/components/ui/StatusBadge";

/** Checks the form before sending: the same rules the API applies, said next to the field. */
export function validateSendForm(name: string, dataText: string): { name?: string; data?: string; parsed?: Record<string, unknown> } {
  const errors: { name?: string; data?: string; parsed?: Record<string, unknown> } = {};
  if (name.trim() === "") errors.name = "Give the event a name, e.g. job/foobar";
  else if (name.toLowerCase().startsWith("inngest/")) errors.name = "Names starting with inngest/ are reserved for the system";
  else if (name.length > 256) errors.name = "At most 256 characters";
  try {
    const parsed = dataText.trim() === "" ? {} : JSON.parse(dataText);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) errors.data = "Data must be a JSON object, e.g. {\"orderId\": 42}";
    else errors.parsed = parsed;
  } catch (err) {
    errors.data = `Not valid JSON: ${(err as Error).message}`;
  }
  return errors;
}

export function SendEventForm() {
  const [name, setName] = useState("");
  const [data, setData] = useState("{\n  \n}");
  const [errors, setErrors] = useState<{ name?: string; data?: string }>({});
  const [sentId, setSentId] = useState<string | null>(null);
  const send = useSendEvent();
  const sent = useEvent(sentId, true);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const checked = validateSendForm(name, data);
    setErrors(checked);
    if (checked.name || checked.data || !checked.parsed) return;
    send.mutate({ name: name.trim(), data: checked.parsed }, { onSuccess: (res) => setSentId(res.ids[0]) });
  }

  const field = "w-full rounded-md border bg-white px-3 py-2 font-mono text-sm dark:bg-zinc-900";
  return (
    <form onSubmit={submit} aria-label="Send event" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="font-semibold">Send event</h2>
      <div>
        <label htmlFor="send-name" className="text-sm font-medium">Name</label>
        <input id="send-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="job/foobar" aria-invalid={Boolean(errors.name)} aria-describedby="send-name-error"
          className={`${field} ${errors.name ? "border-red-500" : "border-zinc-300 dark:border-zinc-700"}`} />
        {errors.name && <p id="send-name-error" className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.name}</p>}
      </div>
      <div>
        <label htmlFor="send-data" className="text-sm font-medium">Data (JSON object)</label>
        <textarea id="send-data" rows={6} value={data} onChange={(e) => setData(e.target.value)} aria-invalid={Boolean(errors.data)} aria-describedby="send-data-error"
          className={`${field} ${errors.data ? "border-red-500" : "border-zinc-300 dark:border-zinc-700"}`} />
        {errors.data && <p id="send-data-error" className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.data}</p>}
      </div>
      {send.isError && <p role="alert" className="text-sm text-red-700 dark:text-red-300">Refused: {send.error.message}</p>}
      <button type="submit" disabled={send.isPending} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900">
        {send.isPending ? "Sending…" : "Send event"}
      </button>
      {sentId && (
        <div data-testid="sent-event" className="rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-950">
          <p>Sent <Link href={`/events/${sentId}`} className="font-mono underline">{sentId}</Link>.</p>
          {sent.data && (sent.data.runs.length === 0 ? (
            <p className="mt-1 text-zinc-500">No function listens for this event.</p>
          ) : (
            <ul className="mt-2 space-y-1">
              {sent.data.runs.map((r) => (
                <li key={r.id} className="flex items-center gap-2">
                  <StatusBadge status={r.status} />
                  <Link href={`/runs/${r.id}`} className="underline">{r.functionName}</Link>
                  <span className="font-mono text-xs text-zinc-400">{r.id}</span>
                </li>
              ))}
            </ul>
          ))}
        </div>
      )}
    </form>
  );
}
