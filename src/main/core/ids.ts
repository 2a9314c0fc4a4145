import { randomFillSync } from 'node:crypto';
import type { Clock } from './clock';

let lastMs = -1;
let counter = 0;

/** Random bytes drawn from the system's generator 4 KB at a time: one call per id cost more than the rest of it. */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function random(n: number): Buffer {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += n;
  return pool.subarray(poolAt - n, poolAt);
}

/**
 * UUIDv7 (RFC 9562): 48-bit millisecond timestamp, version, a 12-bit counter, random bits.
 * Sortable by creation and unique across machines, so two databases can merge. The counter
 * (method 1 of the RFC) keeps ids made in the same millisecond in creation order.
 */
export function uuidv7(clock: Clock): string {
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
  const bytes = new Array<number>(16);
  // 48 bits do not fit a 32-bit shift: the high 16 bits come from a division.
  const high = Math.floor(ms / 2 ** 32);
  const low = ms >>> 0;
  bytes[0] = (high >>> 8) & 0xff;
  bytes[1] = high & 0xff;
  bytes[2] = low >>> 24;
  bytes[3] = (low >>> 16) & 0xff;
  bytes[4] = (low >>> 8) & 0xff;
  bytes[5] = low & 0xff;
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  const rest = random(8);
  bytes[8] = (rest[0]! & 0x3f) | 0x80;
  for (let i = 1; i < 8; i++) bytes[8 + i] = rest[i]!;
  const h = bytes.map((b) => HEX[b]!);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}
