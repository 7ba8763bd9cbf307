import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type TestServer, startServer } from "../support/server";
import { type Rand, deeplyNested, prng, randomEvent, randomJson, randomString } from "../support/fuzz-input";

// Hostile input against a real server: every answer must be a success or a 4xx with a reason,
// never a 5xx or a hang, and a rejected batch must store nothing.
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const CONCURRENCY = 20;

let server: TestServer;
let db: pg.Client;
beforeAll(async () => {
  server = await startServer(3602);
  db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
}, 180_000);
afterAll(async () => {
  await db?.end();
  await server?.stop();
});

interface FuzzRequest {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** An ingest request: its 200 adds events, anything else must add none. */
  ingest?: boolean;
}

/** URLs cannot carry unpaired surrogates: they become U+FFFD, as a browser would send them. */
const segment = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/gu, "\uFFFD"));

function query(r: Rand, names: string[]): string {
  const p = new URLSearchParams();
  for (let i = r.int(4); i > 0; i--) p.append(r.pick(names), r.next() < 0.3 ? String(r.int(500) - 50) : randomString(r));
  return p.toString();
}

function request(r: Rand, runIds: string[]): FuzzRequest {
  const id = () => (r.next() < 0.3 && runIds.length ? r.pick(runIds) : segment(randomString(r).slice(0, 80) || "x"));
  switch (r.int(12)) {
    case 0: case 1: case 2: {
      const shape = r.int(6);
      const body =
        shape === 0 ? JSON.stringify(randomEvent(r))
        : shape === 1 ? JSON.stringify(Array.from({ length: r.int(5) }, () => randomEvent(r)))
        : shape === 2 ? randomString(r)
        : shape === 3 ? deeplyNested(r.pick([10, 100, 10_000]))
        : shape === 4 ? JSON.stringify(randomJson(r))
        : JSON.stringify(Array.from({ length: r.pick([5_001, 100]) }, () => ({ name: "fuzz/x" })));
      const path = r.next() < 0.5 ? "/api/events" : `/e/${segment(randomString(r).slice(0, 40) || "k")}`;
      return { method: "POST", path, body, ingest: true, headers: { "content-type": r.pick(["application/json", "text/plain", "application/x-www-form-urlencoded", ""]) } };
    }
    case 3: return { method: "GET", path: `/api/events?${query(r, ["name", "q", "cursor", "limit"])}` };
    case 4: return { method: "GET", path: `/api/events/${id()}` };
    case 5: case 6: return { method: "GET", path: `/api/runs?${query(r, ["status", "function", "event", "from", "to", "q", "cursor", "after", "limit"])}` };
    case 7: return { method: "GET", path: `/api/runs/${id()}` };
    case 8: return { method: "POST", path: `/api/runs/${id()}/${r.pick(["retry", "handle-failure", "cancel"])}`, body: r.next() < 0.5 ? randomString(r) : undefined };
    case 9: return { method: r.pick(["PUT", "DELETE", "PATCH"]), path: r.pick(["/api/events", "/api/runs", `/api/runs/${id()}`, "/e/k"]) };
    case 10: return { method: "POST", path: "/api/auth/login", body: r.next() < 0.5 ? JSON.stringify(randomJson(r)) : randomString(r) };
    default: return { method: "GET", path: r.pick(["/api/functions", "/api/health", "/api/auth/me"]) };
  }
}

/** Events sent by clients (the engine's own are inngest/…, a prefix clients may not use). */
async function eventCount(): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM events WHERE name NOT LIKE 'inngest/%'`);
  return rows[0].n;
}

it(`${REQUESTS} generated requests to every route: no 5xx, no hang, a reason with every 4xx, nothing half-stored`, async () => {
  const r = prng(SEED);
  // Some real runs, so actions and lookups also hit existing ids.
  const seeded = await fetch(`${server.url}/api/events`, { method: "POST", body: JSON.stringify([{ name: "job/foobar" }, { name: "test/non-retriable" }]) });
  expect(seeded.status).toBe(200);
  await new Promise((res) => setTimeout(res, 500));
  const runIds = ((await (await fetch(`${server.url}/api/runs`)).json()).runs as Array<{ id: string }>).map((x) => x.id);

  const eventsBefore = await eventCount();
  let acceptedEvents = 0;
  const problems: string[] = [];
  const statuses = new Map<number, number>();
  const requests = Array.from({ length: REQUESTS }, () => request(r, runIds));
  let next = 0;

  async function lane() {
    while (next < requests.length) {
      const req = requests[next++];
      let res: Response;
      try {
        res = await fetch(server.url + req.path, { method: req.method, body: req.body, headers: req.headers, signal: AbortSignal.timeout(10_000) });
      } catch (err) {
        problems.push(`${req.method} ${req.path.slice(0, 80)}: ${(err as Error).name} ${(err as Error).message}`);
        continue;
      }
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const text = await res.text();
      if (res.status >= 500) problems.push(`${res.status} ${req.method} ${req.path.slice(0, 80)} body=${(req.body ?? "").slice(0, 80)} → ${text.slice(0, 200)}`);
      // 431: Node's HTTP parser refuses URLs over 16 KiB before any route runs; the status is the reason.
      else if (res.status === 431) continue;
      else if (res.status >= 400) {
        let reason = "";
        try {
          reason = JSON.parse(text).error;
        } catch {
          // not JSON
        }
        if (typeof reason !== "string" || reason.trim() === "") problems.push(`${res.status} without a reason: ${req.method} ${req.path.slice(0, 80)} → ${text.slice(0, 100)}`);
      } else if (req.ingest) {
        acceptedEvents += (JSON.parse(text).ids as string[]).length;
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));

  console.log(`fuzz: ${REQUESTS} requests (seed ${SEED}), statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  expect(problems.slice(0, 20)).toEqual([]);
  // Client events grew by exactly the ones acknowledged with 200: rejected batches stored nothing.
  expect(await eventCount()).toBe(eventsBefore + acceptedEvents);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
}, 300_000);

