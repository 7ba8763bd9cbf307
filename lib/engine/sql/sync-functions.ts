import type { DurableFunction } from "../sdk/create-function";
import type { Db } from "./db";

/** Makes the functions table match the code: the dashboard lists functions from it. */
export async function syncFunctions(db: Db, functions: DurableFunction[]): Promise<void> {
  await db.query(
    `WITH f AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[])
         AS f(id, name, trigger_event, retries, handles_function_id, failure_handler_id, config)
     ), upserted AS (
       INSERT INTO functions (id, name, trigger_event, retries, handles_function_id, failure_handler_id, config, synced_at)
       SELECT id, name, trigger_event, retries, handles_function_id, failure_handler_id, config::jsonb, now() FROM f
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, trigger_event = excluded.trigger_event,
         retries = excluded.retries, handles_function_id = excluded.handles_function_id,
         failure_handler_id = excluded.failure_handler_id, config = excluded.config, synced_at = now()
     )
     DELETE FROM functions WHERE id <> ALL($1::text[])`,
    [
      functions.map((f) => f.id),
      functions.map((f) => f.name),
      functions.map((f) => f.triggerEvent),
      functions.map((f) => f.retries),
      functions.map((f) => f.handlesFunctionId ?? null),
      functions.map((f) => f.failureHandler?.id ?? null),
      functions.map((f) => JSON.stringify({ retries: f.retries, trigger: { event: f.triggerEvent } })),
    ],
  );
}
