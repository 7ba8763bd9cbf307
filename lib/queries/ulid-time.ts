import { encodeTime } from "ulid";

/**
 * The smallest ULID minted at `ms`: run and event ids are ULIDs, so "queued between A and B"
 * becomes a range on the primary key.
 */
export function ulidFloor(ms: number): string {
  return encodeTime(Math.max(0, Math.min(ms, 281474976710655)), 10) + "0".repeat(16);
}

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
