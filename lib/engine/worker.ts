import os from "node:os";
import pg from "pg";
import { clampRetryAt, defaultBackoff } from "./backoff";
import { Batcher } from "./batcher";
import { type MemoStep, type Outcome, type SaveResult, type StepRecord, executeRun } from "./execute-run";
import { SYSTEM_TRIGGERS, buildFailureEvent } from "./failure-event";
import { planIngest } from "./ingest";
import type { FunctionRegistry } from "./registry";
import type { BackoffFn, FunctionEvent, Logger } from "./sdk/types";
import { type ClaimedRun, claimRuns } from "./sql/claim-runs";
import { QUEUE_CHANNEL } from "./sql/db";
import { type AttemptEnd, finishAttempts } from "./sql/finish-attempts";
import { insertEventsAndRuns } from "./sql/insert-events-and-runs";
import { extendLeases, releaseLeases } from "./sql/leases";
import { loadSteps } from "./sql/load-steps";
import { recordLostAttempts } from "./sql/record-lost-attempts";
import { type StepToSave, saveSteps } from "./sql/save-steps";
import type { NewEvent } from "./validate-events";

export interface WorkerOptions {
  pool: pg.Pool;
  /** For LISTEN, which needs a connection of its own. */
  connectionString: string;
  registry: FunctionRegistry;
  workerId?: string;
  /** Runs executing at once. */
  concurrency?: number;
  /** How long a claimed run stays ours without a heartbeat; a dead worker's runs are picked up after it. */
  leaseMs?: number;
  /** Fallback poll for runs that come due (retries, sleeps) without a notification. */
  pollMs?: number;
  backoff?: BackoffFn;
  log?: Pick<Console, "info" | "warn" | "error">;
}

interface Finish {
  end: AttemptEnd;
  failureEvent: NewEvent | null;
  /** Steps the attempt completed and has not stored yet: stored with its end. */
  steps: StepToSave[];
}

/**
 * Claims due runs from PostgreSQL and executes them, `concurrency` at a time. Idle workers wake
 * on NOTIFY; writes from concurrent runs are batched into shared statements.
 */
export class Worker {
  readonly id: string;
  private readonly pool: pg.Pool;
  private readonly registry: FunctionRegistry;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly backoff: BackoffFn;
  private readonly log: Pick<Console, "info" | "warn" | "error">;
  private readonly connectionString: string;

  private readonly inflight = new Map<string, Promise<void>>();
  /** Claimed (leased) runs waiting for a free slot. */
  private readonly claimed: Array<{ claim: ClaimedRun; memo: Map<string, MemoStep> }> = [];
  private filling = false;
  private fillAgain = false;
  private fillScheduled = false;
  private stopping = false;
  private timers: NodeJS.Timeout[] = [];
  private listener: pg.Client | null = null;

  private readonly stepWrites = new Batcher<StepToSave, { cancelRequested: boolean } | undefined>(async (items) => {
    const held = await saveSteps(this.pool, items);
    return items.map((i) => held.get(i.runId));
  });
  private readonly attemptEnds = new Batcher<Finish, boolean>((items) => this.writeFinishes(items));

