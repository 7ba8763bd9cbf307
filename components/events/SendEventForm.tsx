"use client";

import { useState } from "react";
import { useSendEvent } from "@/lib/client/events";
import { useFunctions } from "@/lib/client/functions";
import { Button } from "@/components/ui/Button";
import { SentEventRuns } from "./SentEventRuns";
import { fieldOfApiError, validateSendForm } from "./validate-send-form";

const FIELD = "w-full rounded-md border bg-white px-3 py-2 font-mono text-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:bg-zinc-950";
const fieldBorder = (invalid: boolean) => (invalid ? "border-red-500 dark:border-red-500" : "border-zinc-300 dark:border-zinc-700");

/**
 * Sends a test event: checked here first with the API's own rules, each problem said next to its
 * field; once sent, the event's id and the runs it started, followed live.
 */
export function SendEventForm({ initialName = "" }: { initialName?: string }) {
  const [name, setName] = useState(initialName);
  const [data, setData] = useState("{}");
  const [errors, setErrors] = useState<{ name?: string; data?: string; other?: string }>({});
  const [sentId, setSentId] = useState<string | null>(null);
  const send = useSendEvent();
  const functions = useFunctions();
  // The events the defined functions listen for: the names worth sending.
  const triggers = [...new Set((functions.data?.functions ?? []).map((f) => f.triggerEvent).filter((t) => !t.startsWith("inngest/")))].sort();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const checked = validateSendForm(name, data);
    setErrors(checked.errors);
    if (!checked.event) return;
    send.mutate(checked.event, {
      onSuccess: (res) => setSentId(res.ids[0]),
      onError: (err) => {
        const field = fieldOfApiError(err.message);
        setErrors(field ? { [field]: `Refused by the server: ${err.message}` } : { other: `Refused by the server: ${err.message}` });
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="send-event-title" id="send"
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div>
        <h2 id="send-event-title" className="font-semibold">Send event</h2>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Starts a run of every function that listens for the name.</p>
      </div>
      <div>
        <label htmlFor="send-name" className="text-sm font-medium">Name</label>
        <input id="send-name" value={name} list="send-name-suggestions" autoComplete="off" spellCheck={false}
          onChange={(e) => { setName(e.target.value); setErrors((x) => ({ ...x, name: undefined })); }}
          placeholder="job/foobar" aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? "send-name-error" : undefined}
          className={`${FIELD} mt-1 ${fieldBorder(Boolean(errors.name))}`} />
        <datalist id="send-name-suggestions">{triggers.map((t) => <option key={t} value={t} />)}</datalist>
        {errors.name && <p id="send-name-error" className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.name}</p>}
      </div>
      <div>
        <label htmlFor="send-data" className="text-sm font-medium">Data (JSON object)</label>
        <textarea id="send-data" rows={7} value={data} spellCheck={false}
          onChange={(e) => { setData(e.target.value); setErrors((x) => ({ ...x, data: undefined })); }}
          onKeyDown={(e) => { if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit(); }}
          aria-invalid={Boolean(errors.data)} aria-describedby={errors.data ? "send-data-error" : "send-data-hint"}
          className={`${FIELD} mt-1 ${fieldBorder(Boolean(errors.data))}`} />
        {errors.data
          ? <p id="send-data-error" className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.data}</p>
          : <p id="send-data-hint" className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Available to the function as <code className="font-mono">event.data</code>. Ctrl+Enter sends.</p>}
      </div>
      {errors.other && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{errors.other}</p>}
      <Button type="submit" tone="primary" busy={send.isPending}>Send event</Button>
      {sentId && <SentEventRuns eventId={sentId} />}
    </form>
  );
}
