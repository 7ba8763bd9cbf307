import { monotonicFactory } from "ulid";

// Monotonic within a process, so ids made in the same millisecond still sort in creation order:
// run lists page by id.
const next = monotonicFactory();

export function newId(): string {
  return next();
}
