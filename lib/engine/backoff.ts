import type { BackoffFn } from "./sdk/types";

// Inngest's table (pkg/backoff/backoff.go), indexed by the zero-based attempt that just failed.
const TABLE_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_200_000, 2_400_000, 3_600_000, 7_200_000];
const MAX_JITTER_MS = 30_000;

/** Inngest's default: the table above plus 0-30 s of jitter, so failed runs do not retry in lockstep. */
export const inngestBackoff: BackoffFn = (failedAttempt) =>
  TABLE_MS[Math.min(Math.max(failedAttempt, 0), TABLE_MS.length - 1)] + Math.floor(Math.random() * MAX_JITTER_MS);

/** A fixed delay, for tests and local development (RETRY_BACKOFF_MS). */
export const fixedBackoff = (ms: number): BackoffFn => () => ms;

/** The server-wide default: RETRY_BACKOFF_MS when set, else Inngest's table. */
export function defaultBackoff(env: Record<string, string | undefined> = process.env): BackoffFn {
  const fixed = env.RETRY_BACKOFF_MS;
  if (fixed === undefined || fixed === "") return inngestBackoff;
  const ms = Number(fixed);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`RETRY_BACKOFF_MS must be a number of milliseconds ≥ 0, not "${fixed}"`);
  return fixedBackoff(ms);
}

/** Retry-After is honoured but clamped to [1 s, 24 h] from now, as Inngest does. */
export function clampRetryAt(retryAt: Date, now = Date.now()): Date {
  return new Date(Math.min(Math.max(retryAt.getTime(), now + 1_000), now + 86_400_000));
}
