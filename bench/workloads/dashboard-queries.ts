import { type BenchDb, freshDatabase, percentile, startServer } from "../support";

const FUNCTIONS = ["send-email", "charge-card", "sync-crm", "resize-image", "import-orders", "notify-slack", "build-report", "cleanup"];

/**
 * Fills a database with `runs` runs (and their events) in SQL: eight functions, a week of queue
 * times, 85% completed, 5% failed with stacks, the rest running, queued or cancelled; plus one
 * run with 50 steps and 5 attempts each.
 */
async function fill(db: BenchDb, runs: number): Promise<{ detailRunId: string }> {
  await db.pool.query(`
    CREATE FUNCTION bench_ulid(t timestamptz) RETURNS text LANGUAGE plpgsql AS $$
    DECLARE a text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; ms bigint := (extract(epoch FROM t) * 1000)::bigint; o text := '';
    BEGIN
      FOR i IN 1..10 LOOP o := substr(a, (ms % 32)::int + 1, 1) || o; ms := ms / 32; END LOOP;
      FOR i IN 1..16 LOOP o := o || substr(a, floor(random() * 32)::int + 1, 1); END LOOP;
      RETURN o;
    END $$`);
  await db.pool.query(`SELECT setseed(0.42)`);
  for (let done = 0; done < runs; done += 100_000) {
    const n = Math.min(100_000, runs - done);
    await db.pool.query(
      `WITH g AS (
         SELECT now() - random() * interval '7 days' AS t, random() AS r, floor(random() * 8)::int AS f FROM generate_series(1, $1)
       ), ids AS (
         SELECT bench_ulid(t) AS event_id, bench_ulid(t) AS run_id, t, r, f, 'ext-' || md5(random()::text) AS ext FROM g
       ), ev AS (
         INSERT INTO events (id, external_id, name, data, "user", ts, received_at)
         SELECT event_id, ext, 'app/' || ($2::text[])[f + 1], jsonb_build_object('orderId', floor(r * 100000)), '{}', t, t FROM ids
       )
       INSERT INTO runs (id, function_id, event_id, event_name, status, attempts, max_attempts, queued_at, started_at, ended_at, error, output)
       SELECT run_id, ($2::text[])[f + 1], event_id, 'app/' || ($2::text[])[f + 1],
              (CASE WHEN r < 0.85 THEN 'COMPLETED' WHEN r < 0.90 THEN 'FAILED' WHEN r < 0.95 THEN 'RUNNING' WHEN r < 0.98 THEN 'QUEUED' ELSE 'CANCELLED' END)::"RunStatus",
              CASE WHEN r >= 0.85 AND r < 0.90 THEN 5 ELSE 1 END, 5, t, t + interval '5 ms', CASE WHEN r < 0.90 OR r >= 0.98 THEN t + interval '250 ms' END,
              CASE WHEN r >= 0.85 AND r < 0.90 THEN jsonb_build_object('name', 'Error', 'message', 'upstream returned 503',
                'stack', 'Error: upstream returned 503' || repeat(E'\\n    at handler (/srv/app/functions/x.ts:12:11)', 12)) END,
              CASE WHEN r < 0.85 THEN '{"ok": true}'::jsonb END
       FROM ids`,
      [n, FUNCTIONS],
    );
  }
  // One run with 50 steps and 5 attempts each, for the run-detail query.
  const { rows } = await db.pool.query(`SELECT id FROM runs WHERE status = 'FAILED' LIMIT 1`);
  const detailRunId = rows[0].id;
  await db.pool.query(
    `INSERT INTO steps (run_id, id, name, op, status, position, output, attempts, started_at, ended_at)
     SELECT $1, 'step-' || i, 'step-' || i, 'RUN', 'COMPLETED', i, jsonb_build_object('i', i), 5, now(), now() FROM generate_series(1, 50) i`,
    [detailRunId],
  );
  await db.pool.query(
    `INSERT INTO attempts (run_id, number, attempt, step_id, status, error, worker_id, started_at, ended_at)
     SELECT $1, n, n % 5, 'step-' || (n / 5 + 1), 'FAILED', '{"name":"Error","message":"boom","stack":"Error: boom\\n    at x (/a.ts:1:1)"}', 'bench', now(), now()
     FROM generate_series(0, 249) n`,
    [detailRunId],
  );
  // What autovacuum does to a table in steady state: sets the visibility map, so the capped
  // status counts are index-only scans, and refreshes the statistics.
  await db.pool.query(`VACUUM ANALYZE`);
  return { detailRunId };
}

export interface QueryTimings {
  [query: string]: { p50: number; p95: number };
}

/** p50/p95 of the dashboard's API calls against a database of `runs` runs, through the real server. */
export async function relayDashboardQueries(runs: number, samples: number, port: number): Promise<{ timings: QueryTimings; peakRssMb: number }> {
  const db = await freshDatabase();
  try {
    const { detailRunId } = await fill(db, runs);
    const pick = async (sql: string) => (await db.pool.query(sql)).rows[0];
    const mid = await pick(`SELECT id, event_id FROM runs ORDER BY id OFFSET ${Math.floor(runs / 2)} LIMIT 1`);
    const deep = await pick(`SELECT id FROM runs ORDER BY id DESC OFFSET ${Math.floor(runs * 0.9)} LIMIT 1`);
    const ext = await pick(`SELECT external_id FROM events WHERE id = '${mid.event_id}'`);
    const from = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const to = new Date(Date.now() - 3 * 86_400_000 + 3_600_000).toISOString();
    const server = await startServer(db.url, port, { WORKER_CONCURRENCY: "0" });
    try {
      const queries: Record<string, string> = {
        "runs: no filter": "/api/runs",
        "runs: status=FAILED": "/api/runs?status=FAILED",
        "runs: function + status": "/api/runs?function=charge-card&status=FAILED",
        "runs: 1 h time range": `/api/runs?from=${from}&to=${to}`,
        "runs: by run id": `/api/runs?q=${mid.id}`,
        "runs: by sender's event id": `/api/runs?q=${ext.external_id}`,
        "runs: deep page (90%)": `/api/runs?cursor=${deep.id}`,
        "runs: deep page, FAILED": `/api/runs?status=FAILED&cursor=${deep.id}`,
        "run detail: 50 steps × 5 attempts": `/api/runs/${detailRunId}`,
      };
      const timings: QueryTimings = {};
      for (const [label, path] of Object.entries(queries)) {
        const times: number[] = [];
        for (let i = 0; i < samples + 3; i++) {
          const t = performance.now();
          const res = await fetch(server.url + path);
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
          if (i >= 3) times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        timings[label] = { p50: percentile(times, 50), p95: percentile(times, 95) };
      }
      return { timings, peakRssMb: server.peakRssMb() };
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}
