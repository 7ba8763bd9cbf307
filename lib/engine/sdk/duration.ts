const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Milliseconds in a duration given as a number of ms or as Inngest's strings ("30s", "2h45m",
 * "1d", "1w"). Throws on anything else, so a typo fails loudly instead of sleeping for 0 ms.
 */
export function toMilliseconds(duration: number | string): number {
  if (typeof duration === "number") {
    if (!Number.isFinite(duration) || duration < 0) throw new Error(`invalid duration: ${duration}`);
    return duration;
  }
  const text = duration.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/.test(text)) {
    throw new Error(`invalid duration "${duration}": use e.g. "500ms", "30s", "2h45m", "1d", "1w"`);
  }
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)) {
    total += Number(amount) * UNIT_MS[unit];
  }
  return total;
}
