import { Logger, makeWorkerUtils, run } from "graphile-worker";
import pg from "pg";
import { sleep } from "../support";

// graphile-worker logs every job start; silence it so the bench measures work, not logging.
const quiet = new Logger(() => () => {});

/** A pool the bench owns and ends, so dropping the database afterwards cannot crash the process. */
function ownPool(connectionString: string, concurrency: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: concurrency + 2 });
  pool.on("error", () => {});
  return pool;
}

async function startRunner(pgPool: pg.Pool, concurrency: number, noop: () => void) {
  return run({
    pgPool,
    concurrency,
    noHandleSignals: true,
    pollInterval: 1_000,
    taskList: { noop: async () => noop() },
    logger: quiet,
  });
}

/** graphile-worker: `count` no-op jobs added with addJobs (batched), processed at `concurrency`. */
export async function graphileThroughput(connectionString: string, count: number, concurrency: number): Promise<number> {
  const pgPool = ownPool(connectionString, concurrency);
  const utils = await makeWorkerUtils({ pgPool });
  await utils.migrate();
  for (let i = 0; i < count; i += 1_000) {
    await utils.addJobs(Array.from({ length: Math.min(1_000, count - i) }, () => ({ identifier: "noop", payload: {} })));
  }
  let done = 0;
  let finish!: () => void;
  const all = new Promise<void>((r) => (finish = r));
  const started = performance.now();
  const runner = await startRunner(pgPool, concurrency, () => {
    if (++done === count) finish();
  });
  await all;
  // Wait for the last completions to be written: a job is finished when its row is gone.
  while ((await utils.withPgClient((c) => c.query("SELECT count(*)::int AS n FROM graphile_worker._private_jobs"))).rows[0].n > 0) await sleep(10);
  const seconds = (performance.now() - started) / 1_000;
  await runner.stop();
  await utils.release();
  await pgPool.end();
  return count / seconds;
}

/** graphile-worker: job start minus the moment addJob was called, idle workers, jobs 5 ms apart. */
export async function graphileLatency(connectionString: string, samples: number): Promise<number[]> {
  const pgPool = ownPool(connectionString, 10);
  const utils = await makeWorkerUtils({ pgPool });
  await utils.migrate();
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const runner = await run({
    pgPool,
    concurrency: 10,
    noHandleSignals: true,
    pollInterval: 1_000,
    taskList: { probe: async (payload) => void latencies.push(performance.now() - sentAt.get((payload as { i: number }).i)!) },
    logger: quiet,
  });
  await sleep(300);
  for (let i = 0; i < samples; i++) {
    sentAt.set(i, performance.now());
    await utils.addJob("probe", { i });
    await sleep(5);
  }
  while (latencies.length < samples) await sleep(20);
  await runner.stop();
  await utils.release();
  await pgPool.end();
  return latencies;
}
