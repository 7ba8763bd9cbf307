import { RUN_STATUSES, type RunStatus } from "@/lib/api-types";
import { ULID_PATTERN } from "@/lib/queries/ulid-time";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_TEXT = 256;

/** Reads and checks query parameters, collecting the first problem as "name: reason". */
export class QueryParams {
  private problem: string | null = null;
  constructor(private readonly params: URLSearchParams) {}

  get error(): string | null {
    return this.problem;
  }

  private fail(message: string): undefined {
    this.problem ??= message;
    return undefined;
  }

  text(name: string): string | undefined {
    const value = this.params.get(name);
    if (value === null || value === "") return undefined;
    if (value.length > MAX_TEXT) return this.fail(`${name}: ${value.length} characters is over the limit of ${MAX_TEXT}`);
    // PostgreSQL text cannot hold these; say so rather than fail in the query.
    if (/\u0000|[\uD800-\uDFFF]/u.test(value)) return this.fail(`${name}: contains a NUL character or an unpaired surrogate`);
    return value;
  }

  ulid(name: string): string | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (!ULID_PATTERN.test(value)) return this.fail(`${name}: "${value.slice(0, 40)}" is not a valid cursor (a run or event id)`);
    return value;
  }

  statuses(name: string): RunStatus[] {
    const values = this.params.getAll(name).flatMap((v) => v.split(",")).filter(Boolean);
    const bad = values.find((v) => !(RUN_STATUSES as readonly string[]).includes(v.toUpperCase()));
    if (bad !== undefined) {
      this.fail(`${name}: "${bad.slice(0, 40)}" is not a status (use ${RUN_STATUSES.join(", ")})`);
      return [];
    }
    return [...new Set(values.map((v) => v.toUpperCase() as RunStatus))];
  }

  /** A time as ISO 8601 or milliseconds since the epoch. */
  time(name: string): number | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isFinite(ms)) return this.fail(`${name}: "${value.slice(0, 40)}" is not a time (use ISO 8601 or epoch milliseconds)`);
    return ms;
  }

  int(name: string, min: number, max: number, fallback: number): number {
    const value = this.params.get(name);
    if (value === null || value === "") return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.fail(`${name}: must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  }
}

/** Route ids are ULIDs; anything else cannot exist, so it is a 404 without a query. */
export function isId(value: string): boolean {
  return ULID_PATTERN.test(value);
}
