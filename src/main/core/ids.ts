import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';

let lastMs = -1;
let counter = 0;

/**
 * UUIDv7 (RFC 9562): 48-bit millisecond timestamp, version, a 12-bit counter, random bits.
 * Sortable by creation and unique across machines, so two databases can merge. The counter
 * (method 1 of the RFC) keeps ids made in the same millisecond in creation order.
 */
export function uuidv7(clock: Clock): string {
  const bytes = randomBytes(16);
  let ms = clock.now();
  if (ms <= lastMs) {
    counter++;
    if (counter > 0xfff) {
      // 4096 ids in one millisecond: borrow the next one rather than lose order.
      lastMs++;
      counter = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    counter = 0;
  }
  const big = BigInt(ms);
  for (let i = 0; i < 6; i++) bytes[i] = Number((big >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
