import { LIMITS } from "./limits";

/** An event that passed validation, ready to store. */
export interface NewEvent {
  name: string;
  data: Record<string, unknown>;
  user: Record<string, unknown>;
  /** The sender's id, the dedupe key. */
  externalId: string | null;
  ts: number;
  v: string | null;
}

export type ValidationResult =
  | { ok: true; events: NewEvent[] }
  | { ok: false; status: 400 | 413; error: string };

const RESERVED_PREFIX = "inngest/";

/**
 * Checks a parsed request body: one event object or an array of them. The first problem is
 * reported with its path (`events[3].name: ...`, or `name: ...` for a single object), and then
 * nothing of the batch is stored.
 */
export function validateEvents(body: unknown, now = Date.now()): ValidationResult {
  const isArray = Array.isArray(body);
  const items: unknown[] = isArray ? body : [body];
  if (!isArray && (body === null || typeof body !== "object")) {
    return fail(400, "body: must be an event object or an array of event objects");
  }
  if (items.length === 0) return fail(400, "body: the array holds no events");
  if (items.length > LIMITS.maxEventsPerRequest) {
    return fail(400, `body: ${items.length} events is over the limit of ${LIMITS.maxEventsPerRequest} per request`);
  }
  const events: NewEvent[] = [];
  for (let i = 0; i < items.length; i++) {
    const at = isArray ? `events[${i}].` : "";
    const result = validateEvent(items[i], at, now);
    if (typeof result === "string") return fail(result.startsWith("413:") ? 413 : 400, result.replace(/^413:/, ""));
    events.push(result);
  }
  return { ok: true, events };
}

function validateEvent(item: unknown, at: string, now: number): NewEvent | string {
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    return `${at ? at.slice(0, -1) : "event"}: must be an object`;
  }
  const e = item as Record<string, unknown>;

  // Depth first: measuring the size serialises the event, which recurses.
  const shape = inspectJson(e);
  if (shape.depth > LIMITS.maxJsonDepth) {
    return `${at ? at.slice(0, -1) : "event"}: nested more than ${LIMITS.maxJsonDepth} levels deep`;
  }
  if (shape.badText) return `${at}${shape.badText}`;
  const size = jsonSize(e);
  if (size > LIMITS.maxEventBytes) {
    return `413:${at ? at.slice(0, -1) : "event"}: over the max size: max ${LIMITS.maxEventBytes} bytes / size ${size} bytes`;
  }

  if (e.name === undefined || e.name === null) return `${at}name: is required`;
  if (typeof e.name !== "string") return `${at}name: must be a string`;
  if (e.name.trim() === "") return `${at}name: must not be empty`;
  if (e.name.length > LIMITS.maxEventNameLength) {
    return `${at}name: ${e.name.length} characters is over the limit of ${LIMITS.maxEventNameLength}`;
  }
  if (e.name.toLowerCase().startsWith(RESERVED_PREFIX)) {
    return `${at}name: "${e.name}" is reserved for internal use (names starting with "${RESERVED_PREFIX}")`;
  }

  const data = e.data ?? {};
  if (!isPlainObject(data)) return `${at}data: must be an object`;
  const user = e.user ?? {};
  if (!isPlainObject(user)) return `${at}user: must be an object`;

  let externalId: string | null = null;
  if (e.id !== undefined && e.id !== null) {
    if (typeof e.id !== "string") return `${at}id: must be a string`;
    if (e.id === "") return `${at}id: must not be empty`;
    if (e.id.length > LIMITS.maxEventIdLength) {
      return `${at}id: ${e.id.length} characters is over the limit of ${LIMITS.maxEventIdLength}`;
    }
    externalId = e.id;
  }

  let ts = now;
  if (e.ts !== undefined && e.ts !== null) {
    if (typeof e.ts !== "number" || !Number.isInteger(e.ts)) return `${at}ts: must be a whole number of milliseconds since the epoch`;
    if (e.ts < LIMITS.minTs) return `${at}ts: timestamp is before Jan 1, 1980`;
    if (e.ts >= LIMITS.maxTs) return `${at}ts: timestamp is after Jan 1, 2100`;
    ts = e.ts;
  }

  let v: string | null = null;
  if (e.v !== undefined && e.v !== null) {
    if (typeof e.v !== "string") return `${at}v: must be a string`;
    if (e.v.length > LIMITS.maxVersionLength) return `${at}v: over the limit of ${LIMITS.maxVersionLength} characters`;
    v = e.v;
  }

  // Inngest strips `data._inngest` from events users send: it is the server's to set.
  const { _inngest: _ignored, ...cleanData } = data as Record<string, unknown>;
  return { name: e.name, data: cleanData, user: user as Record<string, unknown>, externalId, ts, v };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function fail(status: 400 | 413, error: string): ValidationResult {
  return { ok: false, status, error };
}

function jsonSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

// PostgreSQL cannot store NUL characters or unpaired UTF-16 surrogates in text or jsonb.
const UNSTORABLE = /\u0000|[\uD800-\uDFFF]/u;

/**
 * Depth of nested objects/arrays, and the path of the first string PostgreSQL cannot store.
 * Iterative, so a hostile body cannot overflow the stack.
 */
function inspectJson(root: unknown): { depth: number; badText: string | null } {
  let max = 0;
  let badText: string | null = null;
  const stack: Array<[unknown, number, string]> = [[root, 1, ""]];
  while (stack.length) {
    const [value, depth, path] = stack.pop()!;
    if (typeof value === "string") {
      if (!badText && UNSTORABLE.test(value)) badText = `${path || "value"}: contains a NUL character or an unpaired surrogate, which cannot be stored`;
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth > max) max = depth;
    if (max > LIMITS.maxJsonDepth) return { depth: max, badText };
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) {
      if (!badText && UNSTORABLE.test(key)) badText = `${path || "value"}: has a key with a NUL character or an unpaired surrogate`;
      const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key.slice(0, 40)}` : key.slice(0, 40);
      stack.push([child, depth + 1, childPath]);
    }
  }
  return { depth: max, badText };
}
