import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';

/**
 * UUIDv7 (RFC 9562): 48-bit millisecond timestamp, version, 74 random bits. Sortable by
 * creation time and unique across machines, so two teams' databases can merge later.
 */
export function uuidv7(clock: Clock): string {
  const bytes = randomBytes(16);
  const ms = BigInt(clock.now());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
