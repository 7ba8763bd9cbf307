// Input limits, documented in the README ("Limits"). Inngest's own figures where it has them.
export const LIMITS = {
  /** Events in one request. */
  maxEventsPerRequest: 5_000,
  /** Size of one event as JSON. */
  maxEventBytes: 3 * 1024 * 1024,
  /** Size of one request body. */
  maxBodyBytes: 16 * 1024 * 1024,
  maxEventNameLength: 256,
  maxEventIdLength: 256,
  maxVersionLength: 128,
  /** Nesting of objects and arrays inside one event. */
  maxJsonDepth: 64,
  /** Event timestamps must fall in this range (ms since the epoch), as in Inngest. */
  minTs: Date.UTC(1980, 0, 1),
  maxTs: Date.UTC(2100, 0, 1),
} as const;