  constructor(options: WorkerOptions) {
    this.pool = options.pool;
    this.connectionString = options.connectionString;
    this.registry = options.registry;
    this.id = options.workerId ?? `${os.hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
    this.concurrency = options.concurrency ?? 10;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.backoff = options.backoff ?? defaultBackoff();
    this.log = options.log ?? console;
  }

  async start(): Promise<void> {
    await this.listen();
    this.timers.push(setInterval(() => void this.fill(), this.pollMs));
    this.timers.push(setInterval(() => void this.heartbeat(), Math.max(50, Math.floor(this.leaseMs / 3))));
    void this.fill();
  }

  /** Stops claiming, lets attempts in flight finish for up to `graceMs`, then hands back the rest. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    // Runs claimed but not started go straight back.
    const waiting = this.claimed.splice(0).map((c) => c.claim.leaseId);
    if (waiting.length > 0) {
      await releaseLeases(this.pool, waiting).catch((err) => this.log.error("[worker] releasing leases:", err.message));
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inflight.values()]),
      new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timer);
    const unfinished = [...this.inflight.keys()];
    if (unfinished.length > 0) {
      await releaseLeases(this.pool, unfinished).catch((err) => this.log.error("[worker] releasing leases:", err.message));
    }
  }

  get busy(): number {
    return this.inflight.size;
  }

  private async listen(): Promise<void> {
    if (this.stopping) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    const retry = () => {
      if (this.listener !== client || this.stopping) return;
      this.listener = null;
      setTimeout(() => void this.listen(), 1_000);
    };
    client.on("notification", () => this.fillSoon());
    client.on("error", retry);
    client.on("end", retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${QUEUE_CHANNEL}`);
      this.listener = client;
      // Runs queued while we were not listening.
      void this.fill();
    } catch (err) {
      this.log.warn(`[worker ${this.id}] cannot LISTEN (${(err as Error).message}); polling every ${this.pollMs} ms until it can`);
      client.end().catch(() => {});
      setTimeout(() => void this.listen(), 1_000);
    }
  }

  private async heartbeat(): Promise<void> {
    try {
      await extendLeases(this.pool, [...this.inflight.keys(), ...this.claimed.map((c) => c.claim.leaseId)], this.leaseMs);
    } catch (err) {
      this.log.warn(`[worker ${this.id}] lease heartbeat failed: ${(err as Error).message}`);
    }
  }

  /**
   * Claims on the next tick: runs finished by one batched write all free their slots in the same
   * tick, and one claim for all of them beats one claim each.
   */
  private fillSoon(): void {
    if (this.fillScheduled) return;
    this.fillScheduled = true;
    setImmediate(() => {
      this.fillScheduled = false;
      void this.fill();
    });
  }

  /** Claims as many due runs as there are free slots, until none are due. */
  private async fill(): Promise<void> {
    if (this.filling) {
      this.fillAgain = true;
      return;
    }
    this.filling = true;
    try {
      while (!this.stopping) {
        this.startClaimed();
        // Keep up to `concurrency` claimed runs waiting beside the ones executing: the next batch
        // is at hand when one finishes, and claiming overlaps executing instead of alternating.
        const want = 2 * this.concurrency - this.inflight.size - this.claimed.length;
        if (want <= 0) break;
        const claims = await claimRuns(this.pool, this.id, want, this.leaseMs);
        if (claims.length === 0) break;
        const resumed = claims.filter((c) => c.attempts > 0 || c.lostBy).map((c) => c.runId);
        const steps = await loadSteps(this.pool, resumed);
        for (const claim of claims) this.claimed.push({ claim, memo: steps.get(claim.runId) ?? new Map() });
        this.startClaimed();
        if (claims.length < want) break;
      }
    } catch (err) {
      // The database is away or refused: the poll timer tries again.
      this.log.warn(`[worker ${this.id}] claiming runs failed: ${(err as Error).message}`);
    } finally {
      this.filling = false;
      if (this.fillAgain) {
        this.fillAgain = false;
        setImmediate(() => void this.fill());
      }
    }
  }

  /** Starts claimed runs while slots are free. */
  private startClaimed(): void {
    while (!this.stopping && this.inflight.size < this.concurrency && this.claimed.length > 0) {
      const { claim, memo } = this.claimed.shift()!;
      const done = this.process(claim, memo).finally(() => {
        this.inflight.delete(claim.leaseId);
        this.startClaimed();
        this.fillSoon();
      });
      this.inflight.set(claim.leaseId, done);
    }
  }

  private async process(claim: ClaimedRun, memo: Map<string, MemoStep>): Promise<void> {
    const startedAt = new Date();
    const fn = this.registry.get(claim.functionId);
    const event: FunctionEvent = {
      id: claim.event.externalId ?? claim.event.id,
      name: claim.event.name,
      data: claim.event.data,
      user: claim.event.user,
      ts: claim.event.ts.getTime(),
      ...(claim.event.v ? { v: claim.event.v } : {}),
    };
    try {
      let attempt = claim.attempt;
      if (claim.lostBy) {
        await recordLostAttempts(this.pool, [
          { runId: claim.runId, leaseId: claim.leaseId, lostBy: claim.lostBy, since: claim.lostSince ?? startedAt, attempt },
        ]);
        attempt += 1;
      }
      let outcome: Outcome;
      if (claim.cancelRequested) {
        outcome = { kind: "cancelled", attempt, steps: [] };
      } else if (!fn) {
        outcome = {
          kind: "failed",
          attempt,
          stepId: null,
          reason: "non-retriable",
          error: { name: "FunctionNotFoundError", message: `no function "${claim.functionId}" is defined in this server's code` },
          steps: [],
        };
      } else if (attempt >= claim.maxAttempts) {
        outcome = {
          kind: "failed",
          attempt: attempt - 1,
          stepId: null,
          reason: "exhausted",
          error: { name: "WorkerLostError", message: `the run's worker died on each of its ${claim.maxAttempts} attempts` },
          steps: [],
        };
      } else {
        const logger = runLogger(this.log, claim.runId);
        outcome = await executeRun(fn, { runId: claim.runId, attempt, maxAttempts: claim.maxAttempts, event, memo }, this.stepStore(claim), logger);
      }
      await this.finish(claim, fn?.backoff ?? this.backoff, event, outcome, startedAt);
    } catch (err) {
      // Nothing was written for this attempt: once the lease lapses another claim retries it.
      this.log.error(`[worker ${this.id}] run ${claim.runId}: ${(err as Error).message}`);
    }
  }

  private stepStore(claim: ClaimedRun) {
    return {
      save: async (step: StepRecord, events?: NewEvent[]): Promise<SaveResult> => {
        if (events && events.length > 0) return this.saveStepWithEvents(claim, step, events);
        const held = await this.stepWrites.add({ runId: claim.runId, leaseId: claim.leaseId, step });
        return { leaseLost: !held, cancelRequested: held?.cancelRequested ?? false, releaseRequested: this.stopping };
      },
    };
  }

  /** step.sendEvent: the step and the events it sends (with their runs) commit together. */
  private async saveStepWithEvents(claim: ClaimedRun, step: StepRecord, events: NewEvent[]): Promise<SaveResult> {
    const plan = planIngest(this.registry, events);
    const output = { ids: plan.events.map((e) => e.id) };
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const held = await saveSteps(client, [{ runId: claim.runId, leaseId: claim.leaseId, step: { ...step, output } }]);
      const state = held.get(claim.runId);
      if (state) await insertEventsAndRuns(client, plan.events, plan.runs);
      await client.query("COMMIT");
      return { leaseLost: !state, cancelRequested: state?.cancelRequested ?? false, output };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  private async finish(claim: ClaimedRun, backoff: BackoffFn, event: FunctionEvent, outcome: Outcome, startedAt: Date): Promise<void> {
    if (outcome.kind === "lease-lost") return;
    const base = { runId: claim.runId, leaseId: claim.leaseId, workerId: this.id, startedAt, output: null, runError: null, failureEventId: null, attemptError: null, stepId: null };
    let end: AttemptEnd;
    let failureEvent: NewEvent | null = null;
    switch (outcome.kind) {
      case "completed":
        end = { ...base, runStatus: "COMPLETED", output: outcome.output, nextAttempt: outcome.attempt, runAt: null, attemptStatus: "COMPLETED", attempt: outcome.attempt };
        break;
      case "retry": {
        const runAt = outcome.retryAt ? clampRetryAt(outcome.retryAt) : new Date(Date.now() + backoff(outcome.attempt));
        end = { ...base, runStatus: null, nextAttempt: outcome.attempt + 1, runAt, attemptStatus: "FAILED", attempt: outcome.attempt, attemptError: outcome.error, stepId: outcome.stepId };
        this.wakeAt(runAt);
        break;
      }
      case "failed":
        end = { ...base, runStatus: "FAILED", runError: outcome.error, nextAttempt: outcome.attempt, runAt: null, attemptStatus: "FAILED", attempt: outcome.attempt, attemptError: outcome.error, stepId: outcome.stepId };
        if (!SYSTEM_TRIGGERS.has(claim.event.name)) {
          failureEvent = buildFailureEvent(claim.functionId, claim.runId, event, outcome.error, outcome.reason);
        }
        break;
      case "sleep": {
        const sleepStep = outcome.steps.findLast((st) => st.op === "SLEEP");
        end = { ...base, runStatus: null, nextAttempt: 0, runAt: outcome.until, attemptStatus: "SLEEPING", attempt: outcome.attempt, stepId: sleepStep?.id ?? null };
        this.wakeAt(outcome.until);
        break;
      }
      case "cancelled":
        end = { ...base, runStatus: "CANCELLED", nextAttempt: outcome.attempt, runAt: null, attemptStatus: "CANCELLED", attempt: outcome.attempt };
        break;
      case "released":
        end = { ...base, runStatus: null, nextAttempt: outcome.attempt, runAt: new Date(), attemptStatus: "RELEASED", attempt: outcome.attempt };
        break;
    }
    const steps = outcome.steps.map((step) => ({ runId: claim.runId, leaseId: claim.leaseId, step }));
    await this.attemptEnds.add({ end, failureEvent, steps });
  }

  /**
   * Writes a batch of attempt ends. When runs failed for good, their failure events and the
   * failure-handler runs those start commit in the same transaction as the failure itself.
   */
  private async writeFinishes(items: Finish[]): Promise<boolean[]> {
    const failures = items.filter((i) => i.failureEvent);
    if (failures.length === 0) {
      const written = await finishAttempts(this.pool, items.map((i) => i.end), items.flatMap((i) => i.steps));
      return items.map((i) => written.has(i.end.runId));
    }
    const plan = planIngest(this.registry, failures.map((f) => f.failureEvent!));
    failures.forEach((f, i) => (f.end.failureEventId = plan.events[i].id));
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const written = await finishAttempts(client, items.map((i) => i.end), items.flatMap((i) => i.steps));
      const keptEvents = new Set(failures.filter((f) => written.has(f.end.runId)).map((f) => f.end.failureEventId));
      await insertEventsAndRuns(
        client,
        plan.events.filter((e) => keptEvents.has(e.id)),
        plan.runs.filter((r) => keptEvents.has(r.eventId)),
      );
      await client.query("COMMIT");
      return items.map((i) => written.has(i.end.runId));
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** Claims again when a retry or sleep we scheduled comes due, sooner than the poll would. */
  private wakeAt(at: Date): void {
    const delay = at.getTime() - Date.now();
    if (delay >= this.pollMs) return;
    setTimeout(() => void this.fill(), Math.max(0, delay) + 5).unref?.();
  }
}

function runLogger(log: Pick<Console, "info" | "warn" | "error">, runId: string): Logger {
  return {
    info: (...args) => log.info(`[run ${runId}]`, ...args),
    warn: (...args) => log.warn(`[run ${runId}]`, ...args),
    error: (...args) => log.error(`[run ${runId}]`, ...args),
  };
}
