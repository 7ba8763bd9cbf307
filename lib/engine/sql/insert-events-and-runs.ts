import { type Db, QUEUE_CHANNEL } from "./db";

export interface EventRow {
  id: string;
  externalId: string | null;
  name: string;
  data: unknown;
  user: unknown;
  ts: number;
  v: string | null;
}

export interface RunRow {
  id: string;
  functionId: string;
  eventId: string;
  eventName: string;
  maxAttempts: number;
  /** Event id for the 24 h dedupe; null skips the check (reruns, handler invocations). */
  dedupeKey: string | null;
  rerunOfId: string | null;
  failedRunId: string | null;
}

/**
 * Stores events, their runs and the runs' queue entries in one statement, so an event is never
 * stored without its runs or the other way round, and wakes idle workers when it commits.
 * A run whose (function, dedupe key) already started a run in the last 24 h is not created.
 * Returns the ids of the runs created.
 */
export async function insertEventsAndRuns(db: Db, events: EventRow[], runs: RunRow[]): Promise<string[]> {
  const { rows } = await db.query<{ run_ids: string[] }>(
    `WITH ev AS (
       INSERT INTO events (id, external_id, name, data, "user", ts, v)
       SELECT id, external_id, name, data::jsonb, usr::jsonb, ts, v
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])
         AS e(id, external_id, name, data, usr, ts, v)
     ), cand AS (
       SELECT * FROM unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::text[], $14::text[], $15::text[])
         AS c(id, function_id, event_id, event_name, max_attempts, dedupe_key, rerun_of_id, failed_run_id)
     ), keys AS (
       INSERT INTO run_keys (function_id, key, run_id)
       SELECT function_id, dedupe_key, id FROM cand WHERE dedupe_key IS NOT NULL
       ON CONFLICT (function_id, key) DO UPDATE SET run_id = excluded.run_id, created_at = now()
         WHERE run_keys.created_at < now() - interval '24 hours'
       RETURNING run_id
     ), ins AS (
       INSERT INTO runs (id, function_id, event_id, event_name, max_attempts, rerun_of_id, failed_run_id)
       SELECT id, function_id, event_id, event_name, max_attempts, rerun_of_id, failed_run_id FROM cand
       WHERE dedupe_key IS NULL OR id IN (SELECT run_id FROM keys)
       RETURNING id
     ), q AS (
       INSERT INTO queue (run_id) SELECT id FROM ins RETURNING run_id
     )
     SELECT coalesce(array_agg(run_id), '{}') AS run_ids,
            CASE WHEN count(*) > 0 THEN pg_notify('${QUEUE_CHANNEL}', '') END AS notified
     FROM q`,
    [
      events.map((e) => e.id),
      events.map((e) => e.externalId),
      events.map((e) => e.name),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.user)),
      events.map((e) => new Date(e.ts).toISOString()),
      events.map((e) => e.v),
      runs.map((r) => r.id),
      runs.map((r) => r.functionId),
      runs.map((r) => r.eventId),
      runs.map((r) => r.eventName),
      runs.map((r) => r.maxAttempts),
      runs.map((r) => r.dedupeKey),
      runs.map((r) => r.rerunOfId),
      runs.map((r) => r.failedRunId),
    ],
  );
  return rows[0].run_ids;
}
