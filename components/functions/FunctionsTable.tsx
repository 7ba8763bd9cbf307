import Link from "next/link";
import type { FunctionView } from "@/lib/api-types";
import { FailureRate } from "./FailureRate";
import type { FunctionGroup } from "./group-functions";

const runsHref = (id: string, failed = false) => `/?function=${encodeURIComponent(id)}${failed ? "&status=FAILED" : ""}`;

/** Each function with its trigger, retries, failure handler and the last 24 hours of runs. */
export function FunctionsTable({ groups }: { groups: FunctionGroup[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-sm">
        <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900/60">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Function</th>
            <th scope="col" className="px-3 py-2 font-medium">Trigger</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Retries</th>
            <th scope="col" className="px-3 py-2 font-medium">Failure handler</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Runs · 24 h</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Failed · 24 h</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Failure rate</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {groups.map((g) => <FunctionRow key={g.fn.id} fn={g.fn} handler={g.handler} />)}
        </tbody>
      </table>
    </div>
  );
}

function FunctionRow({ fn, handler }: { fn: FunctionView; handler: FunctionView | null }) {
  const s = fn.last24h;
  const orphanHandler = Boolean(fn.handlesFunctionId);
  return (
    <tr data-testid="function-row" data-function-id={fn.id} className="align-top">
      <td className="px-3 py-2.5">
        <Link href={runsHref(fn.id)} className="font-medium hover:underline">{fn.name}</Link>
        <div className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{fn.id}</div>
        {orphanHandler && <div className="text-xs text-zinc-500">failure handler of <span className="font-mono">{fn.handlesFunctionId}</span> (no longer defined)</div>}
      </td>
      <td className="px-3 py-2.5">
        <Link href={`/events?name=${encodeURIComponent(fn.triggerEvent)}`} className="font-mono text-xs hover:underline" title="Events with this name">{fn.triggerEvent}</Link>
        {!fn.triggerEvent.startsWith("inngest/") && (
          <div><Link href={`/events?send=${encodeURIComponent(fn.triggerEvent)}`} className="text-xs text-zinc-500 underline hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200">Send a test event</Link></div>
        )}
      </td>
      <td className="px-3 py-2.5 text-right">
        <span className="tabular-nums">{fn.retries}</span>
        <div className="text-xs text-zinc-500 dark:text-zinc-400">{fn.retries + 1} attempts a step</div>
      </td>
      <td className="px-3 py-2.5" data-testid="failure-handler">
        {handler ? <HandlerCell handler={handler} /> : !orphanHandler && <span className="text-zinc-400">none</span>}
      </td>
      <td className="px-3 py-2.5 text-right tabular-nums">
        {s.runs > 0 ? <Link href={runsHref(fn.id)} data-testid="runs-24h" className="underline decoration-zinc-300 hover:decoration-current dark:decoration-zinc-600">{s.runs}</Link> : <span className="text-zinc-400">0</span>}
      </td>
      <td className="px-3 py-2.5 text-right tabular-nums">
        {s.failed > 0
          ? <Link href={runsHref(fn.id, true)} data-testid="failed-24h" aria-label={`${s.failed} failed runs of ${fn.name} in the last 24 h`} className="font-semibold text-red-700 underline dark:text-red-300">{s.failed}</Link>
          : <span data-testid="failed-24h" className="text-zinc-400">0</span>}
      </td>
      <td className="px-3 py-2.5 text-right"><FailureRate rate={s.failureRate} /></td>
    </tr>
  );
}

/** The handler as part of its function's row: which one, and how its own runs went. */
function HandlerCell({ handler }: { handler: FunctionView }) {
  const s = handler.last24h;
  return (
    <div>
      <Link href={runsHref(handler.id)} className="font-mono text-xs hover:underline" title={handler.name}>{handler.id}</Link>
      <div className="text-xs text-zinc-500 dark:text-zinc-400">
        {s.runs === 0 ? "no runs in 24 h" : <>{s.runs} run{s.runs === 1 ? "" : "s"} in 24 h</>}
        {s.failed > 0 && <>, <Link href={runsHref(handler.id, true)} className="font-semibold text-red-700 underline dark:text-red-300">{s.failed} failed</Link></>}
      </div>
    </div>
  );
}
