"use client";

import { FunctionsTable } from "@/components/functions/FunctionsTable";
import { groupFunctions } from "@/components/functions/group-functions";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/States";
import { useFunctions } from "@/lib/client/functions";

export default function FunctionsPage() {
  const functions = useFunctions();
  return (
    <div className="space-y-4">
      <div className="flex items-baseline gap-3">
        <h1 className="text-xl font-semibold">Functions</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Runs and failures over the last 24 hours; failure handlers shown with their function.</p>
      </div>
      {functions.isPending ? <Skeleton rows={4} /> : functions.isError ? <ErrorState error={functions.error} onRetry={() => void functions.refetch()} /> : functions.data.functions.length === 0 ? (
        <EmptyState title="No functions defined">Add one in <code className="font-mono">functions/index.ts</code>.</EmptyState>
      ) : (
        <FunctionsTable groups={groupFunctions(functions.data.functions)} />
      )}
    </div>
  );
}
