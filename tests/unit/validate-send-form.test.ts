import { describe, expect, it } from "vitest";
import { fieldOfApiError, validateSendForm } from "@/components/events/validate-send-form";

describe("validateSendForm", () => {
  it("accepts a name and a JSON object, trimming the name", () => {
    expect(validateSendForm("  job/foobar ", '{"fail": true}')).toEqual({ errors: {}, event: { name: "job/foobar", data: { fail: true } } });
  });

  it("sends empty data as {}", () => {
    expect(validateSendForm("job/foobar", "  \n")).toEqual({ errors: {}, event: { name: "job/foobar", data: {} } });
  });

  it("refuses empty, reserved and over-long names", () => {
    expect(validateSendForm("  ", "{}").errors.name).toBe("Give the event a name, e.g. job/foobar");
    expect(validateSendForm("inngest/function.failed", "{}").errors.name).toBe("Names starting with inngest/ are reserved for the system");
    expect(validateSendForm("Inngest/x", "{}").errors.name).toMatch(/reserved/);
    expect(validateSendForm("a".repeat(257), "{}").errors.name).toBe("At most 256 characters (this one has 257)");
    expect(validateSendForm("a".repeat(256), "{}").event?.name).toHaveLength(256);
  });

  it("refuses data that is not JSON, or JSON that is not an object, and reports both fields at once", () => {
    const bad = validateSendForm("inngest/x", "{not json");
    expect(bad.event).toBeUndefined();
    expect(bad.errors.name).toMatch(/reserved/);
    expect(bad.errors.data).toMatch(/^Not valid JSON: /);
    expect(validateSendForm("a/b", "[1, 2]").errors.data).toBe('Data must be a JSON object, e.g. {"orderId": 42}; this is an array');
    expect(validateSendForm("a/b", "null").errors.data).toMatch(/this is null$/);
    expect(validateSendForm("a/b", '"text"').errors.data).toMatch(/this is a string$/);
  });
});

describe("fieldOfApiError", () => {
  it("finds the field the API named", () => {
    expect(fieldOfApiError("data: must be an object")).toBe("data");
    expect(fieldOfApiError("data.nested: 65 levels of nesting is over the limit of 64")).toBe("data");
    expect(fieldOfApiError('name: "inngest/x" is reserved for internal use')).toBe("name");
    expect(fieldOfApiError("event: 3 MiB is over the limit")).toBeNull();
    expect(fieldOfApiError("database unavailable")).toBeNull();
  });
});
