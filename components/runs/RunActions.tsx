"use client";

import type { RunDetail } from "@/lib/api-types";
import { useCancelRun, useHandleFailure, useRetryRun } from "@/lib/client/runs";
import { Button } from "@/components/ui/Button";
import { useToast } from "@/components/ui/Toast";

/** Retry, Handle failure, Cancel: each disabled with the server's reason when it does not apply. */
export function RunActions({ run }: { run: RunDetail }) {
  const toast = useToast();
  const retry = useRetryRun();
  const handle = useHandleFailure();
  const cancel = useCancelRun();
  const refused = (err: Error) => toast({ tone: "error", text: `Refused: ${err.message}` });

  return (
    <div className="flex flex-wrap gap-2">
      <Button tone="primary" disabledReason={run.actions.retry.allowed ? undefined : run.actions.retry.reason} busy={retry.isPending}
        onClick={() => retry.mutate(run.id, {
          onSuccess: ({ run: created }) => toast({ tone: "success", text: `Retry started: run ${created.id}`, link: { href: `/runs/${created.id}`, label: "Open the new run" } }),
          onError: refused,
        })}>
        Retry
      </Button>
      <Button tone="neutral" disabledReason={run.actions.handleFailure.allowed ? undefined : run.actions.handleFailure.reason} busy={handle.isPending}
        onClick={() => handle.mutate(run.id, {
          onSuccess: ({ run: created }) => toast({ tone: "success", text: `Failure handler started: run ${created.id}`, link: { href: `/runs/${created.id}`, label: "Open the handler run" } }),
          onError: refused,
        })}>
        Handle failure
      </Button>
      <Button tone="danger" disabledReason={run.actions.cancel.allowed ? undefined : run.actions.cancel.reason} busy={cancel.isPending}
        onClick={() => {
          if (!window.confirm(`Cancel run ${run.id}? A step in flight finishes; no later step runs.`)) return;
          cancel.mutate(run.id, {
            onSuccess: ({ run: r }) => toast({ tone: "success", text: r.status === "CANCELLED" ? "Run cancelled" : "Cancellation requested: it stops after the step in flight" }),
            onError: refused,
          });
        }}>
        Cancel
      </Button>
    </div>
  );
}
