/**
 * Hybrid logical clock stamps (as Actual Budget orders its changes): wall-clock milliseconds, a
 * counter for stamps given within one millisecond or while the wall clock is behind a stamp seen
 * from another laptop, and the device id, which breaks ties. Fixed widths, so comparing the
 * strings compares the stamps. "" is a row never stamped (it sorts below every stamp).
 */
export const STAMP_PATTERN = /^(|\d{15}-\d{6}-[0-9a-f]{16})$/;

const parts = (stamp: string) => ({ ms: Number(stamp.slice(0, 15)), counter: Number(stamp.slice(16, 22)) });

/** The next stamp after `last` (the highest this database gave or saw), at wall-clock `now`. */
export function nextStamp(last: string, now: number, deviceId: string): string {
  const prev = last === '' ? { ms: 0, counter: -1 } : parts(last);
  const ms = Math.max(now, prev.ms);
  const counter = ms === prev.ms ? prev.counter + 1 : 0;
  if (counter > 999_999) return nextStamp('', ms + 1, deviceId);
  return `${String(ms).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${deviceId}`;
}

export const laterStamp = (a: string, b: string): string => (a >= b ? a : b);
