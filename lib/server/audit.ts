import { getPool } from "@/lib/db/pool";
import type { AuditEntry } from "@/lib/api-types";

export async function recordAudit(entry: { actor: string; action: AuditEntry["action"]; runId?: string | null; resultRunId?: string | null; eventId?: string | null }) {
  await getPool().query(
    `INSERT INTO audit_log (actor, action, run_id, result_run_id, event_id) VALUES ($1, $2, $3, $4, $5)`,
    [entry.actor, entry.action, entry.runId ?? null, entry.resultRunId ?? null, entry.eventId ?? null],
  );
}
