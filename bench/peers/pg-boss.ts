import PgBoss from "pg-boss";
import { sleep } from "../support";

// pg-boss fetches jobs by polling (0.5 s at the least) and only fetches again after the poll
// interval, so it is fastest with large batches: each work() registration is one fetch loop
// taking up to BATCH jobs, and concurrency C runs C/10 loops (1 at 10, 5 at 50).
const BATCH = 500;

async function boss(connectionString: string) {
  const b = new PgBoss({ connectionString, max: 20, supervise: false, schedule: false });
  b.on("error", () => {});
  await b.start();
  await b.createQueue("bench");
  return b;
}

/** pg-boss: `count` no-op jobs inserted in batches, processed by concurrency/10 loops of 500-job batches. */
export async function pgBossThroughput(connectionString: string, count: number, concurrency: number): Promise<number> {
  const b = await boss(connectionString);
  for (let i = 0; i < count; i += 1_000) {
    await b.insert(Array.from({ length: Math.min(1_000, count - i) }, () => ({ name: "bench", data: {} })));
  }
  let done = 0;
  let finish!: () => void;
  const all = new Promise<void>((r) => (finish = r));
  const started = performance.now();
  for (let i = 0; i < Math.max(1, Math.round(concurrency / BATCH)); i++) {
    await b.work("bench", { batchSize: BATCH, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      done += jobs.length;
      if (done >= count) setImmediate(finish);
    });
  }
  await all;
  // A batch handler's return completes its jobs: wait until none is left unfinished.
  const db = b.getDb();
  while ((await db.executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'bench' AND state <> 'completed'`, [])).rows[0].n > 0) await sleep(10);
  const seconds = (performance.now() - started) / 1_000;
  await b.stop({ graceful: false, wait: true, close: true });
  return count / seconds;
}

export async function pgBossLatency(connectionString: string, samples: number): Promise<number[]> {
  const b = await boss(connectionString);
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  await b.work("bench", { batchSize: 10, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const j of jobs) latencies.push(performance.now() - sentAt.get((j.data as { i: number }).i)!);
  });
  await sleep(300);
  for (let i = 0; i < samples; i++) {
    sentAt.set(i, performance.now());
    await b.send("bench", { i });
    await sleep(5);
  }
  while (latencies.length < samples) await sleep(20);
  await b.stop({ graceful: false, wait: true, close: true });
  return latencies;
}
