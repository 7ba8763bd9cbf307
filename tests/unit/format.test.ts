import { describe, expect, it } from "vitest";
import { formatDuration, formatPercent, formatRelative } from "@/lib/format";
import { parseRunFilters, runFiltersToApi, runFiltersToSearch } from "@/lib/client/run-filters";

describe("format", () => {
  it("durations", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(4_200)).toBe("4.2 s");
    expect(formatDuration(192_000)).toBe("3 min 12 s");
    expect(formatDuration(7_500_000)).toBe("2 h 5 min");
    expect(formatDuration(null)).toBe("—");
  });
  it("relative times, past and future", () => {
    const now = Date.parse("2026-11-25T12:00:00Z");
    expect(formatRelative("2026-11-25T11:55:00Z", now)).toBe("5 min ago");
    expect(formatRelative("2026-11-25T12:00:30Z", now)).toBe("in 30 s");
    expect(formatRelative("2026-11-25T11:59:58Z", now)).toBe("just now");
  });
  it("percentages", () => {
    expect(formatPercent(0.25)).toBe("25%");
    expect(formatPercent(0.042)).toBe("4.2%");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("run filters in the URL", () => {
  it("round-trip, dropping unknown statuses and ranges", () => {
    const f = parseRunFilters(new URLSearchParams("status=FAILED&status=bogus&status=queued&function=retriable-fn&range=24h&q=01J"));
    expect(f).toEqual({ statuses: ["FAILED", "QUEUED"], functionId: "retriable-fn", eventName: "", range: "24h", q: "01J" });
    expect(runFiltersToSearch(f)).toBe("?status=FAILED&status=QUEUED&function=retriable-fn&range=24h&q=01J");
    expect(parseRunFilters(new URLSearchParams("range=forever")).range).toBe("");
  });
  it("turn a time range into the API's from", () => {
    const f = parseRunFilters(new URLSearchParams("range=1h"));
    expect(runFiltersToApi(f, Date.parse("2026-11-25T12:00:00Z"))).toBe("from=2026-11-25T11%3A00%3A00.000Z");
  });
});
