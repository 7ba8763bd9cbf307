"use client";

import { useState } from "react";
import type { AttemptView, RunDetail, StepView } from "@/lib/api-types";
import { formatDuration } from "@/lib/format";
import { ErrorPanel } from "@/components/errors/ErrorPanel";
import { JsonView } from "@/components/ui/JsonView";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { StatusBadge } from "@/components/ui/StatusBadge";

const OP_LABEL: Record<StepView["op"], string> = { RUN: "step.run", SLEEP: "step.sleep", SEND_EVENT: "step.sendEvent" };

/**
 * Steps in order, each with the attempts that ended inside it (failed ones with their error), then
 * attempts that ended outside any step (function-level errors, completion, cancellation).
 */
export function Timeline({ run }: { run: RunDetail }) {
  const byStep = new Map<string, AttemptView[]>();
  const functionLevel: AttemptView[] = [];
  for (const a of run.attemptList) {
    if (a.stepId && a.status !== "SLEEPING") byStep.set(a.stepId, [...(byStep.get(a.stepId) ?? []), a]);
    else functionLevel.push(a);
  }
  // Steps that failed and are retrying have attempts but no stored step yet.
  const pending = [...byStep.keys()].filter((id) => !run.steps.some((s) => s.id === id));

  return (
    <section aria-label="Timeline" className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="border-b border-zinc-200 px-4 py-2.5 text-sm font-semibold dark:border-zinc-800">Timeline · {run.steps.length} step{run.steps.length === 1 ? "" : "s"}, {run.attemptList.length} attempt{run.attemptList.length === 1 ? "" : "s"}</h2>
      <ol className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {run.steps.map((step) => <StepRow key={step.id} step={step} attempts={byStep.get(step.id) ?? []} />)}
        {pending.map((id) => <StepRow key={id} pendingId={id} attempts={byStep.get(id) ?? []} />)}
        {functionLevel.length > 0 && (
          <li className="px-4 py-3">
            <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">Attempts (function code)</p>
            <AttemptList attempts={functionLevel} />
          </li>
        )}
        {run.steps.length === 0 && run.attemptList.length === 0 && (
          <li className="px-4 py-6 text-sm text-zinc-500">{run.status === "QUEUED" ? "Waiting for a worker…" : "No attempts yet."}</li>
        )}
      </ol>
    </section>
  );
}

function StepRow({ step, pendingId, attempts }: { step?: StepView; pendingId?: string; attempts: AttemptView[] }) {
  const [open, setOpen] = useState(step?.status === "FAILED");
  const failedAttempts = attempts.filter((a) => a.status === "FAILED" || a.status === "LOST").length;
  return (
    <li data-testid="timeline-step" className="px-4 py-3">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className="flex w-full items-center gap-3 text-left focus-visible:outline-2 focus-visible:outline-sky-500">
        <span aria-hidden className="w-3 text-zinc-400">{open ? "▾" : "▸"}</span>
        <StatusBadge status={step?.status ?? "RUNNING"} />
        <span className="font-mono text-sm font-medium">{step?.name ?? pendingId}</span>
        <span className="text-xs text-zinc-500">{step ? OP_LABEL[step.op] : "retrying"}</span>
        {failedAttempts > 0 && <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">{failedAttempts} failed attempt{failedAttempts === 1 ? "" : "s"}</span>}
        <span className="ml-auto flex gap-4 text-xs tabular-nums text-zinc-500">
          {step && <RelativeTime iso={step.startedAt} />}
          {step && <span>{step.op === "SLEEP" ? `sleeps ${formatDuration(step.durationMs)}` : formatDuration(step.durationMs)}</span>}
        </span>
      </button>
      {open && (
        <div className="mt-3 space-y-3 pl-6">
          {step?.error && <ErrorPanel error={step.error} title="Step failed" compact />}
          {step && step.op !== "SLEEP" && step.status === "COMPLETED" && <JsonView value={step.output} label="Output" />}
          {attempts.length > 0 && <AttemptList attempts={attempts} />}
        </div>
      )}
    </li>
  );
}

/** Same name and message as an earlier attempt: shown once, then referred to, so five identical panels do not bury the timeline. */
function sameErrorAs(a: AttemptView, earlier: AttemptView[]): AttemptView | undefined {
  if (!a.error) return undefined;
  return earlier.find((e) => e.error && e.error.name === a.error!.name && e.error.message === a.error!.message);
}

function AttemptList({ attempts }: { attempts: AttemptView[] }) {
  return (
    <ol className="mt-2 space-y-2">
      {attempts.map((a, i) => {
        const repeat = sameErrorAs(a, attempts.slice(0, i));
        return (
        <li key={a.number} data-testid="attempt" className="rounded-md border border-zinc-100 p-2 dark:border-zinc-800">
          <div className="flex flex-wrap items-center gap-3 text-xs text-zinc-600 dark:text-zinc-300">
            <span className="font-medium">Attempt {a.attempt + 1}</span>
            <StatusBadge status={a.status} />
            <RelativeTime iso={a.startedAt} />
            <span className="tabular-nums">{formatDuration(a.durationMs)}</span>
            <span className="font-mono text-zinc-400" title="worker">{a.workerId}</span>
            {a.retryAt && <span>next attempt <RelativeTime iso={a.retryAt} /></span>}
          </div>
          {a.error && repeat && (
            <p className="mt-1 font-mono text-xs text-red-700 dark:text-red-300">
              {a.error.name}: {a.error.message.split("\n")[0]} <span className="text-zinc-500">(same error as attempt {repeat.attempt + 1})</span>
            </p>
          )}
          {a.error && !repeat && <div className="mt-2"><ErrorPanel error={a.error} compact /></div>}
        </li>
        );
      })}
    </ol>
  );
}
