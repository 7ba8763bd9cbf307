// The Send event form's checks: the rules the API applies to an event, said next to the field
// before anything is sent.

const RESERVED_PREFIX = "inngest/";
const MAX_NAME_LENGTH = 256;

export interface SendFormCheck {
  errors: { name?: string; data?: string };
  /** The event to send, when there are no errors. */
  event?: { name: string; data: Record<string, unknown> };
}

export function validateSendForm(nameInput: string, dataText: string): SendFormCheck {
  const errors: SendFormCheck["errors"] = {};
  const name = nameInput.trim();
  if (name === "") errors.name = "Give the event a name, e.g. job/foobar";
  else if (name.toLowerCase().startsWith(RESERVED_PREFIX)) errors.name = `Names starting with ${RESERVED_PREFIX} are reserved for the system`;
  else if (name.length > MAX_NAME_LENGTH) errors.name = `At most ${MAX_NAME_LENGTH} characters (this one has ${name.length})`;

  let data: Record<string, unknown> | undefined;
  if (dataText.trim() === "") data = {};
  else {
    try {
      const parsed: unknown = JSON.parse(dataText);
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        errors.data = `Data must be a JSON object, e.g. {"orderId": 42}; this is ${describeJson(parsed)}`;
      } else data = parsed as Record<string, unknown>;
    } catch (err) {
      errors.data = `Not valid JSON: ${(err as Error).message}`;
    }
  }
  if (errors.name || errors.data || !data) return { errors };
  return { errors, event: { name, data } };
}

function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

/**
 * The API names the field it refused ("data: must be an object", "name: ... is reserved"), so a
 * refusal can be shown next to that field; anything else is shown above the button.
 */
export function fieldOfApiError(message: string): "name" | "data" | null {
  const m = /^(name|data)(?:[.[:\s]|$)/.exec(message);
  return m ? (m[1] as "name" | "data") : null;
}
