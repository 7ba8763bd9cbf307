"use client";

import Link from "next/link";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/States";
import { useFunctions } from "@/lib/client/functions";
import { formatPercent } from "@/lib/format";
import type { FunctionView } from "@/lib/api-types";

export default function FunctionsPage() {
  const fns = useFunctions();
  if (fns.isPending) return <Skeleton />;
  if (fns.isError) return <ErrorState error={fns.error} />;
  const all = fns.data.functions;
  const handlers = new Map(all.filter((f) => f.handlesFunctionId).map((f) => [f.handlesFunctionId!, f]));
  const main = all.filter((f) => !f.handlesFunctionId);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Functions</h1>
      {main.length === 0 ? <EmptyState title="No functions defined">Add one in <code className="font-mono">functions/index.ts</code>.</EmptyState> : (
        <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900/60">
              <tr>
                <th className="px-3 py-2 font-medium">Function</th><th className="px-3 py-2 font-medium">Trigger</th><th className="px-3 py-2 text-right font-medium">Retries</th>
                <th className="px-3 py-2 font-medium">Failure handler</th><th className="px-3 py-2 text-right font-medium">Runs 24 h</th><th className="px-3 py-2 text-right font-medium">Failed 24 h</th><th className="px-3 py-2 text-right font-medium">Failure rate</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {main.map((f) => <FunctionRow key={f.id} fn={f} handler={handlers.get(f.id)} />)}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function FunctionRow({ fn, handler }: { fn: FunctionView; handler?: FunctionView }) {
  const s = fn.last24h;
  return (
    <tr data-testid="function-row" data-function-id={fn.id}>
      <td className="px-3 py-2">
        <Link href={`/?function=${encodeURIComponent(fn.id)}`} className="font-medium hover:underline">{fn.name}</Link>
        <div className="font-mono text-xs text-zinc-400">{fn.id}</div>
      </td>
      <td className="px-3 py-2 font-mono text-xs">{fn.triggerEvent}</td>
      <td className="px-3 py-2 text-right tabular-nums">{fn.retries}</td>
      <td className="px-3 py-2 text-xs">
        {handler ? (
          <Link href={`/?function=${encodeURIComponent(handler.id)}`} className="font-mono hover:underline">{handler.id}</Link>
        ) : <span className="text-zinc-400">none</span>}
        {handler && handler.last24h.runs > 0 && <span className="ml-1 text-zinc-500">({handler.last24h.runs} runs)</span>}
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{s.runs}</td>
      <td className="px-3 py-2 text-right tabular-nums">
        {s.failed > 0 ? <Link className="font-semibold text-red-700 underline dark:text-red-300" href={`/?function=${encodeURIComponent(fn.id)}&status=FAILED`}>{s.failed}</Link> : 0}
      </td>
      <td className={`px-3 py-2 text-right tabular-nums ${s.failureRate && s.failureRate > 0.1 ? "font-semibold text-red-700 dark:text-red-300" : ""}`}>{formatPercent(s.failureRate)}</td>
    </tr>
  );
}
